import { pickName } from '../../../i18n/translate';
import { rankItems } from '../../live-model';
import { column } from '../columns';
import descriptor from '../rank-list';
import { defineTable } from './define';

/** The rank-list panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => {
  const items = rankItems(main.records, options);
  const units = new Set(items.map((r) => r.unit ?? ''));
  const unit = units.size === 1 ? [...units][0] || undefined : undefined;
  return {
    columns: [
      column(view, 'rank', 'col.rank', 'count'),
      column(view, 'name', 'col.name', 'text'),
      column(view, 'value', 'col.value', 'number', { unit, digits: options.digits }),
    ],
    rows: items.map((r, i) => ({ rank: i + 1, name: pickName(r, view.locale), value: r.value })),
  };
});
