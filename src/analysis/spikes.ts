/**
 * Spikes against a seasonal baseline: a running-median trend (Tukey) plus the median detrended
 * value by seasonal position (hour-of-week, hour-of-day or weekday), then a robust z-score of the
 * residual scaled by its MAD (Hampel identifier; Hampel 1974, Rousseeuw & Croux 1993).
 */
import { at, mad, median } from './stats.ts';
import type { Refusal, SpikeOptions, SpikeResult, TimeSeries } from './types.ts';
import { checkSeries, refuse, values } from './validate.ts';

const DEFAULT_SEASONS: Record<TimeSeries['grain'], number[]> = { hour: [24, 168], day: [7], month: [12] };
/** Each seasonal position needs this many cycles for its median. */
const CYCLES = 3;

export function detectSpikes(s: TimeSeries, opts: SpikeOptions = {}): SpikeResult | Refusal {
  const bad = checkSeries(s);
  if (bad) return bad;
  const threshold = opts.threshold ?? 4;
  if (!(threshold > 0)) return refuse('bad-input', 0, 0);
  const n = s.y.length;
  const have = values(s.y).length;
  const seasons = (opts.seasons ?? DEFAULT_SEASONS[s.grain]).filter((p) => Number.isInteger(p) && p >= 2).sort((a, b) => b - a);
  // the longest period with enough cycles, else the shortest one's minimum
  const period = seasons.find((p) => n >= CYCLES * p) ?? null;
  const minPoints = Math.max(14, CYCLES * (seasons[seasons.length - 1] ?? 5));
  if (have < (period ? CYCLES * period : minPoints)) return refuse('too-short', have, period ? CYCLES * period : minPoints);
  if (n - have > 0.2 * n) return refuse('too-many-gaps', have, Math.ceil(0.8 * n));
  const window = Math.max(3, opts.window ?? period ?? 7);
  const y = s.y;
  /** Seasonal median by position; with `leaveOut`, each point's own value is left out of its median. */
  const seasonalOf = (trend: readonly number[], leaveOut = false) => {
    const out = new Array<number>(n).fill(0);
    if (!period) return out;
    const byPos: number[][] = Array.from({ length: period }, () => []);
    for (let i = 0; i < n; i++) {
      const v = y[i];
      if (v !== null && v !== undefined) byPos[i % period]?.push(v - at(trend, i));
    }
    for (const xs of byPos) xs.sort((a, b) => a - b);
    const med = byPos.map((xs) => (xs.length ? median(xs) : 0));
    const centre = med.reduce((a, b) => a + b, 0) / period;
    for (let i = 0; i < n; i++) {
      const v = y[i];
      const xs = byPos[i % period] ?? [];
      out[i] = (leaveOut && v !== null && v !== undefined && xs.length > 1 ? medianWithout(xs, v - at(trend, i)) : at(med, i % period)) - centre;
    }
    return out;
  };
  const short = seasons[seasons.length - 1];
  const positive = values(y).every((v) => v > 0);
  const factored = period !== null && short !== undefined && short < period && period % short === 0 && positive;
  let mid: number[];
  let model: string;
  if (factored && short !== undefined) {
    mid = factorBaseline(y, short, period / short, window);
    model = `running median (${window}) × hour-of-cycle (${short}) × cycle-of-week (${period / short}) median factors`;
  } else {
    // Two passes, as STL does (Cleveland et al. 1990) with medians in place of loess:
    // trend of the raw values → seasonal medians → trend of the deseasonalised values → seasonal medians.
    let seasonal = new Array<number>(n).fill(0);
    let trend = runningMedian(y, seasonal, window);
    seasonal = seasonalOf(trend);
    trend = runningMedian(y, seasonal, window);
    // final pass leaves each point out of its own medians, so a point cannot explain itself
    // (and the residuals' MAD is not shrunk by points that are their own median)
    const own = seasonalOf(trend, true);
    trend = runningMedian(y, own, window, true);
    seasonal = seasonalOf(trend, true);
    mid = trend.map((tr, i) => tr + at(seasonal, i));
    model = `running median (${window}) + seasonal median${period ? ` by position mod ${period}` : ' (none)'}`;
  }
  // robust scale of the residuals: by position in the shortest cycle when each has ≥ 20 residuals (counts are
  // noisier at busy hours), else one for the whole series
  const shortest = seasons.filter((p) => n >= CYCLES * p).at(-1) ?? 1;
  const byPos: number[][] = Array.from({ length: shortest }, () => []);
  const all: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v === null || v === undefined) continue;
    byPos[i % shortest]?.push(v - at(mid, i));
    all.push(v - at(mid, i));
  }
  const floor = 1e-9 * Math.max(1, Math.abs(median(values(y))));
  const globalScale = Math.max(1.4826 * mad(all), floor);
  // each position pools its neighbours (±1) so its MAD rests on three times the residuals
  const perPos = byPos.every((xs) => xs.length >= 20)
    ? byPos.map((_, p) =>
        Math.max(1.4826 * mad([...(byPos[(p + shortest - 1) % shortest] ?? []), ...(byPos[p] ?? []), ...(byPos[(p + 1) % shortest] ?? [])]), floor),
      )
    : null;
  // multiplicative (count-like) series: the noise grows with the level — Pearson-type scale c·√expected
  const pearson = factored
    ? Math.max(1.4826 * mad(all.length ? y.flatMap((v, i) => (v === null ? [] : [(v - at(mid, i)) / Math.sqrt(Math.max(at(mid, i), 1e-9))])) : []), 1e-9)
    : 0;
  const scaleAt = (i: number) => (factored ? pearson * Math.sqrt(Math.max(at(mid, i), 1e-9)) : perPos ? at(perPos, i % shortest) : globalScale);
  const lo = mid.map((m, i) => m - threshold * scaleAt(i));
  const hi = mid.map((m, i) => m + threshold * scaleAt(i));
  const spikes = [];
  for (let i = 0; i < n; i++) {
    const v = s.y[i];
    if (v === null || v === undefined) continue;
    const score = (v - at(mid, i)) / scaleAt(i);
    if (Math.abs(score) > threshold)
      spikes.push({
        t: s.t[i] as string,
        y: v,
        expected: at(mid, i),
        lo: at(lo, i),
        hi: at(hi, i),
        score,
        direction: score > 0 ? ('up' as const) : ('down' as const),
      });
  }
  const method = `${model} + MAD robust z${factored ? ' (scale ∝ √expected)' : perPos ? ` (scale by position mod ${shortest})` : ''} > ${threshold}`;
  return { ok: true, spikes, expected: { t: [...s.t], mid, lo, hi }, method };
}

/** Running median of (y − seasonal) over `window` points, the window clamped inside the series (slope-corrected there). */
function runningMedian(y: readonly (number | null)[], seasonal: readonly number[], window: number, leaveOut = false): number[] {
  const n = y.length;
  const half = Math.floor(window / 2);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let a = i - half;
    let b = i + half;
    if (a < 0) {
      b = Math.min(n - 1, b - a);
      a = 0;
    }
    if (b > n - 1) {
      a = Math.max(0, a - (b - (n - 1)));
      b = n - 1;
    }
    const win: number[] = [];
    const first: number[] = [];
    const second: number[] = [];
    const centre = (a + b) / 2;
    for (let j = a; j <= b; j++) {
      const v = y[j];
      if (v === null || v === undefined || (leaveOut && j === i)) continue;
      const x = v - at(seasonal, j);
      win.push(x);
      if (j < centre) first.push(x);
      else if (j > centre) second.push(x);
    }
    let value = median(win);
    // near the ends the window cannot be centred on i: carry the window's robust slope
    // (difference of its halves' medians) over the offset, so a trending series has no end bias
    if (i !== centre && first.length && second.length) value += ((median(second) - median(first)) / ((b - a + 1) / 2)) * (i - centre);
    out[i] = value;
  }
  return out;
}

/** Median of a sorted list with one occurrence of `x` removed. */
function medianWithout(sorted: readonly number[], x: number): number {
  const k = sorted.indexOf(x);
  if (k < 0) return median(sorted as number[]);
  const rest = [...sorted.slice(0, k), ...sorted.slice(k + 1)];
  const h = rest.length >> 1;
  return rest.length % 2 ? at(rest, h) : (at(rest, h - 1) + at(rest, h)) / 2;
}

/**
 * Multiplicative baseline for a short cycle nested in a long one (hour of day × day of week):
 * trend × A[position in short cycle] × B[short cycle within the long one], factors as medians of
 * ratios — 56 values per hour and 192 per weekday in eight weeks, where an hour-of-week median
 * would rest on eight and be noisy. The trend's running median leaves each point out.
 */
function factorBaseline(y: readonly (number | null)[], short: number, cycles: number, window: number): number[] {
  const n = y.length;
  const ones = new Array<number>(n).fill(1);
  const factors = (trend: readonly number[]) => {
    const aBy: number[][] = Array.from({ length: short }, () => []);
    for (let i = 0; i < n; i++) {
      const v = y[i];
      if (v !== null && v !== undefined) aBy[i % short]?.push(v / at(trend, i));
    }
    let a = aBy.map((xs) => (xs.length ? median(xs) : 1));
    const am = a.reduce((u, v) => u + v, 0) / short;
    a = a.map((v) => v / am);
    const bBy: number[][] = Array.from({ length: cycles }, () => []);
    for (let i = 0; i < n; i++) {
      const v = y[i];
      if (v !== null && v !== undefined) bBy[Math.floor(i / short) % cycles]?.push(v / at(trend, i) / at(a, i % short));
    }
    let b = bBy.map((xs) => (xs.length ? median(xs) : 1));
    const bm = b.reduce((u, v) => u + v, 0) / cycles;
    b = b.map((v) => v / bm);
    return y.map((_, i) => at(a, i % short) * at(b, Math.floor(i / short) % cycles));
  };
  const ratioMedian = (season: readonly number[], leaveOut: boolean) => {
    const scaled = y.map((v, i) => (v === null ? null : v / at(season, i)));
    return runningMedian(scaled, new Array<number>(n).fill(0), window, leaveOut);
  };
  let trend = ratioMedian(ones, false);
  let season = factors(trend);
  trend = ratioMedian(season, true);
  season = factors(trend);
  return trend.map((tr, i) => tr * at(season, i));
}
