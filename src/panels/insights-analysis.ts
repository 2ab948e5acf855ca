import { useQueries } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { analyze } from '../analysis/client';
import { stableHash } from '../analysis/hash';
import type { AnalysisArgs, AnalysisKind, AnalysisResult } from '../analysis/run';
import type { SeriesAnalysis } from '../charts/models/trend';
import { timeSeriesOf } from '../charts/models/trend';
import type { PaceInput } from '../analysis/types';
import type { KpiRecord, SeriesPoint } from '../data/contracts/index';
import type { RegionForecast } from './alert-model';
import type { AlertRule, TrendOptions } from './catalog/economy-options';

/**
 * The screens' side of the analysis module: which analyses a trend-like panel
 * asks for, run in the analysis worker (TanStack Query, the same keys as
 * `useAnalysis`). `toTable` (the detail view's table and exports) reads the
 * answers the panel's worker has given (`peekAnalysis`); the detail view
 * redraws its table when one arrives (`useAnalysisVersion`). No analysis code
 * is loaded on the main thread for it.
 */
export interface AnalysisTask<K extends AnalysisKind = AnalysisKind> {
  /** Series id (or any key the caller groups by). */
  key: string;
  kind: K;
  args: AnalysisArgs<K>;
}

const cache = new Map<string, unknown>();
const CACHE_MAX = 400;

function cacheKey(kind: AnalysisKind, args: unknown): string {
  return `${kind}|${stableHash(args)}`;
}

let version = 0;
const listeners = new Set<() => void>();

function remember(key: string, value: unknown): void {
  if (cache.has(key)) return;
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  version++;
  for (const l of listeners) l();
}

/** The answer the worker gave for these arguments, if any has arrived on this page. */
export function peekAnalysis<K extends AnalysisKind>(kind: K, args: AnalysisArgs<K>): AnalysisResult<K> | undefined {
  return cache.get(cacheKey(kind, args)) as AnalysisResult<K> | undefined;
}

/** A number that changes whenever a new analysis answer arrives (for tables built from `peekAnalysis`). */
export function useAnalysisVersion(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
}

/** Runs the tasks in the analysis worker; `undefined` entries while pending or failed. */
export function useAnalyses(tasks: readonly AnalysisTask[]): (unknown | undefined)[] {
  const results = useQueries({
    queries: tasks.map((task) => {
      const hash = stableHash(task.args);
      return {
        queryKey: ['analysis', task.kind, hash],
        queryFn: async () => {
          const value = await analyze(task.kind, ...(task.args as AnalysisArgs<typeof task.kind>));
          remember(`${task.kind}|${hash}`, value);
          return value as unknown;
        },
        staleTime: Number.POSITIVE_INFINITY,
        gcTime: 10 * 60_000,
        retry: false,
        refetchOnWindowFocus: false,
      };
    }),
  });
  return results.map((r) => r.data);
}

export interface TrendAnalysisWants {
  /** Series ids to forecast, with the horizon and season. */
  forecast: readonly string[];
  horizon: number;
  season: number | 'auto' | 'none';
  spikes: readonly string[];
  changepoints: readonly string[];
}

/** The analysis tasks of a trend panel over its series history. */
export function trendTasks(records: readonly SeriesPoint[], wants: TrendAnalysisWants): AnalysisTask[] {
  const tasks: AnalysisTask[] = [];
  const ids = new Set([...wants.forecast, ...wants.spikes, ...wants.changepoints]);
  for (const id of ids) {
    const s = timeSeriesOf(records, id);
    if (!s) continue;
    if (wants.forecast.includes(id)) tasks.push({ key: id, kind: 'forecast', args: [s, { horizon: wants.horizon, season: wants.season }] });
    if (wants.spikes.includes(id)) tasks.push({ key: id, kind: 'spikes', args: [s, {}] });
    if (wants.changepoints.includes(id) && s.grain === 'month') tasks.push({ key: id, kind: 'changepoints', args: [s, {}] });
  }
  return tasks;
}

const FIELD: Record<string, keyof SeriesAnalysis> = { forecast: 'forecast', spikes: 'spikes', changepoints: 'changepoints' };

/** Task results grouped per series, as the trend model takes them. */
export function groupResults(tasks: readonly AnalysisTask[], results: readonly (unknown | undefined)[]): Record<string, SeriesAnalysis> {
  const out: Record<string, SeriesAnalysis> = {};
  tasks.forEach((task, i) => {
    const field = FIELD[task.kind];
    const value = results[i];
    if (!field || value === undefined) return;
    const entry = out[task.key] ?? {};
    (entry as Record<string, unknown>)[field] = value;
    out[task.key] = entry;
  });
  return out;
}

/** The trend panel's analyses in the worker, grouped per series. */
export function useTrendAnalysis(records: readonly SeriesPoint[] | undefined, wants: TrendAnalysisWants | null): Record<string, SeriesAnalysis> {
  const tasks = useMemo(() => (records && wants ? trendTasks(records, wants) : []), [records, wants]);
  const results = useAnalyses(tasks);
  const signature = results.map((r) => (r === undefined ? 0 : 1)).join('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` changes exactly when a result arrives
  return useMemo(() => groupResults(tasks, results), [tasks, signature]);
}

/** The answers already given for these analyses (tables, exports); missing ones are left out. */
export function trendAnalysisNow(records: readonly SeriesPoint[], wants: TrendAnalysisWants): Record<string, SeriesAnalysis> {
  const tasks = trendTasks(records, wants);
  return groupResults(
    tasks,
    tasks.map((t) => peekAnalysis(t.kind, t.args as never)),
  );
}

/**
 * What a trend panel asks of the analysis module, from its options and the series it shows.
 * The forecast is on where a series has a target unless `forecast.show` says otherwise; `byDefault`
 * false (analyst mode) leaves it to `show` (the detail view's forecast switch).
 */
export function trendWants(options: TrendOptions, records: readonly SeriesPoint[], byDefault = true): TrendAnalysisWants {
  const ids = options.series.length ? options.series : [...new Set(records.map((r) => r.series))];
  const hasTarget = (id: string) => records.some((r) => r.series === id && r.target !== null && r.target !== undefined);
  return {
    forecast: ids.filter((id) => options.forecast.show ?? (byDefault && hasTarget(id))),
    horizon: options.forecast.horizon,
    season: options.forecast.season,
    spikes: options.spikes ? ids : [],
    changepoints: options.changepoints ? ids : [],
  };
}

/** The records the analyses run on: the longer history when bound and present, else what the chart shows. */
export function analysisRecords(
  main: readonly SeriesPoint[] | undefined,
  history: { bound: boolean; records?: readonly SeriesPoint[] | undefined } | undefined,
): readonly SeriesPoint[] | undefined {
  if (history?.bound && history.records?.length) return history.records;
  return main;
}

/**
 * The pace-to-target input of a headline indicator with an annual target
 * (flows published cumulative-to-date: 亿元, 万吨…): this year's monthly values
 * from the history series (every month from January present; GDP, published
 * by quarter, has none), else from the card's sparkline (12 monthly values
 * ending with the period). Null when the indicator has no target.
 */
export function paceInput(record: KpiRecord, history: readonly SeriesPoint[] | undefined): PaceInput | null {
  if (record.target === null || record.target === undefined || record.value === null || !/^\d{4}-\d{2}$/.test(record.period)) return null;
  const year = record.period.slice(0, 4);
  const month = Number(record.period.slice(5, 7));
  const own = history?.filter((r) => r.series === record.id && r.t <= record.period) ?? [];
  if (own.length) {
    const series = timeSeriesOf(own, record.id);
    if (!series) return null;
    const monthly: (number | null)[] = [];
    for (let m = 1; m <= month; m++) {
      const t = `${year}-${String(m).padStart(2, '0')}`;
      const i = series.t.indexOf(t);
      if (i < 0 || series.y[i] === null) return null;
      monthly.push(series.y[i] ?? null);
    }
    return { kind: 'cumulative', monthlyValues: monthly, history: series, target: record.target, direction: 'atLeast' };
  }
  const spark = record.spark ?? [];
  if (history !== undefined || spark.length < month) return null;
  const monthly = spark.slice(spark.length - month);
  if (monthly.some((v) => v === null)) return null;
  const t = spark.map((_, i) => shiftMonth(record.period, i - (spark.length - 1)));
  return { kind: 'cumulative', monthlyValues: monthly, history: { grain: 'month', t, y: [...spark] }, target: record.target, direction: 'atLeast' };
}

function shiftMonth(period: string, k: number): string {
  const total = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + k;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The forecasts forecast rules need: one per (indicator of a forecast rule, region in the history), over the longest horizon. */
export function forecastTasks(rules: readonly AlertRule[], history: readonly SeriesPoint[]): { task: AnalysisTask; region: Omit<RegionForecast, 'band'> }[] {
  const horizons = new Map<string, number>();
  for (const r of rules) if (r.forecast && r.field === 'value') horizons.set(r.indicator, Math.max(horizons.get(r.indicator) ?? 0, r.forecast.horizon));
  if (!horizons.size) return [];
  const byKey = new Map<string, SeriesPoint[]>();
  for (const p of history) {
    if (!horizons.has(p.series) || !p.region) continue;
    const key = `${p.region}|${p.series}`;
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const out: { task: AnalysisTask; region: Omit<RegionForecast, 'band'> }[] = [];
  for (const [key, points] of [...byKey].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [code, indicator] = key.split('|') as [string, string];
    const series = timeSeriesOf(points, indicator);
    if (!series) continue;
    const lastT = series.t[series.t.length - 1] as string;
    out.push({
      task: { key, kind: 'forecast', args: [series, { horizon: horizons.get(indicator) ?? 3, season: 'auto' }] },
      region: { code, indicator, lastT, last: series.y[series.y.length - 1] ?? null, unit: points[0]?.unit },
    });
  }
  return out;
}
