import { rankRows, rankUnit } from '../../../charts/models/ranking';
import { column } from '../columns';
import descriptor from '../ranking';
import { defineTable } from './define';

/** The ranking panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => {
  const records = main.records ?? [];
  const filter = view.filters.indicator;
  const indicator = options.followFilter && filter && records.some((r) => r.indicator === filter) ? filter : options.indicator;
  const spec = { ...options, indicator };
  const unit = rankUnit(records, spec);
  const rows = rankRows(records, { ...spec, limit: 0 }, view);
  return {
    columns: [
      column(view, 'rank', 'col.rank', 'count'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'value', options.field === 'yoy' ? 'col.yoy' : 'col.value', 'number', { unit }),
    ],
    rows: rows.map((r) => ({ rank: r.rank, region: r.code, regionName: view.regionLabel(r.code), value: r.value })),
  };
});
