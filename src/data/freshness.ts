/**
 * Freshness of a dataset as shown to users:
 * - loading: nothing yet;
 * - ready: data is current;
 * - stale: data is shown but old or the last refresh failed (reason says why);
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

export function deriveFreshness(i: FreshnessInput): Freshness {
  if (i.failed && i.failureKind === 'network') return 'offline';
  if (!i.hasData) return i.failed ? 'error' : 'loading';
  if (i.failed) return 'stale';
  if (i.lastGoodAt !== null && i.now - i.lastGoodAt > i.staleAfterMs) return 'stale';
  return 'ready';
}
