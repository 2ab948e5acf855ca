import { incidentItems } from '../../live-model';
import { term } from '../../../i18n/translate';
import { column } from '../columns';
import descriptor from '../incident-list';
import { defineTable } from './define';

/** The incident-list panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => ({
  columns: [
    column(view, 'time', 'col.time', 'time'),
    column(view, 'level', 'col.level', 'text'),
    column(view, 'type', 'col.type', 'text'),
    column(view, 'region', 'col.region', 'region'),
    column(view, 'title', 'col.title', 'text'),
    column(view, 'status', 'col.status', 'text'),
  ],
  rows: incidentItems(main.records, options, view.region, view.filters).map((r) => ({
    time: r.reportedAt,
    level: term('incident.level', r.severity, view.locale),
    type: term('incident.type', r.type, view.locale),
    region: r.region,
    regionName: view.regionLabel(r.region),
    title: r.title,
    status: term('incident.status', r.status, view.locale),
  })),
}));
