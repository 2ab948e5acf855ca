import type { ForecastResult } from '../../../analysis/types';
import { evaluateRules, forecastBreaches, orderBreaches, type RegionForecast } from '../../alert-model';
import { forecastTasks, peekAnalysis } from '../../insights-analysis';
import { pickName, term, translate } from '../../../i18n/translate';
import { column } from '../columns';
import descriptor from '../alert-list';
import { defineTable } from './define';

/** The alert-list panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main, kpi, history }, options, view) => {
  const kpis = kpi.records ?? [];
  const metrics = [
    ...(main.records ?? []),
    ...kpis.map((k) => ({ code: k.region, indicator: k.id, value: k.value, yoy: k.yoy ?? null, unit: k.unit, period: k.period })),
  ];
  const names = new Map(kpis.map((k) => [k.id, pickName(k, view.locale)]));
  const observed = evaluateRules(options.rules, metrics);
  const breaches = orderBreaches(observed, new Map()).slice(0, options.maxItems);
  // Forecast warnings (the answers the panel's worker gave), listed first as on screen.
  const forecasts: RegionForecast[] = [];
  for (const x of forecastTasks(options.rules, history?.bound ? (history.records ?? []) : [])) {
    const r = peekAnalysis('forecast', x.task.args as never) as ForecastResult | undefined;
    if (r?.ok) forecasts.push({ ...x.region, band: r.band });
  }
  const warnings = forecastBreaches(options.rules, forecasts, observed);
  return {
    columns: [
      column(view, 'level', 'col.level', 'text'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'indicator', 'col.indicator', 'text'),
      column(view, 'field', 'col.field', 'text'),
      column(view, 'actual', 'col.value', 'number'),
      column(view, 'threshold', 'col.threshold', 'number'),
      column(view, 'unit', 'col.unit', 'text'),
      column(view, 'period', 'col.period', 'period'),
      column(view, 'kind', 'an.col.alertKind', 'text'),
      column(view, 'lead', 'an.col.lead', 'number', { unit: translate('an.unit.months', view.locale), digits: 0 }),
    ],
    rows: [
      ...warnings.map((w) => ({
        level: term('incident.level', w.level, view.locale),
        region: w.code,
        regionName: view.regionLabel(w.code),
        indicator: names.get(w.indicator) ?? w.indicator,
        field: translate('col.value', view.locale),
        actual: w.mean,
        threshold: w.threshold,
        unit: w.unit ?? null,
        period: w.at,
        kind: translate('an.alert.forecast', view.locale),
        lead: w.leadMonths,
      })),
      ...breaches.map((b) => ({
        level: term('incident.level', b.level, view.locale),
        region: b.code,
        regionName: view.regionLabel(b.code),
        indicator: names.get(b.indicator) ?? b.indicator,
        field: translate(b.field === 'yoy' ? 'col.yoy' : 'col.value', view.locale),
        actual: b.actual,
        threshold: b.threshold,
        unit: b.field === 'yoy' ? (b.unit === '%' ? 'pp' : '%') : (b.unit ?? null),
        period: b.period ?? null,
        kind: translate('an.alert.observed', view.locale),
        lead: null,
      })),
    ],
  };
});
