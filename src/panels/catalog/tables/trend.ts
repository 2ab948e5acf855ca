import { localize } from '../../../i18n/i18n';
import { translate } from '../../../i18n/translate';
import { analysedTrend } from '../../../charts/models/trend';
import type { TableColumn, TableRow } from '../../../lib/data-table';
import { analysisRecords, trendAnalysisNow, trendWants } from '../../insights-analysis';
import { column } from '../columns';
import descriptor from '../trend';
import { defineTable } from './define';

/** The trend panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main, history }, options, view) => {
  const shown = main.records ?? [];
  const source = analysisRecords(main.records, history) ?? [];
  const analysis = shown.length ? trendAnalysisNow(source, trendWants(options, shown)) : {};
  const { periods, observed, groups } = analysedTrend(shown, options, view, analysis);
  const columns: TableColumn[] = [column(view, 'period', 'col.period', 'period')];
  const vars = (name: string) => ({ name });
  for (const g of groups) {
    columns.push(column(view, `value:${g.id}`, 'col.series', 'number', { unit: g.unit, vars: vars(g.name) }));
    if (options.showPrior && g.prior.some((v) => v !== null)) {
      columns.push(
        options.priorName
          ? { key: `prior:${g.id}`, label: `${g.name} · ${localize(options.priorName, view.locale)}`, kind: 'number', unit: g.unit }
          : column(view, `prior:${g.id}`, 'col.seriesPrior', 'number', { unit: g.unit, vars: vars(g.name) }),
      );
    }
    if (options.showTarget && g.target.some((v) => v !== null)) {
      columns.push(column(view, `target:${g.id}`, 'col.seriesTarget', 'number', { unit: g.unit, vars: vars(g.name) }));
    }
    if (g.method !== null) {
      columns.push(column(view, `forecast:${g.id}`, 'an.col.forecast', 'number', { unit: g.unit, vars: vars(g.name) }));
      columns.push(column(view, `lo80:${g.id}`, 'an.col.lo80', 'number', { unit: g.unit, vars: vars(g.name) }));
      columns.push(column(view, `hi80:${g.id}`, 'an.col.hi80', 'number', { unit: g.unit, vars: vars(g.name) }));
      columns.push(column(view, `lo95:${g.id}`, 'an.col.lo95', 'number', { unit: g.unit, vars: vars(g.name) }));
      columns.push(column(view, `hi95:${g.id}`, 'an.col.hi95', 'number', { unit: g.unit, vars: vars(g.name) }));
    }
    if (g.spikes.length) columns.push(column(view, `spike:${g.id}`, 'an.col.spike', 'text', { vars: vars(g.name) }));
    if (g.breaks.length) columns.push(column(view, `break:${g.id}`, 'an.col.break', 'text', { vars: vars(g.name) }));
  }
  const rows: TableRow[] = periods.map((period, i) => {
    const row: Record<string, string | number | null> = { period };
    const future = i >= observed;
    for (const g of groups) {
      row[`value:${g.id}`] = g.values[i] ?? null;
      row[`prior:${g.id}`] = g.prior[i] ?? null;
      row[`target:${g.id}`] = g.target[i] ?? null;
      // The forecast columns hold the forecast periods only (the chart joins the line to the last actual).
      row[`forecast:${g.id}`] = future ? (g.forecast[i] ?? null) : null;
      row[`lo80:${g.id}`] = future ? (g.lo80[i] ?? null) : null;
      row[`hi80:${g.id}`] = future ? (g.hi80[i] ?? null) : null;
      row[`lo95:${g.id}`] = future ? (g.lo95[i] ?? null) : null;
      row[`hi95:${g.id}`] = future ? (g.hi95[i] ?? null) : null;
      const spike = g.spike[i];
      row[`spike:${g.id}`] = spike ? translate(spike === 'up' ? 'an.spike' : 'an.spikeLow', view.locale) : null;
      row[`break:${g.id}`] = g.breaks.some((b) => b.t === period) ? translate('an.changepoint', view.locale) : null;
    }
    return row;
  });
  return { columns, rows };
});
