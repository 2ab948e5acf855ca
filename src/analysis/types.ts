/** Types of the analysis module (issue #10). Pure data: JSON-safe, no functions, no DOM. */
export type Grain = 'month' | 'day' | 'hour';

/** t: 'YYYY-MM' | 'YYYY-MM-DD' | 'YYYY-MM-DDTHH' (China time, naive); ascending, one entry per period, gaps as null. */
export interface TimeSeries {
  grain: Grain;
  t: string[];
  y: (number | null)[];
}

export interface Band {
  t: string[];
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

export type RefusalReason = 'too-short' | 'too-many-gaps' | 'constant' | 'bad-input';
/** An analysis that will not answer says why: `have` points against `need`. */
export type Refusal = { ok: false; reason: RefusalReason; have: number; need: number };

export type ForecastResult =
  | {
      ok: true;
      /** Hyndman's ETS(error, trend, season), e.g. 'ETS(A,Ad,A)'. */
      method: string;
      /** 'log': the model was fitted to log(y) (multiplicative growth and season); the band is back-transformed. */
      transform: 'none' | 'log';
      season: number | null;
      seasonSource: 'declared' | 'detected' | 'none';
      aicc: number;
      band: Band;
      intervals: 'bootstrap' | 'analytic';
      /** One-step-ahead fitted values over the history (null where the history has a gap). */
      fitted: (number | null)[];
    }
  | Refusal;

export interface ForecastOptions {
  horizon: number;
  season?: number | 'auto' | 'none';
  /**
   * 'bootstrap' (default): forecast-error variance plus estimation error from refits on resampled
   * residuals (40, seeded); 'analytic': the textbook ETS interval alone (parameters taken as known,
   * narrower, ~40× faster).
   */
  intervals?: 'bootstrap' | 'analytic';
}

export interface Spike {
  t: string;
  y: number;
  expected: number;
  lo: number;
  hi: number;
  /** Robust z: (y − expected) / (1.4826 · MAD of the residuals). */
  score: number;
  direction: 'up' | 'down';
}

export interface SpikeOptions {
  /** Seasonal periods in points, e.g. [24, 168] hourly, [7] daily; default by grain. */
  seasons?: number[];
  /** Robust z beyond which a point is a spike; default 4. */
  threshold?: number;
  /** Width of the running-median trend in points; default the longest season used. */
  window?: number;
}

export type SpikeResult = { ok: true; spikes: Spike[]; expected: { t: string[]; mid: number[]; lo: number[]; hi: number[] }; method: string } | Refusal;

export interface Changepoint {
  /** First period of the new regime. */
  t: string;
  index: number;
  /** kind 'level': mean level (seasonally adjusted) before / after; kind 'slope': change per period before / after. */
  before: number;
  after: number;
  kind: 'level' | 'slope';
  pValue: number;
}

export interface ChangepointOptions {
  minSegment?: number;
  alpha?: number;
}

export type ChangepointResult = { ok: true; changepoints: Changepoint[]; method: string } | Refusal;

export interface EffectResult {
  ok: true;
  at: string;
  /** The pre-period model, e.g. 'ETS(A,A,A)' (counterfactual = its forecast; intervals: forecast errors + bootstrap estimation error). */
  method: string;
  transform: 'none' | 'log';
  /** Values in the pre-period the model was fitted on. */
  prePoints: number;
  /** The pre-period model's forecast over the post-period (what would have happened without the policy). */
  counterfactual: Band;
  actual: (number | null)[];
  average: { abs: number; lo: number; hi: number; pct: number; pctLo: number; pctHi: number };
  cumulative: { abs: number; lo: number; hi: number };
  pValue: number;
  /** The 95 % interval of the cumulative effect excludes 0. */
  significant: boolean;
  /** Segmented regression (level change δ with its 95 % interval); `method` is always 'segmented regression'. */
  crossCheck?: { method: string; seasonalDummies: number; levelChange: number; lo: number; hi: number };
}

export interface EffectOptions {
  season?: number | 'auto';
}

export interface Pace {
  target: number;
  /** Cumulative: sum so far; rate: mean so far. */
  ytd: number;
  periodsElapsed: number;
  periodsTotal: number;
  /** Cumulative: ytd / elapsed × total; rate: the ytd mean. */
  atCurrentPace: number;
  /** Year-end figure with the remaining periods forecast (ETS), with its 80 % interval. */
  atForecast: number | null;
  forecastLo: number | null;
  forecastHi: number | null;
  /** Judged on the forecast's 80 % interval when there is one, else on the current pace. */
  onTrack: 'yes' | 'no' | 'uncertain';
}

export interface PaceInput {
  kind: 'cumulative' | 'rate';
  /** Jan..latest month of the target year. */
  monthlyValues: (number | null)[];
  /** Monthly history ending with the latest month (for the forecast-based figure). */
  history?: TimeSeries;
  target: number;
  periodsTotal?: number;
  /** 'atLeast' (default): the target is a floor (output, growth); 'atMost': a ceiling (unemployment). */
  direction?: 'atLeast' | 'atMost';
}

export type PaceResult = Pace | Refusal;
