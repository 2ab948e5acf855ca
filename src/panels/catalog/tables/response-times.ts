import { translate } from '../../../i18n/translate';
import { responseRows } from '../../response-model';
import { column } from '../columns';
import descriptor from '../response-times';
import { defineTable } from './define';

/** The response-times panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, _options, view) => ({
  columns: [
    column(view, 'level', 'col.level', 'text'),
    column(view, 'dispatch', 'response.dispatch', 'number', { unit: '分钟', digits: 1 }),
    column(view, 'dispatchTarget', 'response.dispatchTarget', 'number', { unit: '分钟', digits: 0 }),
    column(view, 'scene', 'response.scene', 'number', { unit: '分钟', digits: 1 }),
    column(view, 'sceneTarget', 'response.sceneTarget', 'number', { unit: '分钟', digits: 0 }),
    column(view, 'onTarget', 'response.onTarget', 'number', { unit: '%', digits: 1 }),
    column(view, 'count', 'response.count', 'number', { unit: '起', digits: 0 }),
  ],
  rows: responseRows(main.records).map((r) => ({
    level: translate(`incident.level.${r.level}`, view.locale),
    dispatch: r.dispatchMinutes,
    dispatchTarget: r.dispatchTarget,
    scene: r.sceneMinutes,
    sceneTarget: r.sceneTarget,
    onTarget: r.onTarget,
    count: r.count,
  })),
}));
