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
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const row = X[i] as number[];
    const yi = at(y, i);
    for (let a = 0; a < p; a++) {
      const ra = at(row, a);
      if (ra === 0) continue;
      xty[a] = at(xty, a) + ra * yi;
      const line = xtx[a] as number[];
      for (let b = 0; b < p; b++) line[b] = at(line, b) + ra * at(row, b);
    }
  }
  const inv = invert(xtx);
  if (!inv) return null;
  const beta = inv.map((line) => line.reduce((s, v, j) => s + v * at(xty, j), 0));
  const resid = y.map((yi, i) => yi - (X[i] as number[]).reduce((s, v, j) => s + v * at(beta, j), 0));
  const sse = resid.reduce((s, r) => s + r * r, 0);
  return { beta, resid, xtxInv: inv, sse };
}

/** Gauss–Jordan inverse with partial pivoting; null when singular. */
export function invert(m: readonly number[][]): number[][] | null {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(at(a[r] as number[], c)) > Math.abs(at(a[piv] as number[], c))) piv = r;
    const pivRow = a[piv] as number[];
    const pv = at(pivRow, c);
    if (Math.abs(pv) < 1e-12) return null;
    a[piv] = a[c] as number[];
    a[c] = pivRow.map((v) => v / pv);
    const cr = a[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = a[r] as number[];
      const f = at(row, c);
      if (f !== 0) a[r] = row.map((v, j) => v - f * at(cr, j));
    }
  }
  return a.map((row) => row.slice(n));
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
