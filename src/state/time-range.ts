import type { TimeRange } from './view-store';

const TZ_OFFSET_MS = 8 * 3600_000; // China Standard Time, no DST

/** "YYYY-MM" of the month containing `ms` in China Standard Time. */
export function monthOf(ms: number): string {
  const d = new Date(ms + TZ_OFFSET_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * Resolves a range against the clock. Monthly statistics are published after
 * the month ends, so relative ranges end at the last complete month and roll
 * over when the month does (computed from `now`, never cached).
 */
export function resolveRange(range: TimeRange, now: number): { from: string; to: string } {
  if (typeof range !== 'string') return range;
  const to = addMonths(monthOf(now), -1);
  switch (range) {
    case '1m':
      return { from: to, to };
    case '12m':
      return { from: addMonths(to, -11), to };
    case '24m':
      return { from: addMonths(to, -23), to };
    case 'pytd': {
      // The same months of the year before: Jan–Oct 2025 when the latest month is Oct 2026.
      const prior = addMonths(to, -12);
      return { from: `${prior.slice(0, 4)}-01`, to: prior };
    }
    default:
      return { from: `${to.slice(0, 4)}-01`, to };
  }
}
