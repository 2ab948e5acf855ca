import { pickName } from '../../../i18n/translate';
import { column } from '../columns';
import descriptor from '../stat';
import { defineTable } from './define';

/** The stat panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => {
  const r = main.records?.find((k) => k.id === options.indicator);
  return {
    columns: [
      column(view, 'indicator', 'col.indicator', 'text'),
      column(view, 'period', 'col.period', 'period'),
      column(view, 'value', 'col.value', 'number', { unit: r?.unit }),
      column(view, 'yoy', 'col.yoy', 'number', { unit: r?.unit === '%' ? 'pp' : '%', digits: 1 }),
    ],
    rows: r ? [{ indicator: pickName(r, view.locale), period: r.period, value: r.value, yoy: r.yoy ?? null }] : [],
  };
});
