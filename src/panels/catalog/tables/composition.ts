import { shares } from '../../../charts/models/composition';
import { column } from '../columns';
import descriptor from '../composition';
import { defineTable } from './define';

/** The composition panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, _options, view) => {
  const parts = shares(main.records ?? [], view);
  const units = new Set(parts.map((p) => p.unit ?? ''));
  const unit = units.size === 1 ? [...units][0] || undefined : undefined;
  return {
    columns: [
      column(view, 'item', 'col.item', 'text'),
      column(view, 'value', 'col.value', 'number', { unit }),
      column(view, 'share', 'col.share', 'percent', { unit: '%', digits: 1 }),
    ],
    rows: parts.map((p) => ({ item: p.name, value: p.value, share: p.percent })),
  };
});
