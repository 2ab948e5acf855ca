/**
 * Trend breaks by binary segmentation (Scott & Knott 1974; Killick & Eckley 2014 survey) with a
 * likelihood-ratio (sup-F) test for one break in a linear trend at an unknown date (Andrews 1993):
 * a shift of level or of slope. The p-value is a Monte Carlo one under i.i.d. normal errors of
 * the same length (999 draws, seeded, cached per length), so it accounts for searching over dates.
 * Monthly and daily series are first seasonally adjusted by position dummies (OLS).
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

/** sup over k of the F statistic of adding a step (level) or a hinge (slope) at k to y ~ 1 + t. O(n). */
export function supF(x: readonly number[], minSeg: number): Best {
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
  let best: Best = { stat: 0, k: -1, kind: 'level' };
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
        if (f > best.stat) best = { stat: f, k, kind: 'level' };
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
        if (f > best.stat) best = { stat: f, k, kind: 'slope' };
      }
    }
  }
  return best;
}

const nullCache = new Map<string, Float64Array>();

/** Sorted null distribution of supF for i.i.d. normal noise of length n. */
function nullDistribution(n: number, minSeg: number): Float64Array {
  const key = `${n}|${minSeg}`;
  const hit = nullCache.get(key);
  if (hit) return hit;
  const rng = createRng(`changepoint-null|${key}`);
  const out = new Float64Array(DRAWS);
  const x = new Array<number>(n);
  for (let d = 0; d < DRAWS; d++) {
    for (let i = 0; i < n; i++) x[i] = gaussian(rng);
    out[d] = supF(x, minSeg).stat;
  }
  out.sort();
  nullCache.set(key, out);
  return out;
}

function pValue(stat: number, n: number, minSeg: number): number {
  const dist = nullDistribution(n, minSeg);
  // count of draws ≥ stat by binary search
  let lo = 0;
  let hi = dist.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(dist, mid) < stat) lo = mid + 1;
    else hi = mid;
  }
  return (1 + (dist.length - lo)) / (1 + dist.length);
}

/** Seasonal position effects removed (OLS on 1, t and m − 1 dummies) when there are two full cycles. */
function adjusted(x: number[], pos: number[], m: number | null): number[] {
  if (!m || x.length < 2 * m + 3) return x;
  const X = x.map((_, i) => {
    const row = [1, i];
    for (let p = 1; p < m; p++) row.push(at(pos, i) % m === p ? 1 : 0);
    return row;
  });
  const fit = ols(X, x);
  if (!fit) return x;
  return x.map((v, i) => {
    const p = at(pos, i) % m;
    return p === 0 ? v : v - at(fit.beta, p + 1);
  });
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
  const x = adjusted(raw, pos, m);
  const found: { k: number; kind: 'level' | 'slope'; p: number }[] = [];
  const stack: [number, number][] = [[0, x.length]];
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    if (b - a < 2 * minSeg + 4) continue;
    const seg = x.slice(a, b);
    const best = supF(seg, minSeg);
    if (best.k < 0) continue;
    const p = pValue(best.stat, seg.length, minSeg);
    if (p >= alpha) continue;
    const k = a + best.k;
    found.push({ k, kind: best.kind, p });
    stack.push([a, k], [k, b]);
  }
  found.sort((u, v) => u.k - v.k);
  const bounds = [0, ...found.map((f) => f.k), x.length];
  const changepoints: Changepoint[] = found.map((f, j) => {
    const before = x.slice(at(bounds, j), f.k);
    const after = x.slice(f.k, at(bounds, j + 2));
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
    method: `binary segmentation, sup-F test for a level or slope break in a linear trend (Monte Carlo p, α = ${alpha}, min segment ${minSeg})`,
  };
}
