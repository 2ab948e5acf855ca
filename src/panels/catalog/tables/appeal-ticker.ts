import { appealItems } from '../../live-model';
import { term } from '../../../i18n/translate';
import { column } from '../columns';
import descriptor from '../appeal-ticker';
import { defineTable } from './define';

/** The appeal-ticker panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => ({
  columns: [
    column(view, 'time', 'col.time', 'time'),
    column(view, 'channel', 'col.channel', 'text'),
    column(view, 'category', 'col.category', 'text'),
    column(view, 'region', 'col.region', 'region'),
    column(view, 'text', 'col.text', 'text'),
    column(view, 'status', 'col.status', 'text'),
    column(view, 'department', 'col.department', 'text'),
  ],
  rows: appealItems(main.records, options, view.region, view.filters).map((r) => ({
    time: r.receivedAt,
    channel: term('appeal.channel', r.channel, view.locale),
    category: term('appeal.category', r.category, view.locale),
    region: r.region,
    regionName: view.regionLabel(r.region),
    text: r.text,
    status: term('appeal.status', r.status, view.locale),
    department: r.department ?? null,
  })),
}));
