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
  // 1. running-median trend over `window` points (clamped at the ends)
  const half = Math.floor(window / 2);
  const trend: number[] = new Array(n);
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
    for (let j = a; j <= b; j++) {
      const v = s.y[j];
      if (v !== null && v !== undefined) win.push(v);
    }
    trend[i] = median(win);
  }
  // 2. seasonal median of the detrended values by position
  const seasonal = new Array<number>(n).fill(0);
  if (period) {
    const byPos: number[][] = Array.from({ length: period }, () => []);
    for (let i = 0; i < n; i++) {
      const v = s.y[i];
      if (v !== null && v !== undefined) byPos[i % period]?.push(v - at(trend, i));
    }
    const med = byPos.map((xs) => (xs.length ? median(xs) : 0));
    for (let i = 0; i < n; i++) seasonal[i] = at(med, i % period);
  }
  // 3. robust scale of the residuals
  const mid = trend.map((tr, i) => tr + at(seasonal, i));
  const resid: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = s.y[i];
    if (v !== null && v !== undefined) resid.push(v - at(mid, i));
  }
  const scale = Math.max(1.4826 * mad(resid), 1e-9 * Math.max(1, Math.abs(median(values(s.y)))));
  const lo = mid.map((m) => m - threshold * scale);
  const hi = mid.map((m) => m + threshold * scale);
  const spikes = [];
  for (let i = 0; i < n; i++) {
    const v = s.y[i];
    if (v === null || v === undefined) continue;
    const score = (v - at(mid, i)) / scale;
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
  const method = `running median (${window}) + seasonal median${period ? ` by position mod ${period}` : ' (none)'} + MAD robust z > ${threshold}`;
  return { ok: true, spikes, expected: { t: [...s.t], mid, lo, hi }, method };
}
