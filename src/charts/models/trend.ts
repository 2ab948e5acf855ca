import type { Changepoint, ChangepointResult, ForecastResult, Grain, Refusal, Spike, SpikeResult, TimeSeries } from '../../analysis/types';
import type { SeriesPoint } from '../../data/contracts/index';
import type { ChartView } from '../types';
import { nameOf } from './text';

/** The model behind the chart (pure): also what the panel's data table shows. */
export interface TrendSpec {
  /** Series ids to draw, in order; empty = every series in the records. */
  series: readonly string[];
  kind: 'line' | 'bar';
  /** Draw the target: a dashed reference line (constant target) or a dashed series. */
  showTarget: boolean;
  /** Draw the same period a year earlier as a dashed line (同比). */
  showPrior: boolean;
  /** Name of the `prior` series when it is not the year before (e.g. 上周同期); default 上年同期. */
  priorName?: string | undefined;
  /** Draw the previous period (the month before) as a dotted line (环比). */
  showPrevious?: boolean | undefined;
  /** Fill under lines. */
  area: boolean;
}

export interface Group {
  id: string;
  name: string;
  unit: string | undefined;
  values: (number | null)[];
  prior: (number | null)[];
  /** The value one period earlier (环比), aligned; null for the first period shown or after a gap. */
  previous: (number | null)[];
  target: (number | null)[];
}

function uniqueInOrder(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Periods on the x axis (sorted) and one aligned group per series; gaps are null, never 0. */
export function trendGroups(
  records: readonly SeriesPoint[],
  spec: Pick<TrendSpec, 'series'>,
  view: Pick<ChartView, 'locale'>,
): { periods: string[]; groups: Group[] } {
  const ids = spec.series.length ? [...spec.series] : uniqueInOrder(records.map((r) => r.series));
  const selected = records.filter((r) => ids.includes(r.series));
  const periods = uniqueInOrder(selected.map((r) => r.t)).sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const groups: Group[] = [];
  for (const id of ids) {
    const points = selected.filter((r) => r.series === id);
    const first = points[0];
    if (!first) continue;
    const values: (number | null)[] = periods.map(() => null);
    const prior: (number | null)[] = periods.map(() => null);
    const target: (number | null)[] = periods.map(() => null);
    for (const p of points) {
      const i = index.get(p.t);
      if (i === undefined) continue;
      values[i] = p.value;
      prior[i] = p.prior ?? null;
      target[i] = p.target ?? null;
    }
    const previous = periods.map((p, i) => (i > 0 && isNextPeriod(periods[i - 1] as string, p) ? (values[i - 1] ?? null) : null));
    groups.push({ id, name: nameOf(first, id, view.locale), unit: points.find((p) => p.unit)?.unit, values, prior, previous, target });
  }
  return { periods, groups };
}

/** Whether `b` directly follows `a` ("2026-09" → "2026-10", "2026-11-19" → "2026-11-20"); other steps are gaps. */
export function isNextPeriod(a: string, b: string): boolean {
  const m = /^(\d{4})-(\d{2})$/;
  const ma = m.exec(a);
  const mb = m.exec(b);
  if (ma && mb) return Number(mb[1]) * 12 + Number(mb[2]) - (Number(ma[1]) * 12 + Number(ma[2])) === 1;
  const ta = Date.parse(a.length === 13 ? `${a}:00:00Z` : `${a}T00:00:00Z`);
  const tb = Date.parse(b.length === 13 ? `${b}:00:00Z` : `${b}T00:00:00Z`);
  if (!Number.isFinite(ta) || !Number.isFinite(tb)) return false;
  const step = a.length === 13 ? 3600_000 : 86_400_000;
  return tb - ta === step;
}

/** A compared region's series aligned on the main chart's periods (gaps where it has none). */
export function alignedValues(records: readonly SeriesPoint[], seriesId: string, periods: readonly string[]): (number | null)[] {
  const byPeriod = new Map(records.filter((r) => r.series === seriesId).map((r) => [r.t, r.value]));
  return periods.map((p) => byPeriod.get(p) ?? null);
}

// ── Analysis overlays (forecast band, spikes, trend breaks) ────────────────

/** What the analysis module said about one series (results of `src/analysis`, computed elsewhere). */
export interface SeriesAnalysis {
  forecast?: ForecastResult | undefined;
  spikes?: SpikeResult | undefined;
  changepoints?: ChangepointResult | undefined;
}

export interface AnalysedGroup extends Group {
  /** Forecast mean on the x axis (the last actual repeated at its period so the dashed line joins it). */
  forecast: (number | null)[];
  lo80: (number | null)[];
  hi80: (number | null)[];
  lo95: (number | null)[];
  hi95: (number | null)[];
  /** Method named as in the literature, e.g. "ETS(A,Ad,A)"; null when there is no forecast. */
  method: string | null;
  /** Why there is no forecast (shown as a note), when the analysis refused. */
  refusal: Refusal | null;
  /** Spike direction per period ('up' | 'down'), null elsewhere. */
  spike: ('up' | 'down' | null)[];
  /** The expected band of the spike detector per period (null where none). */
  expectedLo: (number | null)[];
  expectedHi: (number | null)[];
  spikes: Spike[];
  /** Trend breaks inside the periods shown. */
  breaks: Changepoint[];
}

/**
 * `trendGroups` plus the analysis overlays aligned on one x axis: the periods
 * shown, then the forecast periods after them. Pure: the chart and the data
 * table both draw from it.
 */
export function analysedTrend(
  records: readonly SeriesPoint[],
  spec: Pick<TrendSpec, 'series'>,
  view: Pick<ChartView, 'locale'>,
  analysis: Readonly<Record<string, SeriesAnalysis>> = {},
): { periods: string[]; observed: number; groups: AnalysedGroup[] } {
  const base = trendGroups(records, spec, view);
  const future = new Set<string>();
  for (const g of base.groups) {
    const f = analysis[g.id]?.forecast;
    if (f?.ok) for (const t of f.band.t) future.add(t);
  }
  const last = base.periods[base.periods.length - 1] ?? '';
  const extra = [...future].filter((t) => t > last).sort();
  const periods = [...base.periods, ...extra];
  const index = new Map(periods.map((p, i) => [p, i]));
  const pad = <T>(values: readonly T[], fill: T): T[] => [...values, ...extra.map(() => fill)];
  const groups = base.groups.map((g): AnalysedGroup => {
    const a = analysis[g.id] ?? {};
    const none = () => periods.map((): number | null => null);
    const out: AnalysedGroup = {
      ...g,
      values: pad(g.values, null),
      prior: pad(g.prior, null),
      previous: pad(g.previous, null),
      target: pad(g.target, null),
      forecast: none(),
      lo80: none(),
      hi80: none(),
      lo95: none(),
      hi95: none(),
      method: null,
      refusal: null,
      spike: periods.map(() => null),
      expectedLo: none(),
      expectedHi: none(),
      spikes: [],
      breaks: [],
    };
    const f = a.forecast;
    if (f && !f.ok) out.refusal = f;
    if (f?.ok) {
      out.method = f.method;
      f.band.t.forEach((t, k) => {
        const i = index.get(t);
        if (i === undefined) return;
        out.forecast[i] = f.band.mean[k] ?? null;
        out.lo80[i] = f.band.lo80[k] ?? null;
        out.hi80[i] = f.band.hi80[k] ?? null;
        out.lo95[i] = f.band.lo95[k] ?? null;
        out.hi95[i] = f.band.hi95[k] ?? null;
      });
      // Join the dashed line and the band to the last actual value.
      const firstT = f.band.t[0];
      const joinAt = firstT !== undefined ? (index.get(firstT) ?? 0) - 1 : -1;
      const lastActual = joinAt >= 0 ? (out.values[joinAt] ?? null) : null;
      if (joinAt >= 0 && lastActual !== null) {
        out.forecast[joinAt] = lastActual;
        out.lo80[joinAt] = lastActual;
        out.hi80[joinAt] = lastActual;
        out.lo95[joinAt] = lastActual;
        out.hi95[joinAt] = lastActual;
      }
    }
    const s = a.spikes;
    if (s?.ok) {
      s.expected.t.forEach((t, k) => {
        const i = index.get(t);
        if (i === undefined || i >= base.periods.length) return;
        out.expectedLo[i] = s.expected.lo[k] ?? null;
        out.expectedHi[i] = s.expected.hi[k] ?? null;
      });
      for (const spike of s.spikes) {
        const i = index.get(spike.t);
        if (i === undefined || i >= base.periods.length) continue;
        out.spike[i] = spike.direction;
        out.spikes.push(spike);
      }
    }
    const c = a.changepoints;
    if (c?.ok) out.breaks = c.changepoints.filter((cp) => (index.get(cp.t) ?? periods.length) < base.periods.length);
    return out;
  });
  return { periods, observed: base.periods.length, groups };
}

/** The grain of a series' period labels ("2026-05" month, "2026-05-01" day, "2026-05-01T08" hour). */
export function grainOf(t: string): Grain | null {
  if (/^\d{4}-\d{2}$/.test(t)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return 'day';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(t)) return 'hour';
  return null;
}

/** One series of the records as the analysis input: ascending periods, gaps as null (duplicates: the last one wins). */
export function timeSeriesOf(records: readonly SeriesPoint[], seriesId: string): TimeSeries | null {
  const byT = new Map<string, number | null>();
  for (const r of records) if (r.series === seriesId) byT.set(r.t, r.value);
  const t = [...byT.keys()].sort();
  const grain = t[0] ? grainOf(t[0]) : null;
  if (!grain || t.some((x) => grainOf(x) !== grain)) return null;
  // Fill missing periods with gaps so the series is regular.
  const filled: string[] = [];
  const y: (number | null)[] = [];
  for (let i = 0; i < t.length; i++) {
    const cur = t[i] as string;
    if (i > 0) {
      let prev = filled[filled.length - 1] as string;
      let guard = 0;
      while (!isNextPeriod(prev, cur) && guard++ < 2000) {
        const next = nextPeriod(prev, grain);
        if (next >= cur) break;
        filled.push(next);
        y.push(null);
        prev = next;
      }
    }
    filled.push(cur);
    y.push(byT.get(cur) ?? null);
  }
  return { grain, t: filled, y };
}

function nextPeriod(t: string, grain: Grain): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (grain === 'month') {
    const total = Number(t.slice(0, 4)) * 12 + Number(t.slice(5, 7));
    return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
  }
  const ms = Date.parse(grain === 'hour' ? `${t}:00:00Z` : `${t}T00:00:00Z`) + (grain === 'hour' ? 3_600_000 : 86_400_000);
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return grain === 'hour' ? `${day}T${pad(d.getUTCHours())}` : day;
}
