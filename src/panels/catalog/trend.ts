import { localize } from '../../i18n/i18n';
import { trendGroups } from '../../charts/models/trend';
import type { TableColumn, TableRow } from '../../lib/data-table';
import { definePanel } from '../types';
import { column } from './columns';
import { trendOptions, trendSlots } from './economy-options';

/** Lines or bars over the view's time range, with target and prior-year comparison. */
export default definePanel({
  type: 'trend',
  optionsSchema: trendOptions,
  datasets: trendSlots,
  load: () => import('../trend-panel'),
  defaultTitle: { zh: '走势', en: 'Trend' },
  toTable: ({ main }, options, view) => {
    const { periods, groups } = trendGroups(main.records ?? [], options, view);
    const columns: TableColumn[] = [column(view, 'period', 'col.period', 'period')];
    for (const g of groups) {
      columns.push(column(view, `value:${g.id}`, 'col.series', 'number', { unit: g.unit, vars: { name: g.name } }));
      if (options.showPrior && g.prior.some((v) => v !== null)) {
        columns.push(
          options.priorName
            ? { key: `prior:${g.id}`, label: `${g.name} · ${localize(options.priorName, view.locale)}`, kind: 'number', unit: g.unit }
            : column(view, `prior:${g.id}`, 'col.seriesPrior', 'number', { unit: g.unit, vars: { name: g.name } }),
        );
      }
      if (options.showTarget && g.target.some((v) => v !== null)) {
        columns.push(column(view, `target:${g.id}`, 'col.seriesTarget', 'number', { unit: g.unit, vars: { name: g.name } }));
      }
    }
    const rows: TableRow[] = periods.map((period, i) => {
      const row: Record<string, string | number | null> = { period };
      for (const g of groups) {
        row[`value:${g.id}`] = g.values[i] ?? null;
        row[`prior:${g.id}`] = g.prior[i] ?? null;
        row[`target:${g.id}`] = g.target[i] ?? null;
      }
      return row;
    });
    return { columns, rows };
  },
});
