import { translate } from '../../../i18n/translate';
import { targetModel } from '../../domain-models';
import { column } from '../columns';
import descriptor from '../target-bars';
import { defineTable } from './define';

/** The target-bars panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => {
  const m = targetModel(main.records, options);
  return {
    columns: [
      column(view, 'rank', 'col.rank', 'count'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'value', 'col.value', 'number', { unit: m.unit, digits: options.digits }),
      column(view, 'target', 'col.targetValue', 'number', { unit: m.unit, digits: options.digits }),
      column(view, 'gap', 'col.gap', 'number', { unit: m.unit, digits: options.digits }),
      column(view, 'verdict', 'col.verdict', 'text'),
    ],
    rows: m.rows.map((r, i) => ({
      rank: i + 1,
      region: r.code,
      regionName: view.regionLabel(r.code),
      value: r.value,
      target: options.target.value,
      gap: r.gap,
      verdict: r.value === null ? null : translate(r.miss ? 'target.miss' : 'target.met', view.locale),
    })),
  };
});
