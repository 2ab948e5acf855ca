import { z } from 'zod';
import { translate } from '../../i18n/translate';
import { responseRows } from '../response-model';
import { definePanel, type SlotMap } from '../types';
import { column } from './columns';

export const responseTimesOptions = z
  .object({
    /** Also show the share of incidents on scene within target as a column (it is always in the data table). */
    showOnTarget: z.boolean().default(false),
  })
  .strict();
export type ResponseTimesOptions = z.output<typeof responseTimesOptions>;
export const responseTimesSlots = { main: { contract: 'response-time' } } as const satisfies SlotMap;

/** Time to dispatch and time to scene by incident level (Ⅰ–Ⅳ) against their targets, minutes. */
export default definePanel({
  type: 'response-times',
  optionsSchema: responseTimesOptions,
  datasets: responseTimesSlots,
  load: () => import('../response-times'),
  defaultTitle: { zh: '响应时效', en: 'Response times' },
  toTable: ({ main }, _options, view) => ({
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
  }),
});
