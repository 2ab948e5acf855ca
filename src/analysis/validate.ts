import { validLabel } from './time.ts';
import type { Refusal, TimeSeries } from './types.ts';

export const refuse = (reason: Refusal['reason'], have: number, need: number): Refusal => ({ ok: false, reason, have, need });

/** Structural check of a series: labels of its grain, ascending, same length as values, finite numbers or null. */
export function checkSeries(s: TimeSeries): Refusal | null {
  if (!s || !Array.isArray(s.t) || !Array.isArray(s.y) || s.t.length !== s.y.length) return refuse('bad-input', 0, 0);
  if (s.grain !== 'month' && s.grain !== 'day' && s.grain !== 'hour') return refuse('bad-input', 0, 0);
  for (let i = 0; i < s.t.length; i++) {
    const t = s.t[i];
    if (typeof t !== 'string' || !validLabel(s.grain, t)) return refuse('bad-input', i, s.t.length);
    if (i > 0 && t <= (s.t[i - 1] as string)) return refuse('bad-input', i, s.t.length);
    const v = s.y[i];
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return refuse('bad-input', i, s.t.length);
  }
  return null;
}

/** Leading and trailing gaps removed (the model starts at the first value and ends at the last). */
export function trimmed(s: TimeSeries): TimeSeries {
  let a = 0;
  let b = s.y.length;
  while (a < b && s.y[a] === null) a++;
  while (b > a && s.y[b - 1] === null) b--;
  return { grain: s.grain, t: s.t.slice(a, b), y: s.y.slice(a, b) };
}

export function values(y: readonly (number | null)[]): number[] {
  return y.filter((v): v is number => v !== null);
}

/** Refuses a constant series and one with more than 20 % gaps. */
export function checkContent(s: TimeSeries, need: number): Refusal | null {
  const v = values(s.y);
  if (v.length < need) return refuse('too-short', v.length, need);
  const gaps = s.y.length - v.length;
  if (gaps > 0.2 * s.y.length) return refuse('too-many-gaps', v.length, Math.ceil(s.y.length * 0.8));
  const first = v[0] as number;
  if (v.every((x) => Math.abs(x - first) <= 1e-9 * Math.max(1, Math.abs(first)))) return refuse('constant', v.length, need);
  return null;
}
