import { DEFAULT_STALE_AFTER_MS } from './adapters/behaviour';
import { FeedError } from './adapters/types';

export { DEFAULT_STALE_AFTER_MS };

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

/** Reason shown while the records come from this device's copy, before the first live answer. */
export const SNAPSHOT_REASON = 'last good data saved on this device';

export function describeError(error: unknown): string {
  if (error instanceof FeedError) return `${error.kind}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What a source (a pull query or a push channel) currently holds. */
export interface SourceSnapshot {
  records: readonly unknown[] | undefined;
  /** When the shown records were last proven current. */
  lastGoodAt: number | null;
  /** The last failure, null while healthy. */
  error: unknown;
  /** True while the records come from IndexedDB and no live answer has arrived yet. */
  fromSnapshot: boolean;
}

/**
 * The one freshness rule, used by useDataset (and by the data-layer test
 * harnesses, which call this very function): state and plain-words reason
 * of what a source holds, given the dataset's staleness window.
 *
 * Records saved on this device are never shown as current, however young:
 * until the first live answer they are `stale` with SNAPSHOT_REASON (or the
 * failure's reason, `offline` on a network failure), with their real age.
 */
export function presentFreshness(source: SourceSnapshot, staleAfterMs: number, now: number): { state: Freshness; reason: string | null } {
  const failed = source.error !== null && source.error !== undefined;
  let state = deriveFreshness({
    hasData: source.records !== undefined,
    lastGoodAt: source.lastGoodAt,
    failed,
    failureKind: source.error instanceof FeedError ? source.error.kind : undefined,
    staleAfterMs,
    now,
  });
  const snapshot = source.fromSnapshot && source.records !== undefined;
  if (snapshot && state === 'ready') state = 'stale';
  const reason = failed ? describeError(source.error) : snapshot ? SNAPSHOT_REASON : ageReason(state, source.lastGoodAt, now);
  return { state, reason };
}
