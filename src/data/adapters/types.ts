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
  next(raw: unknown, meta?: { id?: string }): void;
  status(status: PushStatus, reason?: string): void;
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

/** Errors an adapter throws, classified so freshness can say why. */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    message: string,
    readonly kind: 'network' | 'timeout' | 'http' | 'parse' | 'too-large' | 'contract',
    readonly status?: number,
  ) {
    super(message);
  }
}
