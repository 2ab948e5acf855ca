import type { Pace, PaceResult } from '../../../analysis/types';
import type { Locale } from '../../../lib/locale';
import { pickName, translate } from '../../../i18n/translate';
import { paceInput, peekAnalysis } from '../../insights-analysis';
import { column } from '../columns';
import descriptor from '../kpi-row';
import { defineTable } from './define';

/** The kpi-row panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main, history }, options, view) => {
  const records = main.records ?? [];
  const historyRecords = history?.bound ? (history.records ?? undefined) : undefined;
  // The pace the cards show (the worker's answers for the same inputs).
  const paceOf = (r: (typeof records)[number]) => {
    const input = paceInput(r, historyRecords);
    const p = input ? (peekAnalysis('pace', [input]) as PaceResult | undefined) : undefined;
    return p && !('ok' in p) ? p : null;
  };
  const byId = new Map(records.map((r) => [r.id, r]));
  const ordered = options.indicators.length ? options.indicators.flatMap((id) => byId.get(id) ?? []) : records;
  return {
    columns: [
      column(view, 'indicator', 'col.indicator', 'text'),
      column(view, 'period', 'col.period', 'period'),
      column(view, 'value', 'col.value', 'number'),
      column(view, 'unit', 'col.unit', 'text'),
      column(view, 'yoy', 'col.yoy', 'number', { digits: 1 }),
      column(view, 'mom', 'col.mom', 'number', { digits: 1 }),
      column(view, 'changeUnit', 'col.changeUnit', 'text'),
      column(view, 'target', 'col.target', 'number'),
      column(view, 'progress', 'col.progress', 'percent', { unit: '%', digits: 1 }),
      column(view, 'pace', 'an.col.pace', 'number'),
      column(view, 'paceForecast', 'an.col.paceForecast', 'number'),
      column(view, 'paceLo', 'an.col.paceLo', 'number'),
      column(view, 'paceHi', 'an.col.paceHi', 'number'),
      column(view, 'onTrack', 'an.col.onTrack', 'text'),
    ],
    rows: ordered.map((r) => ({
      ...paceColumns(paceOf(r), view.locale),
      indicator: pickName(r, view.locale),
      period: r.period,
      value: r.value,
      unit: r.unit,
      yoy: r.yoy ?? null,
      mom: r.mom ?? null,
      // A rate's change is in percentage points, a level's in per cent.
      changeUnit: r.unit === '%' ? 'pp' : '%',
      target: r.target ?? null,
      progress: r.target && r.value !== null ? (r.value / r.target) * 100 : null,
    })),
  };
});

/** The pace columns of one card's row: year at the current pace, the forecast year with its 80 % interval, the verdict. */
function paceColumns(pace: Pace | null, locale: Locale): Record<string, string | number | null> {
  return {
    pace: pace?.atCurrentPace ?? null,
    paceForecast: pace?.atForecast ?? null,
    paceLo: pace?.forecastLo ?? null,
    paceHi: pace?.forecastHi ?? null,
    onTrack: pace ? translate(`an.onTrack.${pace.onTrack}`, locale) : null,
  };
}
