/**
 * Effect of an intervention, in the manner of CausalImpact (Brodersen, Gallusser, Koehler, Remy &
 * Scott 2015) without covariates: the automatic ETS model fitted on the pre-period forecasts the
 * post-period as the counterfactual; the effect is actual − counterfactual, pointwise, averaged
 * and cumulated, with intervals from the forecast-error distribution (ψ-weights, so the cumulative
 * interval accounts for the correlation of multi-step errors). Cross-check: segmented regression
 * (Wagner et al. 2002) with a level-change term, OLS.
 */
import { bandFrom, estimationVariance, fitSeries, pointForecast, sumVariance } from './forecast.ts';
import { at, ols, pTwoSided, Z95 } from './stats.ts';
import type { Band, EffectOptions, EffectResult, Refusal, TimeSeries } from './types.ts';
import { checkSeries, refuse } from './validate.ts';

export function evaluateEffect(s: TimeSeries, atLabel: string, opts: EffectOptions = {}): EffectResult | Refusal {
  const bad = checkSeries(s);
  if (bad) return bad;
  const idx = s.t.indexOf(atLabel);
  if (idx < 1 || typeof atLabel !== 'string') return refuse('bad-input', 0, 1);
  const pre: TimeSeries = { grain: s.grain, t: s.t.slice(0, idx), y: s.y.slice(0, idx) };
  const postT = s.t.slice(idx);
  const postY = s.y.slice(idx);
  const valid = postY.filter((v) => v !== null).length;
  if (!valid) return refuse('too-short', 0, 1);
  const fitted = fitSeries(pre, opts.season ?? 'auto');
  if ('ok' in fitted) return fitted;
  const { fit } = fitted;
  // periods between the last pre value and `at` (trailing gaps of the pre-period) are forecast too
  const lastPre = fitted.series.t[fitted.series.t.length - 1] as string;
  const gap = pre.t.length - 1 - pre.t.indexOf(lastPre);
  const H = gap + postT.length;
  const w = new Array<number>(H).fill(0);
  postY.forEach((v, i) => {
    if (v !== null) w[gap + i] = 1;
  });
  const estimation = estimationVariance(fit, fitted.series.y, w, 60, false);
  const full = bandFrom(fit, [...pre.t.slice(pre.t.length - gap), ...postT], H, estimation.perH);
  const counterfactual: Band = {
    t: postT,
    mean: full.mean.slice(gap),
    lo80: full.lo80.slice(gap),
    hi80: full.hi80.slice(gap),
    lo95: full.lo95.slice(gap),
    hi95: full.hi95.slice(gap),
  };
  const mu = pointForecast(fit, H);
  let cum = 0;
  let cfSum = 0;
  postY.forEach((v, i) => {
    if (v === null) return;
    cum += v - at(mu, gap + i);
    cfSum += at(mu, gap + i);
  });
  const sd = Math.sqrt(sumVariance(fit, w) + estimation.sum);
  const lo = cum - Z95 * sd;
  const hi = cum + Z95 * sd;
  const cfMean = cfSum / valid;
  const avg = cum / valid;
  const pct = (v: number) => (cfMean !== 0 ? (100 * v) / Math.abs(cfMean) : Number.NaN);
  const result: EffectResult = {
    ok: true,
    at: atLabel,
    method: fit.method,
    transform: fit.log ? 'log' : 'none',
    prePoints: fitted.series.y.length,
    counterfactual,
    actual: postY,
    average: { abs: avg, lo: lo / valid, hi: hi / valid, pct: pct(avg), pctLo: pct(lo / valid), pctHi: pct(hi / valid) },
    cumulative: { abs: cum, lo, hi },
    pValue: sd > 0 ? pTwoSided(cum / sd) : cum === 0 ? 1 : 0,
    significant: lo > 0 || hi < 0,
  };
  const cross = segmentedRegression(s, idx, fitted.season);
  if (cross) result.crossCheck = cross;
  return result;
}

/** y = a + b·t + seasonal dummies + δ·[t ≥ at] + ε by OLS; δ with a normal 95 % interval. */
export function segmentedRegression(s: TimeSeries, idx: number, m: number | null): EffectResult['crossCheck'] | null {
  const X: number[][] = [];
  const y: number[] = [];
  s.y.forEach((v, i) => {
    if (v === null) return;
    const row = [1, i, i >= idx ? 1 : 0];
    if (m) for (let p = 1; p < m; p++) row.push(i % m === p ? 1 : 0);
    X.push(row);
    y.push(v);
  });
  const fit = ols(X, y);
  if (!fit) return null;
  const p = X[0]?.length ?? 0;
  const sigma2 = fit.sse / Math.max(1, y.length - p);
  const se = Math.sqrt(sigma2 * at(fit.xtxInv[2] ?? [], 2));
  const d = at(fit.beta, 2);
  return { method: 'segmented regression', seasonalDummies: m ? m - 1 : 0, levelChange: d, lo: d - Z95 * se, hi: d + Z95 * se };
}
