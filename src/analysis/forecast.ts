import { createRng } from '../lib/random.ts';
import { autoEts, type EtsFit, etsMean, etsVariance, etsWeightedSumVariance, fitEts } from './ets.ts';
import { acf, at, Z80, Z95 } from './stats.ts';
import { futureLabels, naturalSeason } from './time.ts';
import type { Band, ForecastOptions, ForecastResult, Refusal, TimeSeries } from './types.ts';
import { checkContent, checkSeries, refuse, trimmed } from './validate.ts';

/** Points beyond two full seasons a seasonal model needs (AICc of ETS(A,A,A) with m = 12 needs ≥ 2m + 3). */
export const SEASON_MARGIN = 3;
/** Refits for the estimation-error part of the forecast band (see estimationVariance). */
export const BOOTSTRAP_DRAWS = 40;
/** Non-seasonal minimum. */
export const MIN_POINTS = 8;

/**
 * Is there seasonality at lag m? The test used by Hyndman's forecast package (thetaf / decompose):
 * |r_m| > 1.645 · sqrt((1 + 2 Σ_{k<m} r_k²) / n) on the series detrended by first differences' mean.
 */
export function hasSeason(y: readonly (number | null)[], m: number): boolean {
  const v: number[] = [];
  for (const x of y) if (x !== null) v.push(x);
  if (v.length < 2 * m + SEASON_MARGIN) return false;
  // remove a linear trend so a trend's slow decay does not pass for seasonality
  const n = v.length;
  const tm = (n - 1) / 2;
  const ym = v.reduce((s, x) => s + x, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - tm) * (at(v, i) - ym);
    sxx += (i - tm) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  const d = v.map((x, i) => x - ym - slope * (i - tm));
  const r = acf(d, m);
  let s = 0;
  for (let k = 0; k < m - 1; k++) s += at(r, k) ** 2;
  return at(r, m - 1) > 1.645 * Math.sqrt((1 + 2 * s) / n);
}

/** Back to the original scale: identity, or exp for a model fitted on logs (the forecast is then the median). */
const back = (fit: EtsFit) => (v: number) => (fit.log ? Math.exp(v) : v);

export function bandFrom(fit: EtsFit, t: string[], h: number, extra?: readonly number[]): Band {
  const mu = etsMean(fit, h);
  const b = back(fit);
  // extra: estimation variance on the original scale → on the model scale (delta method for logs)
  const sd = etsVariance(fit, h).map((v, i) => Math.sqrt(v + (extra ? at(extra, i) / (fit.log ? b(at(mu, i)) ** 2 : 1) : 0)));
  return {
    t,
    mean: mu.map(b),
    lo80: mu.map((m, i) => b(m - Z80 * at(sd, i))),
    hi80: mu.map((m, i) => b(m + Z80 * at(sd, i))),
    lo95: mu.map((m, i) => b(m - Z95 * at(sd, i))),
    hi95: mu.map((m, i) => b(m + Z95 * at(sd, i))),
  };
}

/** Point forecasts 1..h on the original scale. */
export function pointForecast(fit: EtsFit, h: number): number[] {
  return etsMean(fit, h).map(back(fit));
}

/** In-sample one-step fitted values on the original scale. */
export function fittedValues(fit: EtsFit): (number | null)[] {
  const b = back(fit);
  return fit.fitted.map((v) => (v === null || v === undefined ? null : b(v)));
}

/**
 * Variance of Σ_h w_h·(error at h) on the original scale; for a log model by the delta method
 * (error on the original scale ≈ forecast × error on the log scale).
 */
export function sumVariance(fit: EtsFit, w: readonly number[]): number {
  if (!fit.log) return etsWeightedSumVariance(fit, w);
  const f = pointForecast(fit, w.length);
  return etsWeightedSumVariance(
    fit,
    w.map((v, i) => v * at(f, i)),
  );
}

export interface Fitted {
  fit: EtsFit;
  season: number | null;
  seasonSource: 'declared' | 'detected' | 'none';
  /** The trimmed series the model saw. */
  series: TimeSeries;
}

/** Choose the period, check the history, fit the AICc-best ETS. Shared by forecast, effect and pace. */
export function fitSeries(s: TimeSeries, season: ForecastOptions['season']): Fitted | Refusal {
  const bad = checkSeries(s);
  if (bad) return bad;
  const series = trimmed(s);
  let m: number | null = null;
  let source: Fitted['seasonSource'] = 'none';
  const natural = naturalSeason(s.grain);
  if (typeof season === 'number') {
    if (!Number.isInteger(season) || season < 1) return refuse('bad-input', 0, 0);
    m = season >= 2 ? season : null;
    source = m ? 'declared' : 'none';
  } else if (season === 'none') {
    m = null;
  } else {
    // auto: a grain with a natural cycle needs two of them to tell; then test for it.
    const content = checkContent(series, 2 * natural + SEASON_MARGIN);
    if (content) return content;
    if (hasSeason(series.y, natural)) {
      m = natural;
      source = 'detected';
    }
  }
  const need = m ? 2 * m + SEASON_MARGIN : MIN_POINTS;
  const content = checkContent(series, need);
  if (content) return content;
  const fit = autoEts(series.y, m);
  if (!fit) return refuse('too-short', series.y.length, need + 1);
  const seasonal = fit.spec.season === 'A';
  return { fit, season: seasonal ? m : null, seasonSource: seasonal ? source : 'none', series };
}

/** Automatic ETS forecast with 80 % and 95 % prediction intervals (FPP3 ch. 8). */
export function forecast(s: TimeSeries, opts: ForecastOptions): ForecastResult {
  const horizon = opts?.horizon;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 1000) return refuse('bad-input', 0, 1);
  const r = fitSeries(s, opts.season ?? 'auto');
  if ('ok' in r) return r;
  const t = futureLabels(s.grain, r.series.t, horizon);
  // fitted aligned with the caller's series (leading/trailing gaps were trimmed)
  const fittedR = fittedValues(r.fit);
  const offset = s.t.indexOf(r.series.t[0] as string);
  const fitted: (number | null)[] = s.y.map((_, i) => {
    const j = i - offset;
    return j >= 0 && j < fittedR.length ? (fittedR[j] ?? null) : null;
  });
  return {
    ok: true,
    method: r.fit.method,
    transform: r.fit.log ? 'log' : 'none',
    season: r.season,
    seasonSource: r.seasonSource,
    aicc: r.fit.aicc,
    band: bandFrom(
      r.fit,
      t,
      horizon,
      opts.intervals === 'analytic' ? undefined : estimationVariance(r.fit, r.series.y, new Array<number>(horizon).fill(0), BOOTSTRAP_DRAWS).perH,
    ),
    intervals: opts.intervals === 'analytic' ? 'analytic' : 'bootstrap',
    fitted,
  };
}

/**
 * Estimation uncertainty by a residual bootstrap (Efron & Tibshirani 1993; FPP3 §5.5): B series
 * "fitted + resampled one-step residuals" are refitted with the same model and forecast; the spread
 * of their forecasts is the variance that the analytic interval (parameters and states taken as
 * known) leaves out. Seeded, so the same input gives the same answer. `warm`: refits start at the
 * fitted parameters (fast; a little narrower than cold refits, which the effect evaluation uses).
 */
export function estimationVariance(fit: EtsFit, y: readonly (number | null)[], w: readonly number[], draws = 60, warm = true): { perH: number[]; sum: number } {
  const H = w.length;
  const modelY = y.map((v) => (v === null ? null : fit.log ? Math.log(v) : v));
  const resid: number[] = [];
  modelY.forEach((v, i) => {
    const f = fit.fitted[i];
    if (v !== null && f !== null && f !== undefined) resid.push(v - f);
  });
  if (resid.length < 5) return { perH: new Array<number>(H).fill(0), sum: 0 };
  const rng = createRng(`ets-bootstrap|${y.length}|${fit.method}`);
  const sums: number[] = [];
  const paths: number[][] = [];
  for (let b = 0; b < draws; b++) {
    const ystar = modelY.map((v, i) => {
      const f = fit.fitted[i];
      return v === null || f === null || f === undefined ? null : f + at(resid, Math.floor(rng() * resid.length));
    });
    const refit = fitEts(ystar, fit.spec, warm ? fit.raw : undefined);
    if (!refit) continue;
    const f = pointForecast({ ...refit, log: fit.log }, H);
    paths.push(f);
    sums.push(f.reduce((s, v, h) => s + v * at(w, h), 0));
  }
  if (sums.length < 10) return { perH: new Array<number>(H).fill(0), sum: 0 };
  const variance = (xs: readonly number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  };
  return { perH: Array.from({ length: H }, (_, h) => variance(paths.map((p) => at(p, h)))), sum: variance(sums) };
}
