/**
 * Exponential smoothing state-space models with additive errors (Hyndman, Koehler, Ord & Snyder 2008;
 * Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., ch. 8):
 * ETS(A,N,N), (A,A,N), (A,Ad,N), (A,N,A), (A,A,A), (A,Ad,A). Smoothing parameters are fitted by
 * maximum likelihood (for additive errors: minimum n·log(SSE/n)) with Nelder–Mead over a
 * reparameterisation that keeps 0 < β < α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98; initial states by
 * the heuristic of Hyndman et al. (2008, §2.6.1). The model with the smallest AICc is chosen.
 * Prediction intervals are the analytic ones of class-1 models (FPP3 §8.7, Table 8.8).
 */
import { at, mean, nelderMead, ols } from './stats.ts';

export type TrendKind = 'N' | 'A' | 'Ad';
export type SeasonKind = 'N' | 'A';

export interface EtsSpec {
  trend: TrendKind;
  season: SeasonKind;
  /** Period (≥ 2) when season is 'A'. */
  m: number;
}

export interface EtsFit {
  spec: EtsSpec;
  method: string;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  /** Final states after the last observation. */
  level: number;
  slope: number;
  seasonal: number[];
  /** Number of observations used (non-null). */
  nObs: number;
  /** Length of the history (incl. gaps). */
  length: number;
  sse: number;
  sigma2: number;
  aicc: number;
  fitted: (number | null)[];
  /** Fitted to log(y) (values are then on the log scale; see forecast.ts for the way back). */
  log: boolean;
  /** The optimiser's unconstrained parameters (a warm start for refits). */
  raw: number[];
}

const sig = (x: number) => 1 / (1 + Math.exp(-x));

export function methodName(spec: EtsSpec): string {
  return `ETS(A,${spec.trend},${spec.season})`;
}

/** Linear interpolation over gaps (ends carried), for initialisation only. */
function filled(y: readonly (number | null)[]): number[] {
  const out: number[] = new Array(y.length);
  let lastI = -1;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === null || v === undefined) continue;
    if (lastI < 0) for (let j = 0; j < i; j++) out[j] = v;
    else {
      const lv = out[lastI] as number;
      for (let j = lastI + 1; j < i; j++) out[j] = lv + ((v - lv) * (j - lastI)) / (i - lastI);
    }
    out[i] = v;
    lastI = i;
  }
  const lv = lastI >= 0 ? (out[lastI] as number) : 0;
  for (let j = lastI + 1; j < y.length; j++) out[j] = lv;
  return out;
}

/** Initial level, slope and seasonal indices (Hyndman et al. 2008 §2.6.1). */
function initialStates(y: readonly (number | null)[], spec: EtsSpec): { l0: number; b0: number; s0: number[] } {
  const x = filled(y);
  const m = spec.m;
  let s0: number[] = [];
  let adj = x;
  if (spec.season === 'A') {
    // 2×m centred moving average over the first (up to) four seasons, indices = mean detrended value by position.
    const span = Math.min(x.length, 4 * m);
    const sums = new Array<number>(m).fill(0);
    const counts = new Array<number>(m).fill(0);
    const half = Math.floor(m / 2);
    for (let i = half; i < span - half; i++) {
      let ma: number;
      if (m % 2 === 0) {
        let s = 0.5 * (at(x, i - half) + at(x, i + half));
        for (let j = i - half + 1; j < i + half; j++) s += at(x, j);
        ma = s / m;
      } else {
        let s = 0;
        for (let j = i - half; j <= i + half; j++) s += at(x, j);
        ma = s / m;
      }
      sums[i % m] = at(sums, i % m) + (at(x, i) - ma);
      counts[i % m] = at(counts, i % m) + 1;
    }
    s0 = sums.map((s, p) => (at(counts, p) ? s / at(counts, p) : 0));
    const c = mean(s0);
    s0 = s0.map((v) => v - c);
    adj = x.map((v, i) => v - at(s0, i % m));
  }
  const k = Math.min(adj.length, Math.max(10, spec.season === 'A' ? 2 * m : 10));
  const head = adj.slice(0, k);
  let l0 = at(head, 0);
  let b0 = 0;
  if (spec.trend !== 'N' && head.length >= 3) {
    const fit = ols(
      head.map((_, i) => [1, i + 1]),
      head,
    );
    if (fit) {
      l0 = at(fit.beta, 0);
      b0 = at(fit.beta, 1);
    }
  } else {
    l0 = mean(head);
  }
  return { l0, b0, s0 };
}

interface Params {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

function decode(spec: EtsSpec, p: readonly number[]): Params {
  const alpha = 0.0001 + 0.9998 * sig(at(p, 0));
  let i = 1;
  const beta = spec.trend === 'N' ? 0 : alpha * sig(at(p, i++)) * 0.999;
  const gamma = spec.season === 'N' ? 0 : (1 - alpha) * sig(at(p, i++)) * 0.999;
  const phi = spec.trend === 'Ad' ? 0.8 + 0.18 * sig(at(p, i++)) : 1;
  return { alpha, beta, gamma, phi };
}

interface Run {
  sse: number;
  nObs: number;
  level: number;
  slope: number;
  seasonal: number[];
  fitted: (number | null)[];
}

function run(y: readonly (number | null)[], spec: EtsSpec, par: Params, init: { l0: number; b0: number; s0: number[] }, keepFitted: boolean): Run {
  let l = init.l0;
  let b = spec.trend === 'N' ? 0 : init.b0;
  const s = spec.season === 'A' ? [...init.s0] : [];
  const m = spec.m;
  let sse = 0;
  let nObs = 0;
  const fitted: (number | null)[] = keepFitted ? new Array(y.length) : [];
  for (let t = 0; t < y.length; t++) {
    const st = spec.season === 'A' ? at(s, t % m) : 0;
    const yhat = l + par.phi * b + st;
    const v = y[t];
    let e = 0;
    if (v !== null && v !== undefined) {
      e = v - yhat;
      sse += e * e;
      nObs++;
      if (keepFitted) fitted[t] = yhat;
    } else if (keepFitted) fitted[t] = null;
    const lNew = l + par.phi * b + par.alpha * e;
    b = par.phi * b + par.beta * e;
    l = lNew;
    if (spec.season === 'A') s[t % m] = st + par.gamma * e;
  }
  return { sse, nObs, level: l, slope: b, seasonal: s, fitted };
}

function countParams(spec: EtsSpec): number {
  const smoothing = 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'A' ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  const states = 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'A' ? spec.m - 1 : 0);
  return smoothing + states;
}

/** One-step errors of a run (0 at gaps). */
function errors(y: readonly (number | null)[], spec: EtsSpec, par: Params, init: { l0: number; b0: number; s0: number[] }): number[] {
  let l = init.l0;
  let b = spec.trend === 'N' ? 0 : init.b0;
  const s = spec.season === 'A' ? [...init.s0] : [];
  const m = spec.m;
  const out = new Array<number>(y.length).fill(0);
  for (let t = 0; t < y.length; t++) {
    const st = spec.season === 'A' ? at(s, t % m) : 0;
    const v = y[t];
    const e = v !== null && v !== undefined ? v - (l + par.phi * b + st) : 0;
    out[t] = e;
    const lNew = l + par.phi * b + par.alpha * e;
    b = par.phi * b + par.beta * e;
    l = lNew;
    if (spec.season === 'A') s[t % m] = st + par.gamma * e;
  }
  return out;
}

/**
 * Initial states by least squares given the smoothing parameters: the one-step errors of a linear
 * (additive) ETS are affine in the initial state, e(z) = e(y, 0) + E·z, so the SSE-minimising z is
 * an OLS fit. Seasonal states are constrained to sum to 0 (the last is minus the sum of the others).
 */
function lsInitial(y: readonly (number | null)[], spec: EtsSpec, par: Params): { l0: number; b0: number; s0: number[] } | null {
  const m = spec.season === 'A' ? spec.m : 0;
  const dim = 1 + (spec.trend === 'N' ? 0 : 1) + (m ? m - 1 : 0);
  const toInit = (z: readonly number[]) => {
    const l0 = at(z, 0);
    const b0 = spec.trend === 'N' ? 0 : at(z, 1);
    const off = spec.trend === 'N' ? 1 : 2;
    const s0: number[] = [];
    if (m) {
      let sum = 0;
      for (let p = 0; p < m - 1; p++) {
        s0.push(at(z, off + p));
        sum += at(z, off + p);
      }
      s0.push(-sum);
    }
    return { l0, b0, s0 };
  };
  const zeros = new Array<number>(dim).fill(0);
  const base = errors(y, spec, par, toInit(zeros));
  const silent = y.map((v) => (v === null ? null : 0));
  const cols = Array.from({ length: dim }, (_, j) => errors(silent, spec, par, toInit(zeros.map((_, i) => (i === j ? 1 : 0)))));
  const rows: number[][] = [];
  const target: number[] = [];
  for (let t = 0; t < y.length; t++) {
    if (y[t] === null) continue;
    rows.push(cols.map((c) => at(c, t)));
    target.push(-at(base, t));
  }
  const fit = ols(rows, target);
  return fit ? toInit(fit.beta) : null;
}

/** Fit one ETS model by likelihood; null when there are too few observations for its AICc. */
export function fitEts(y: readonly (number | null)[], spec: EtsSpec, warm?: readonly number[]): EtsFit | null {
  let init = initialStates(y, spec);
  const dims = 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'A' ? 1 : 0) + (spec.trend === 'Ad' ? 1 : 0);
  let x = [-0.85, ...(spec.trend === 'N' ? [] : [-1.4]), ...(spec.season === 'A' ? [-2] : []), ...(spec.trend === 'Ad' ? [1.5] : [])].slice(0, dims);
  // A warm start (bootstrap refits) begins at a fitted model's parameters: states first, one round.
  if (warm && warm.length === dims) {
    x = [...warm];
    const ls = lsInitial(y, spec, decode(spec, x));
    if (ls) init = ls;
  }
  // Alternate: smoothing parameters by Nelder–Mead given the initial states, then the states by least squares.
  for (let round = warm ? 2 : 0; round < 3; round++) {
    const fixed = init;
    const objective = (p: number[]) => {
      const r = run(y, spec, decode(spec, p), fixed, false);
      return r.nObs ? r.nObs * Math.log(Math.max(r.sse, 1e-300) / r.nObs) : Number.POSITIVE_INFINITY;
    };
    x = nelderMead(objective, x, { step: round === 0 ? 1 : 0.4, maxIter: 120 * dims }).x;
    const ls = lsInitial(y, spec, decode(spec, x));
    if (ls) init = ls;
  }
  const par = decode(spec, x);
  const r = run(y, spec, par, init, true);
  const k = countParams(spec) + 1; // + σ
  const n = r.nObs;
  if (n - k - 1 <= 0) return null;
  const loglik = n * Math.log(Math.max(r.sse, 1e-300) / n);
  const aicc = loglik + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
  const sigma2 = r.sse / Math.max(1, n - (k - 1));
  return {
    spec,
    method: methodName(spec),
    ...par,
    level: r.level,
    slope: r.slope,
    seasonal: r.seasonal,
    nObs: n,
    length: y.length,
    sse: r.sse,
    sigma2,
    aicc,
    fitted: r.fitted,
    log: false,
    raw: x,
  };
}

/** Point forecasts 1..h ahead. */
export function etsMean(fit: EtsFit, h: number): number[] {
  const out: number[] = [];
  let phiSum = 0;
  for (let i = 1; i <= h; i++) {
    phiSum += fit.spec.trend === 'Ad' ? fit.phi ** i : fit.spec.trend === 'A' ? 1 : 0;
    const st = fit.spec.season === 'A' ? at(fit.seasonal, (fit.length + i - 1) % fit.spec.m) : 0;
    out.push(fit.level + phiSum * fit.slope + st);
  }
  return out;
}

/** ψ-weights c_0 = 1, c_j = α + β·φ_j + γ·[j ≡ 0 mod m]: forecast error at h = Σ_{j<h} c_j ε_{T+h−j}. */
export function etsPsi(fit: EtsFit, h: number): number[] {
  const c = [1];
  let phiJ = 0;
  for (let j = 1; j < h; j++) {
    phiJ += fit.spec.trend === 'Ad' ? fit.phi ** j : fit.spec.trend === 'A' ? 1 : 0;
    c.push(fit.alpha + fit.beta * phiJ + (fit.spec.season === 'A' && j % fit.spec.m === 0 ? fit.gamma : 0));
  }
  return c;
}

/** Forecast-error variance 1..h ahead. */
export function etsVariance(fit: EtsFit, h: number): number[] {
  const c = etsPsi(fit, h);
  const out: number[] = [];
  let acc = 0;
  for (let i = 0; i < h; i++) {
    acc += at(c, i) ** 2;
    out.push(fit.sigma2 * acc);
  }
  return out;
}

/** Variance of Σ_h w_h · (forecast error at h) for weights w over horizons 1..w.length. */
export function etsWeightedSumVariance(fit: EtsFit, w: readonly number[]): number {
  const H = w.length;
  const c = etsPsi(fit, H);
  let v = 0;
  for (let k = 1; k <= H; k++) {
    // shock ε_{T+k} enters horizon h ≥ k with weight c_{h−k}
    let coef = 0;
    for (let h = k; h <= H; h++) coef += at(w, h - 1) * at(c, h - k);
    v += coef * coef;
  }
  return fit.sigma2 * v;
}

/** Candidate models: non-seasonal always, seasonal when a period is given. */
export function candidates(m: number | null): EtsSpec[] {
  const trends: TrendKind[] = ['N', 'A', 'Ad'];
  const out: EtsSpec[] = trends.map((trend) => ({ trend, season: 'N', m: 1 }));
  if (m && m >= 2) for (const trend of trends) out.push({ trend, season: 'A', m });
  return out;
}

/**
 * Fit every candidate, keep the smallest AICc. A positive series is also fitted on its logarithm
 * (multiplicative season and growth become additive); its AICc is put on the original scale with
 * the Jacobian, AICc + 2·Σ log y (FPP3 §5.6 / Akaike 1978), so the two are comparable.
 */
export function autoEts(y: readonly (number | null)[], m: number | null, allowLog = true): EtsFit | null {
  let best: EtsFit | null = null;
  const observed = y.filter((v): v is number => v !== null);
  const positive = allowLog && observed.length > 0 && observed.every((v) => v > 0);
  const logY = positive ? y.map((v) => (v === null ? null : Math.log(v))) : null;
  const jacobian = positive ? 2 * observed.reduce((a, v) => a + Math.log(v), 0) : 0;
  for (const spec of candidates(m)) {
    const fit = fitEts(y, spec);
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
    if (logY) {
      const lf = fitEts(logY, spec);
      if (lf) {
        const adjusted: EtsFit = { ...lf, log: true, aicc: lf.aicc + jacobian };
        if (Number.isFinite(adjusted.aicc) && (!best || adjusted.aicc < best.aicc)) best = adjusted;
      }
    }
  }
  return best;
}
