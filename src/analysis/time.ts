import type { Grain } from './types.ts';

const PATTERN: Record<Grain, RegExp> = {
  month: /^\d{4}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
  hour: /^\d{4}-\d{2}-\d{2}T\d{2}$/,
};

export function validLabel(grain: Grain, t: string): boolean {
  return PATTERN[grain].test(t);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The label `k` periods after `t` (k may be negative). Labels are naive (no time zone): computed in UTC. */
export function shift(grain: Grain, t: string, k: number): string {
  if (grain === 'month') {
    const y = Number(t.slice(0, 4));
    const m = Number(t.slice(5, 7));
    const total = y * 12 + (m - 1) + k;
    return `${Math.floor(total / 12)}-${pad((((total % 12) + 12) % 12) + 1)}`;
  }
  const ms = Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10)), grain === 'hour' ? Number(t.slice(11, 13)) : 0);
  const d = new Date(ms + k * (grain === 'hour' ? 3_600_000 : 86_400_000));
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return grain === 'hour' ? `${day}T${pad(d.getUTCHours())}` : day;
}

/** `horizon` labels following the last label of `t`. */
export function futureLabels(grain: Grain, t: readonly string[], horizon: number): string[] {
  const last = t[t.length - 1];
  if (last === undefined) return [];
  return Array.from({ length: horizon }, (_, i) => shift(grain, last, i + 1));
}

/** Natural seasonal period of a grain: 12 months, 7 days, 24 hours. */
export function naturalSeason(grain: Grain): number {
  return grain === 'month' ? 12 : grain === 'day' ? 7 : 24;
}
