import type { DatasetConfig } from '../config/schema';
import { clock } from '../lib/clock';
import { adapters } from './adapters/registry';
import { type Adapter, type DatasetRequest, FeedError, type PushStatus } from './adapters/types';
import type { ContractName } from './contracts/index';
import { ContractError, validateRecords } from './contracts/validate';
import { unwrap } from './mapping';
import { saveSnapshot } from './persistence';
import { PushBuffer } from './push-buffer';

export interface DatasetResult {
  records: readonly unknown[];
  asOf: number | null;
  receivedAt: number;
  quarantined: number;
}

export function datasetQueryKey(request: DatasetRequest): readonly unknown[] {
  return ['dataset', request.datasetId, request.region, request.from, request.to, request.filters];
}

const instances = new WeakMap<DatasetConfig, Adapter>();

/** One adapter instance per dataset config (adapters may hold connections). */
export function adapterFor(dataset: DatasetConfig): Adapter {
  let adapter = instances.get(dataset);
  if (!adapter) {
    const factory = adapters.get(dataset.adapter);
    adapter = factory.create(factory.optionsSchema.parse(dataset.options));
    instances.set(dataset, adapter);
  }
  return adapter;
}

/**
 * Pull path: adapter → mapping → contract validation. Throws (so TanStack
 * Query keeps the previous data and marks the dataset stale) when the
 * transport fails or when no record of a non-empty answer is valid.
 */
export async function loadDataset(dataset: DatasetConfig, request: DatasetRequest, signal: AbortSignal): Promise<DatasetResult> {
  const adapter = adapterFor(dataset);
  if (!adapter.load) throw new FeedError(`adapter "${dataset.adapter}" cannot be pulled`, 'contract');
  const payload = await adapter.load(request, signal);
  const envelope = unwrap(payload, dataset.mapping);
  let batch: ReturnType<typeof validateRecords>;
  try {
    batch = validateRecords(dataset.contract as ContractName, envelope.records);
  } catch (error) {
    throw new FeedError(error instanceof ContractError ? error.message : String(error), 'contract');
  }
  if (batch.records.length === 0 && batch.quarantined.length > 0) {
    throw new FeedError(`all ${batch.quarantined.length} records failed the contract: ${batch.quarantined[0]?.reason}`, 'contract');
  }
  if (batch.quarantined.length > 0) {
    console.warn(`[dataset ${request.datasetId}] quarantined ${batch.quarantined.length} record(s): ${batch.quarantined[0]?.reason}`);
  }
  const result: DatasetResult = {
    records: batch.records,
    asOf: envelope.asOf,
    receivedAt: clock.now(),
    quarantined: batch.quarantined.length,
  };
  void saveSnapshot(JSON.stringify(datasetQueryKey(request)), { records: batch.records, asOf: result.asOf, savedAt: result.receivedAt });
  return result;
}

interface PushState {
  records: readonly unknown[] | undefined;
  lastGoodAt: number | null;
  asOf: number | null;
  error: unknown;
  quarantined: number;
  switching: boolean;
  fromSnapshot: boolean;
}

const TIME_FIELDS = ['reportedAt', 'receivedAt', 'at', 'updatedAt'] as const;
function eventTime(record: { id: string }): number {
  const r = record as unknown as Record<string, unknown>;
  for (const f of TIME_FIELDS) if (typeof r[f] === 'number') return r[f] as number;
  return 0;
}

/**
 * A push dataset's live channel: one subscription per dataset, shared by every
 * panel that reads it, ref-counted, feeding a bounded buffer.
 */
export class PushChannel {
  readonly buffer: PushBuffer<{ id: string }>;
  private listeners = new Set<() => void>();
  private refs = 0;
  private unsubscribe: (() => void) | null = null;
  private current: PushState = { records: undefined, lastGoodAt: null, asOf: null, error: null, quarantined: 0, switching: false, fromSnapshot: false };
  private status: PushStatus = 'connecting';
  private notifyScheduled = false;

  constructor(
    private readonly dataset: DatasetConfig,
    private readonly request: DatasetRequest,
  ) {
    this.buffer = new PushBuffer(dataset.bufferSize, eventTime);
  }

  retain(): () => void {
    if (this.refs++ === 0) this.start();
    return () => {
      if (--this.refs === 0) this.stop();
    };
  }

  listen(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  state(): PushState {
    return this.current;
  }

  /** Validates and buffers one raw message (an object or an array of them). */
  ingest(raw: unknown): void {
    const list = Array.isArray(raw) ? raw : [raw];
    const batch = validateRecords(this.dataset.contract as ContractName, list.map((r) => (this.dataset.mapping ? unwrap([r], this.dataset.mapping).records as unknown[] : [r])[0]));
    this.buffer.push(batch.records as { id: string }[]);
    this.current = {
      ...this.current,
      lastGoodAt: batch.records.length ? clock.now() : this.current.lastGoodAt,
      quarantined: this.current.quarantined + batch.quarantined.length,
      error: this.status === 'open' ? null : this.current.error,
    };
    this.scheduleNotify();
  }

  private start(): void {
    const adapter = adapterFor(this.dataset);
    if (!adapter.subscribe) {
      this.current = { ...this.current, error: new FeedError(`adapter "${this.dataset.adapter}" cannot push`, 'contract') };
      return;
    }
    this.unsubscribe = adapter.subscribe(this.request, {
      next: (raw) => this.ingest(raw),
      status: (status, reason) => {
        this.status = status;
        const failed = status === 'reconnecting' || status === 'error' || status === 'closed';
        this.current = { ...this.current, error: failed ? new FeedError(reason ?? status, 'network') : null };
        this.scheduleNotify();
      },
    });
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Coalesces bursts into one React update per animation frame. */
  private scheduleNotify(): void {
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    const run = () => {
      this.notifyScheduled = false;
      this.current = { ...this.current, records: this.buffer.size || this.current.records ? this.buffer.snapshot() : this.current.records };
      for (const l of this.listeners) l();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run);
    else setTimeout(run, 16);
  }
}

const channels = new Map<string, PushChannel>();

export const pushChannel = {
  isPush(dataset: DatasetConfig): boolean {
    const adapter = adapterFor(dataset);
    return !adapter.load && Boolean(adapter.subscribe);
  },
  get(datasetId: string, dataset: DatasetConfig, request: DatasetRequest): PushChannel {
    // Push feeds are province-wide streams; panels filter by region themselves.
    let channel = channels.get(datasetId);
    if (!channel) {
      channel = new PushChannel(dataset, request);
      channels.set(datasetId, channel);
    }
    return channel;
  },
};
