/**
 * Pace to an annual target: at the current pace (year-to-date extrapolated linearly for a
 * cumulative indicator, the year-to-date mean for a rate) and with the remaining months forecast
 * by automatic ETS, with the 80 % interval of the year-end figure.
 */
import { fitSeries, pointForecast, sumVariance } from './forecast.ts';
import { at, Z80 } from './stats.ts';
import type { Pace, PaceInput, Refusal } from './types.ts';
import { refuse } from './validate.ts';

export function paceToTarget(input: PaceInput): Pace | Refusal {
  const total = input?.periodsTotal ?? 12;
  const vals = input?.monthlyValues;
  if (!Array.isArray(vals) || !Number.isFinite(input.target) || !Number.isInteger(total) || total < 1 || vals.length > total) return refuse('bad-input', 0, 0);
  if (vals.some((v) => v !== null && (typeof v !== 'number' || !Number.isFinite(v)))) return refuse('bad-input', 0, 0);
  const seen = vals.filter((v): v is number => v !== null);
  if (!seen.length) return refuse('too-short', 0, 1);
  const elapsed = vals.length;
  const sum = seen.reduce((a, b) => a + b, 0);
  const cumulative = input.kind === 'cumulative';
  const ytd = cumulative ? sum : sum / seen.length;
  const atCurrentPace = cumulative ? (sum / seen.length) * total : ytd;
  let atForecast: number | null = null;
  let forecastLo: number | null = null;
  let forecastHi: number | null = null;
  const remaining = total - elapsed;
  if (remaining === 0) {
    atForecast = cumulative ? sum : ytd;
    forecastLo = atForecast;
    forecastHi = atForecast;
  } else if (input.history) {
    const fitted = fitSeries(input.history, 'auto');
    if (!('ok' in fitted)) {
      const last = fitted.series.t[fitted.series.t.length - 1];
      const gap = input.history.t.length - 1 - input.history.t.indexOf(last as string);
      const H = gap + remaining;
      const mu = pointForecast(fitted.fit, H);
      const scale = cumulative ? 1 : 1 / total;
      const w = mu.map((_, h) => (h >= gap ? scale : 0));
      let add = 0;
      for (let h = gap; h < H; h++) add += at(mu, h) * scale;
      const sd = Math.sqrt(sumVariance(fitted.fit, w));
      atForecast = (cumulative ? sum : sum / total + ((total - seen.length - remaining) * ytd) / total) + add;
      forecastLo = atForecast - Z80 * sd;
      forecastHi = atForecast + Z80 * sd;
    }
  }
  const ceiling = input.direction === 'atMost';
  const meets = (v: number) => (ceiling ? v <= input.target : v >= input.target);
  let onTrack: Pace['onTrack'];
  if (forecastLo !== null && forecastHi !== null) {
    const worst = ceiling ? forecastHi : forecastLo;
    const best = ceiling ? forecastLo : forecastHi;
    onTrack = meets(worst) ? 'yes' : !meets(best) ? 'no' : 'uncertain';
  } else onTrack = meets(atCurrentPace) ? 'yes' : 'no';
  return { target: input.target, ytd, periodsElapsed: elapsed, periodsTotal: total, atCurrentPace, atForecast, forecastLo, forecastHi, onTrack };
}
