/**
 * Freshness of a dataset as shown to users:
 * - loading: nothing yet;
 * - ready: data is current;
 * - stale: data is shown but old, or the last refresh failed (reason says why);
 * - error: the feed failed and there is no data to show;
 * - offline: the feed cannot be reached (network), with or without old data.
 */
export type Freshness = 'loading' | 'ready' | 'stale' | 'error' | 'offline';

export interface FreshnessInput {
  hasData: boolean;
  lastGoodAt: number | null;
  failed: boolean;
  failureKind?: string | undefined;
  staleAfterMs: number;
  now: number;
}

/** Used when a dataset declares no (or a nonsensical) stale threshold. */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

export function deriveFreshness(i: FreshnessInput): Freshness {
  if (i.failed && i.failureKind === 'network') return 'offline';
  if (!i.hasData) return i.failed ? 'error' : 'loading';
  if (i.failed) return 'stale';
  const age = ageOf(i.lastGoodAt, i.now);
  // Data whose good time is unknown cannot vouch for itself.
  if (age === null) return 'stale';
  return age > staleAfter(i.staleAfterMs) ? 'stale' : 'ready';
}

/**
 * Age of the shown data in ms, or null when unknown. A good time in the
 * future (clock skew between a snapshot and a pinned clock) counts as 0.
 */
export function ageOf(lastGoodAt: number | null, now: number): number | null {
  if (lastGoodAt === null || !Number.isFinite(lastGoodAt) || !Number.isFinite(now)) return null;
  return Math.max(0, now - lastGoodAt);
}

function staleAfter(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_STALE_AFTER_MS;
}

/** Plain-words reason for a stale state that no error explains. */
export function ageReason(state: Freshness, lastGoodAt: number | null, now: number): string | null {
  if (state !== 'stale') return null;
  const age = ageOf(lastGoodAt, now);
  if (age === null) return 'no time of last good data';
  return `no new data for ${Math.round(age / 60_000)} min`;
}
