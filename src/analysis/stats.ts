/** Small numeric helpers for the analysis module (no dependencies). */

export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** Element i of a numeric array (0 when out of range: callers index inside bounds). */
export const at = (a: ArrayLike<number>, i: number): number => a[i] ?? 0;

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : Number.NaN;
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? at(s, h) : (at(s, h - 1) + at(s, h)) / 2;
}

/** Median absolute deviation from the median (unscaled). */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf, |error| < 1.5e-7). */
export function normCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Two-sided p-value of a z statistic. */
export function pTwoSided(z: number): number {
  return Math.min(1, 2 * (1 - normCdf(Math.abs(z))));
}

/** Nelder–Mead simplex minimiser (Nelder & Mead 1965; standard coefficients 1, 2, ½, ½). */
export function nelderMead(
  f: (x: number[]) => number,
  x0: number[],
  opts: { step?: number; maxIter?: number; tol?: number } = {},
): { x: number[]; fx: number } {
  const n = x0.length;
  const step = opts.step ?? 0.5;
  const maxIter = opts.maxIter ?? 200 * n;
  const tol = opts.tol ?? 1e-8;
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))];
  let values = simplex.map(f);
  for (let iter = 0; iter < maxIter; iter++) {
    const order = values.map((_, i) => i).sort((a, b) => at(values, a) - at(values, b));
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => at(values, i));
    const best = at(values, 0);
    const worst = at(values, n);
    if (Math.abs(worst - best) <= tol * (Math.abs(best) + tol)) break;
    const centroid = Array.from({ length: n }, (_, j) => mean(simplex.slice(0, n).map((p) => at(p, j))));
    const worstPoint = simplex[n] as number[];
    const towards = (c: number) => centroid.map((v, j) => v + c * (v - at(worstPoint, j)));
    const xr = towards(1);
    const fr = f(xr);
    if (fr < best) {
      const xe = towards(2);
      const fe = f(xe);
      if (fe < fr) {
        simplex[n] = xe;
        values[n] = fe;
      } else {
        simplex[n] = xr;
        values[n] = fr;
      }
    } else if (fr < at(values, n - 1)) {
      simplex[n] = xr;
      values[n] = fr;
    } else {
      const xc = fr < worst ? towards(0.5) : towards(-0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, worst)) {
        simplex[n] = xc;
        values[n] = fc;
      } else {
        const b = simplex[0] as number[];
        simplex = simplex.map((p, i) => (i === 0 ? p : p.map((v, j) => at(b, j) + 0.5 * (v - at(b, j)))));
        values = simplex.map((p, i) => (i === 0 ? at(values, 0) : f(p)));
      }
    }
  }
  let bi = 0;
  for (let i = 1; i < values.length; i++) if (at(values, i) < at(values, bi)) bi = i;
  return { x: simplex[bi] as number[], fx: at(values, bi) };
}

/** Ordinary least squares: coefficients, residuals and (X'X)^-1 — null when X is singular. */
export function ols(X: readonly number[][], y: readonly number[]): { beta: number[]; resid: number[]; xtxInv: number[][]; sse: number } | null {
  const n = y.length;
  const p = X[0]?.length ?? 0;
  if (!p || n <= p) return null;
  // flat typed arrays: this runs inside every ETS fit (initial states), so it is kept tight
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const row = X[i] as number[];
    const yi = y[i] as number;
    for (let a = 0; a < p; a++) {
      const ra = row[a] as number;
      if (ra === 0) continue;
      xty[a] = (xty[a] as number) + ra * yi;
      const base = a * p;
      for (let b = a; b < p; b++) xtx[base + b] = (xtx[base + b] as number) + ra * (row[b] as number);
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtx[a * p + b] = xtx[b * p + a] as number;
  const inv = invertFlat(xtx, p);
  if (!inv) return null;
  const beta = new Array<number>(p);
  for (let a = 0; a < p; a++) {
    let v = 0;
    for (let b = 0; b < p; b++) v += (inv[a * p + b] as number) * (xty[b] as number);
    beta[a] = v;
  }
  const resid = new Array<number>(n);
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const row = X[i] as number[];
    let f = 0;
    for (let b = 0; b < p; b++) f += (row[b] as number) * (beta[b] as number);
    const r = (y[i] as number) - f;
    resid[i] = r;
    sse += r * r;
  }
  const xtxInv = Array.from({ length: p }, (_, a) => Array.from(inv.subarray(a * p, a * p + p)));
  return { beta, resid, xtxInv, sse };
}

/** Gauss–Jordan inverse of a p×p row-major matrix with partial pivoting; null when singular. */
function invertFlat(m: Float64Array, p: number): Float64Array | null {
  const a = Float64Array.from(m);
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) inv[i * p + i] = 1;
  let scale = 0;
  for (let i = 0; i < p * p; i++) scale = Math.max(scale, Math.abs(a[i] as number));
  const eps = 1e-12 * Math.max(scale, 1);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r * p + c] as number) > Math.abs(a[piv * p + c] as number)) piv = r;
    const pv = a[piv * p + c] as number;
    if (Math.abs(pv) < eps) return null;
    if (piv !== c)
      for (let j = 0; j < p; j++) {
        const t1 = a[c * p + j] as number;
        a[c * p + j] = a[piv * p + j] as number;
        a[piv * p + j] = t1;
        const t2 = inv[c * p + j] as number;
        inv[c * p + j] = inv[piv * p + j] as number;
        inv[piv * p + j] = t2;
      }
    for (let j = 0; j < p; j++) {
      a[c * p + j] = (a[c * p + j] as number) / pv;
      inv[c * p + j] = (inv[c * p + j] as number) / pv;
    }
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r * p + c] as number;
      if (f === 0) continue;
      for (let j = 0; j < p; j++) {
        a[r * p + j] = (a[r * p + j] as number) - f * (a[c * p + j] as number);
        inv[r * p + j] = (inv[r * p + j] as number) - f * (inv[c * p + j] as number);
      }
    }
  }
  return inv;
}

/** Gauss–Jordan inverse with partial pivoting; null when singular. */
export function invert(m: readonly number[][]): number[][] | null {
  const p = m.length;
  const flat = new Float64Array(p * p);
  m.forEach((row, i) => {
    row.forEach((v, j) => {
      flat[i * p + j] = v;
    });
  });
  const inv = invertFlat(flat, p);
  return inv ? Array.from({ length: p }, (_, a) => Array.from(inv.subarray(a * p, a * p + p))) : null;
}

/** Sample autocorrelation at lags 1..maxLag of a gap-free series. */
export function acf(xs: readonly number[], maxLag: number): number[] {
  const m = mean(xs);
  const d = xs.map((x) => x - m);
  const denom = d.reduce((s, v) => s + v * v, 0);
  const out: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let i = k; i < d.length; i++) s += at(d, i) * at(d, i - k);
    out.push(denom > 0 ? s / denom : 0);
  }
  return out;
}

/** Long-run variance of residuals with a Bartlett kernel (Newey & West 1987), bandwidth ⌊4 (n/100)^(2/9)⌋. */
export function longRunVariance(resid: readonly number[]): number {
  const n = resid.length;
  const bw = Math.floor(4 * (n / 100) ** (2 / 9));
  const m = mean(resid);
  const d = resid.map((r) => r - m);
  let v = d.reduce((s, x) => s + x * x, 0) / n;
  for (let k = 1; k <= bw; k++) {
    let g = 0;
    for (let i = k; i < n; i++) g += at(d, i) * at(d, i - k);
    v += 2 * (1 - k / (bw + 1)) * (g / n);
  }
  return Math.max(v, 1e-12);
}
