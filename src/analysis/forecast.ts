import { autoEts, type EtsFit, etsMean, etsVariance } from './ets.ts';
import { acf, at, Z80, Z95 } from './stats.ts';
import { futureLabels, naturalSeason } from './time.ts';
import type { Band, ForecastOptions, ForecastResult, Refusal, TimeSeries } from './types.ts';
import { checkContent, checkSeries, refuse, trimmed } from './validate.ts';

/** Points beyond two full seasons a seasonal model needs (AICc of ETS(A,A,A) with m = 12 needs ≥ 2m + 3). */
export const SEASON_MARGIN = 3;
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

export function bandFrom(fit: EtsFit, t: string[], h: number): Band {
  const mu = etsMean(fit, h);
  const sd = etsVariance(fit, h).map(Math.sqrt);
  return {
    t,
    mean: mu,
    lo80: mu.map((m, i) => m - Z80 * at(sd, i)),
    hi80: mu.map((m, i) => m + Z80 * at(sd, i)),
    lo95: mu.map((m, i) => m - Z95 * at(sd, i)),
    hi95: mu.map((m, i) => m + Z95 * at(sd, i)),
  };
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
  const offset = s.t.indexOf(r.series.t[0] as string);
  const fitted: (number | null)[] = s.y.map((_, i) => {
    const j = i - offset;
    return j >= 0 && j < r.fit.fitted.length ? (r.fit.fitted[j] ?? null) : null;
  });
  return { ok: true, method: r.fit.method, season: r.season, seasonSource: r.seasonSource, aicc: r.fit.aicc, band: bandFrom(r.fit, t, horizon), fitted };
}
