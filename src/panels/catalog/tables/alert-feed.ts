import { alertItems } from '../../live-model';
import { term } from '../../../i18n/translate';
import { column } from '../columns';
import descriptor from '../alert-feed';
import { defineTable } from './define';

/** The alert-feed panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => ({
  columns: [
    column(view, 'time', 'col.time', 'time'),
    column(view, 'level', 'col.level', 'text'),
    column(view, 'region', 'col.region', 'region'),
    column(view, 'message', 'col.message', 'text'),
  ],
  rows: alertItems(main.records, options, view.region).map((r) => ({
    time: r.at,
    level: term('incident.level', r.level, view.locale),
    region: r.region ?? null,
    regionName: r.region ? view.regionLabel(r.region) : null,
    message: r.message,
  })),
}));
