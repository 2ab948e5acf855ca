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
  subscribe?(request: DatasetRequest, sink: PushSink): () => void;
}

export interface AdapterFactory<O = unknown> {
  id: string;
  /** Validates the `options` object of a dataset bound to this adapter. */
  optionsSchema: z.ZodType<O>;
  create(options: O): Adapter;
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
