/**
 * Trend breaks by binary segmentation (Scott & Knott 1974; Killick & Eckley 2014 survey) with a
 * likelihood-ratio (sup-F) test for one break in a linear trend at an unknown date (Andrews 1993):
 * a shift of level or of slope. The p-value is a Monte Carlo one under i.i.d. normal errors of
 * the same length (999 draws, seeded, cached per length), so it accounts for searching over dates.
 * Monthly and daily series are first seasonally adjusted by position dummies (OLS); positive
 * series are searched on the log scale.
 */
import { createRng, gaussian } from '../lib/random.ts';
import { at, mean, ols } from './stats.ts';
import { naturalSeason } from './time.ts';
import type { Changepoint, ChangepointOptions, ChangepointResult, Refusal, TimeSeries } from './types.ts';
import { checkContent, checkSeries } from './validate.ts';

const DRAWS = 999;

interface Best {
  stat: number;
  k: number;
  kind: 'level' | 'slope';
}

interface BothBest {
  level: Best;
  slope: Best;
}

/** sup over k of the F statistic of adding a step (level) and of adding a hinge (slope) at k to y ~ 1 + t. O(n). */
export function supF(x: readonly number[], minSeg: number): BothBest {
  const n = x.length;
  const tbar = (n - 1) / 2;
  let sxx = 0;
  for (let i = 0; i < n; i++) sxx += (i - tbar) ** 2;
  const xm = mean(x);
  let sxy = 0;
  for (let i = 0; i < n; i++) sxy += (i - tbar) * (at(x, i) - xm);
  const b = sxx ? sxy / sxx : 0;
  const r = x.map((v, i) => v - xm - b * (i - tbar));
  const sse0 = r.reduce((s, v) => s + v * v, 0);
  // suffix sums of r and i·r
  const sr = new Array<number>(n + 1).fill(0);
  const sir = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    sr[i] = at(sr, i + 1) + at(r, i);
    sir[i] = at(sir, i + 1) + i * at(r, i);
  }
  const best: BothBest = { level: { stat: 0, k: -1, kind: 'level' }, slope: { stat: 0, k: -1, kind: 'slope' } };
  const df = n - 3;
  if (df <= 0 || sse0 <= 0) return best;
  for (let k = minSeg; k <= n - minSeg; k++) {
    const L = n - k;
    // level: z = 1[i ≥ k]
    {
      const zr = at(sr, k);
      const s1 = L;
      const st = k * L + (L * (L - 1)) / 2 - tbar * L; // Σ_{i≥k} (i − t̄)
      const q = L - (s1 * s1) / n - (st * st) / sxx;
      if (q > 1e-9) {
        const gain = (zr * zr) / q;
        const f = gain / ((sse0 - gain) / df);
        if (f > best.level.stat) best.level = { stat: f, k, kind: 'level' };
      }
    }
    // slope: z = (i − k)_+
    {
      const zr = at(sir, k) - k * at(sr, k);
      const sj = (L * (L - 1)) / 2; // Σ j, j = 0..L−1
      const sj2 = ((L - 1) * L * (2 * L - 1)) / 6;
      const st = sj2 + (k - tbar) * sj;
      const q = sj2 - (sj * sj) / n - (st * st) / sxx;
      if (q > 1e-9) {
        const gain = (zr * zr) / q;
        const f = gain / ((sse0 - gain) / df);
        if (f > best.slope.stat) best.slope = { stat: f, k, kind: 'slope' };
      }
    }
  }
  return best;
}

const nullCache = new Map<string, { level: Float64Array; slope: Float64Array }>();

/** Sorted null distributions of both sup-F statistics for i.i.d. normal noise of length n. */
function nullDistribution(n: number, minSeg: number): { level: Float64Array; slope: Float64Array } {
  const key = `${n}|${minSeg}`;
  const hit = nullCache.get(key);
  if (hit) return hit;
  const rng = createRng(`changepoint-null|${key}`);
  const level = new Float64Array(DRAWS);
  const slope = new Float64Array(DRAWS);
  const x = new Array<number>(n);
  for (let d = 0; d < DRAWS; d++) {
    for (let i = 0; i < n; i++) x[i] = gaussian(rng);
    const b = supF(x, minSeg);
    level[d] = b.level.stat;
    slope[d] = b.slope.stat;
  }
  level.sort();
  slope.sort();
  const out = { level, slope };
  nullCache.set(key, out);
  return out;
}

/** Monte Carlo p-value of a statistic against a sorted null sample: (1 + #{null ≥ stat}) / (1 + draws). */
function tail(dist: Float64Array, stat: number): number {
  let lo = 0;
  let hi = dist.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(dist, mid) < stat) lo = mid + 1;
    else hi = mid;
  }
  return (1 + (dist.length - lo)) / (1 + dist.length);
}

/**
 * The stronger of the two alternatives: the one with the smaller p-value (ties — both beyond every
 * draw — go to the better fit, the larger F); its p-value doubled (Bonferroni for testing two kinds).
 */
function decide(both: BothBest, n: number, minSeg: number): { best: Best; p: number } | null {
  const dist = nullDistribution(n, minSeg);
  const pl = both.level.k >= 0 ? tail(dist.level, both.level.stat) : 1;
  const ps = both.slope.k >= 0 ? tail(dist.slope, both.slope.stat) : 1;
  if (both.level.k < 0 && both.slope.k < 0) return null;
  // same number of parameters: on a tie the larger F is the smaller residual sum of squares
  const levelWins = pl < ps || (pl === ps && both.level.stat >= both.slope.stat);
  return { best: levelWins ? both.level : both.slope, p: Math.min(1, 2 * Math.min(pl, ps)) };
}

/**
 * Seasonal position effects removed (OLS on 1, t and m − 1 dummies) when there are two full cycles;
 * also the SSE of that trend-and-season fit (for choosing the scale).
 */
function adjusted(x: number[], pos: number[], m: number | null): { x: number[]; sse: number } {
  const seasonal = m !== null && x.length >= 2 * m + 3;
  const X = x.map((_, i) => {
    const row = [1, i];
    if (seasonal) for (let p = 1; p < m; p++) row.push(at(pos, i) % m === p ? 1 : 0);
    return row;
  });
  const fit = ols(X, x);
  if (!fit) return { x, sse: Number.POSITIVE_INFINITY };
  if (!seasonal) return { x, sse: fit.sse };
  return {
    x: x.map((v, i) => {
      const p = at(pos, i) % m;
      return p === 0 ? v : v - at(fit.beta, p + 1);
    }),
    sse: fit.sse,
  };
}

function slopeOf(x: readonly number[]): number {
  const n = x.length;
  if (n < 2) return 0;
  const tbar = (n - 1) / 2;
  const xm = mean(x);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - tbar) * (at(x, i) - xm);
    sxx += (i - tbar) ** 2;
  }
  return sxy / sxx;
}

export function detectChangepoints(s: TimeSeries, opts: ChangepointOptions = {}): ChangepointResult | Refusal {
  const bad = checkSeries(s);
  if (bad) return bad;
  const minSeg = Math.max(3, Math.floor(opts.minSegment ?? 6));
  const alpha = opts.alpha ?? 0.01;
  const need = 2 * minSeg + 4;
  const content = checkContent(s, need);
  if (content) return content;
  const pos: number[] = [];
  const raw: number[] = [];
  s.y.forEach((v, i) => {
    if (v !== null) {
      pos.push(i);
      raw.push(v);
    }
  });
  const m = s.grain === 'hour' ? 24 : naturalSeason(s.grain);
  // a positive series is searched on the log scale when a trend fits better there (compounding growth is a
  // straight line and a policy's +5 % a level step); levels and slopes are reported on the original scale
  const plain = adjusted(raw, pos, m);
  const shown = plain.x;
  let x = shown;
  let positive = false;
  if (raw.every((v) => v > 0)) {
    // the scale whose trend-and-season fit is likelier: n·log(SSE/n), plus the Jacobian 2·Σ log y for logs
    const logged = adjusted(raw.map(Math.log), pos, m);
    const n = raw.length;
    const jacobian = 2 * raw.reduce((a, v) => a + Math.log(v), 0);
    if (n * Math.log(logged.sse / n) + jacobian < n * Math.log(plain.sse / n)) {
      x = logged.x;
      positive = true;
    }
  }
  const found: { k: number; kind: 'level' | 'slope'; p: number }[] = [];
  const stack: [number, number][] = [[0, x.length]];
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    if (b - a < 2 * minSeg + 4) continue;
    const seg = x.slice(a, b);
    const decided = decide(supF(seg, minSeg), seg.length, minSeg);
    if (!decided) continue;
    const { best, p } = decided;
    if (p >= alpha) continue;
    const k = a + best.k;
    found.push({ k, kind: best.kind, p });
    stack.push([a, k], [k, b]);
  }
  found.sort((u, v) => u.k - v.k);
  const bounds = [0, ...found.map((f) => f.k), x.length];
  const changepoints: Changepoint[] = found.map((f, j) => {
    const before = shown.slice(at(bounds, j), f.k);
    const after = shown.slice(f.k, at(bounds, j + 2));
    const index = at(pos, f.k);
    return {
      t: s.t[index] as string,
      index,
      kind: f.kind,
      before: f.kind === 'level' ? mean(before) : slopeOf(before),
      after: f.kind === 'level' ? mean(after) : slopeOf(after),
      pValue: f.p,
    };
  });
  return {
    ok: true,
    changepoints,
    method: `binary segmentation, sup-F test for a level or slope break in a linear trend${positive ? ' of log values' : ''} (Monte Carlo p, α = ${alpha}, min segment ${minSeg})`,
  };
}
