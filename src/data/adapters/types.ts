import type { z } from 'zod';

/** What a panel asks of a dataset: the view state that shapes the query. */
export interface DatasetRequest {
  datasetId: string;
  /** GB/T 2260 code of the region in view (province, city or county). */
  region: string;
  /** Inclusive period bounds, e.g. "2025-11" … "2026-10". */
  from: string;
  to: string;
  filters: Readonly<Record<string, string>>;
}

export type PushStatus = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'error';

export interface PushSink {
  /** One raw message (already JSON-parsed). May hold one record or an array. */
  next(raw: unknown, meta?: { id?: string | undefined }): void;
  status(status: PushStatus, reason?: string): void;
  /** A heartbeat (or any sign of life without records): the stream is live, the data current. */
  alive?(): void;
  /** A message that could not be read (malformed JSON, over the size cap): counted, never shown. */
  reject?(reason: string): void;
}

/**
 * An adapter knows a transport, nothing of React or of contracts. It has a
 * pull capability, a push capability, or both.
 */
export interface Adapter {
  load?(request: DatasetRequest, signal: AbortSignal): Promise<unknown>;
  /**
   * Opens a live feed. `resume.lastEventId` is the cursor of the last event
   * this channel received on an earlier subscription: the adapter resumes
   * after it instead of asking for a fresh backfill.
   */
  subscribe?(request: DatasetRequest, sink: PushSink, resume?: { lastEventId?: string | undefined }): () => void;
}

/**
 * What the data layer needs to know about a dataset's feed, declared by its
 * adapter from the parsed options — the data layer never guesses from option
 * names.
 */
export interface AdapterBehaviour {
  /** Pull: refetch period in ms (TanStack Query `refetchInterval`, also while hidden); 0 = no polling. Push: 0. */
  pollMs: number;
  /** How long good data counts as current when the dataset sets no `staleAfterMs`. */
  staleAfterMs: number;
  /**
   * Requests with equal keys get the same answer: one query and one saved
   * snapshot (pull), one live connection and buffer (push). Usually the
   * filled URL template, so a stream whose URL uses `{region}` gets a new
   * channel when the region changes and a province-wide one keeps its own.
   */
  channelKey(request: DatasetRequest): string;
}

export interface AdapterFactory<O = unknown> {
  id: string;
  /** Validates the `options` object of a dataset bound to this adapter. */
  optionsSchema: z.ZodType<O>;
  create(options: O): Adapter;
  /** The feed's behaviour (polling, staleness window, channel key), from the parsed options. */
  behaviour(options: O): AdapterBehaviour;
}

/**
 * Why a feed failed: `network` (unreachable, stream lost → shown as offline),
 * `timeout`, `http` (non-2xx), `parse` (malformed body), `too-large` (over
 * the byte cap), `contract` (no record passed the contract), `closed` (a push
 * stream ended normally and will not resume).
 */
export type FeedErrorKind = 'network' | 'timeout' | 'http' | 'parse' | 'too-large' | 'contract' | 'closed';

/** Errors an adapter throws, classified so freshness can say why. */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    message: string,
    readonly kind: FeedErrorKind,
    readonly status?: number,
  ) {
    super(message);
  }
}
