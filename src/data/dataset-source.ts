import type { DatasetConfig } from '../config/schema';
import { clock } from '../lib/clock';
import { adapters } from './adapters/registry';
import { type Adapter, type AdapterBehaviour, type DatasetRequest, FeedError, type PushStatus } from './adapters/types';
import { dedupeRecords, PRIMARY_VALUE } from './contracts/identity';
import type { ContractName } from './contracts/index';
import { ContractError, validateRecords } from './contracts/validate';
import { getPath, mapRecord, unwrap } from './mapping';
import { loadSnapshot, saveSnapshot } from './persistence';
import { PushBuffer } from './push-buffer';
import { NotifyPacer, persistDelay, recordsFromSnapshot } from './push-channel';

export interface DatasetResult {
  records: readonly unknown[];
  asOf: number | null;
  receivedAt: number;
  quarantined: number;
}

/** A dataset's feed as its adapter declares it, with the dataset's own staleness override applied. */
export interface DatasetBehaviour {
  /** `push` when the adapter only subscribes, `pull` otherwise. */
  kind: 'pull' | 'push';
  /** Refetch period of a pull dataset (0 = none). */
  pollMs: number;
  /** The dataset's `staleAfterMs`, else the adapter's window. */
  staleAfterMs: number;
  /** The adapter's key for a request: equal keys share one query / one live channel. */
  channelKey(request: DatasetRequest): string;
}

interface Bound {
  adapter: Adapter;
  behaviour: DatasetBehaviour;
}

const bound = new WeakMap<DatasetConfig, Bound>();

/** One adapter instance and one behaviour per dataset config (adapters may hold connections). */
function bind(dataset: DatasetConfig): Bound {
  let entry = bound.get(dataset);
  if (!entry) {
    const factory = adapters.get(dataset.adapter);
    const options = factory.optionsSchema.parse(dataset.options);
    const adapter: Adapter = factory.create(options);
    const declared: AdapterBehaviour = factory.behaviour(options);
    const kind = !adapter.load && adapter.subscribe ? 'push' : 'pull';
    entry = {
      adapter,
      behaviour: {
        kind,
        pollMs: kind === 'pull' && declared.pollMs > 0 ? declared.pollMs : 0,
        staleAfterMs: dataset.staleAfterMs ?? declared.staleAfterMs,
        channelKey: (request) => declared.channelKey(request),
      },
    };
    bound.set(dataset, entry);
  }
  return entry;
}

export function adapterFor(dataset: DatasetConfig): Adapter {
  return bind(dataset).adapter;
}

/** What useDataset (and the test harnesses) read about a dataset's feed: nothing else is guessed. */
export function datasetBehaviour(dataset: DatasetConfig): DatasetBehaviour {
  return bind(dataset).behaviour;
}

/** TanStack Query key of a pull dataset: the dataset and its adapter's key for the request. */
export function pullQueryKey(dataset: DatasetConfig, request: DatasetRequest): readonly unknown[] {
  return ['dataset', request.datasetId, datasetBehaviour(dataset).channelKey(request)];
}

/** IndexedDB key of a pull dataset's last good answer for one request. */
export function snapshotKey(dataset: DatasetConfig, request: DatasetRequest): string {
  return JSON.stringify(pullQueryKey(dataset, request));
}

/**
 * The query a pull dataset runs — key, loader, polling — exactly as
 * useDataset passes it to TanStack Query (the test harness observes the same).
 */
export function pullQueryOptions(dataset: DatasetConfig, request: DatasetRequest) {
  const { pollMs } = datasetBehaviour(dataset);
  return {
    queryKey: pullQueryKey(dataset, request),
    queryFn: ({ signal }: { signal: AbortSignal }) => loadDataset(dataset, request, signal),
    refetchInterval: pollMs > 0 ? pollMs : (false as const),
    refetchIntervalInBackground: true,
  };
}

/**
 * Pull path: adapter → mapping → contract validation. Throws (so TanStack
 * Query keeps the previous data and marks the dataset stale) when the
 * transport fails or when no record of a non-empty answer is valid. Bad
 * records of an otherwise good answer are dropped and counted.
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
  const contract = dataset.contract as ContractName;
  const { records } = dedupeRecords(contract, batch.records);
  // Every headline number a gap at once is a broken upstream, not news: keep the last good answer.
  const valueField = PRIMARY_VALUE[contract];
  if (valueField && records.length > 1 && records.every((r) => (r as Record<string, unknown>)[valueField] === null)) {
    throw new FeedError(`every "${valueField}" in the answer is null (a gap); keeping the last good data`, 'contract');
  }
  const result: DatasetResult = {
    records,
    asOf: envelope.asOf,
    receivedAt: clock.now(),
    quarantined: batch.quarantined.length,
  };
  void saveSnapshot(snapshotKey(dataset, request), { records, asOf: result.asOf, savedAt: result.receivedAt });
  return result;
}

export interface PushState {
  records: readonly unknown[] | undefined;
  /** Last time the stream proved current: a valid record or a heartbeat (an open connection alone does not). */
  lastGoodAt: number | null;
  asOf: number | null;
  error: unknown;
  /** Records that failed the contract plus messages that could not be read. */
  quarantined: number;
  switching: boolean;
  /** True while the records shown come from IndexedDB and the stream has not delivered yet. */
  fromSnapshot: boolean;
  status: PushStatus;
}

export interface PushStats {
  /** Messages handed over by the adapter. */
  messages: number;
  /** Valid records stored into the buffer (before dedupe). */
  ingested: number;
  quarantined: number;
  /** Records evicted by the buffer bound. */
  evicted: number;
  size: number;
}

export interface PushChannelOptions {
  /** Minimum time between IndexedDB saves of the buffer (0 disables persistence). */
  persistEveryMs?: number;
}

/** Bad messages in a row before a push dataset is marked stale for drift. */
export const BAD_RUN = 20;

const TIME_FIELDS = ['reportedAt', 'receivedAt', 'at', 'updatedAt'] as const;
export function eventTime(record: { id: string }): number {
  const r = record as unknown as Record<string, unknown>;
  for (const f of TIME_FIELDS) if (typeof r[f] === 'number') return r[f] as number;
  return Number.NaN;
}

/**
 * A push dataset's live channel: one subscription per dataset and channel key
 * (the adapter's key for the request — for a stream, its filled URL), shared
 * by every panel that reads it, ref-counted, feeding a bounded buffer. A
 * released channel remembers the last event id and resumes after it when it
 * is retained again. The last good records are saved to IndexedDB (throttled,
 * per channel) and restored on start, so a reload during an outage still
 * shows them with their age.
 */
export class PushChannel {
  readonly buffer: PushBuffer<{ id: string }>;
  private readonly listeners = new Set<() => void>();
  private refs = 0;
  private unsubscribe: (() => void) | null = null;
  private current: PushState = {
    records: undefined,
    lastGoodAt: null,
    asOf: null,
    error: null,
    quarantined: 0,
    switching: false,
    fromSnapshot: false,
    status: 'connecting',
  };
  private stateVersion = 0;
  /** Notifications paced for the screen (push-channel.ts): next frame after a quiet spell, ≤ 4 a second while records keep coming. */
  private readonly pacer = new NotifyPacer(
    () => {
      for (const l of this.listeners) l();
    },
    () => this.buffer.changes,
  );
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly persistEveryMs: number;
  private readonly persistKey: string;
  private counters = { messages: 0, ingested: 0 };
  /** Cursor of the last event received (sent back as `resume.lastEventId` on the next subscription). */
  private cursor: string | undefined;
  /** Subscriptions opened so far (the current one's number gates its sink). */
  private subscriptions = 0;
  /** When the last holder let go (for evicting idle channels). */
  releasedAt = 0;
  /** Messages in a row that yielded no valid record (drift detector). */
  private badRun = 0;
  /** Why the connection is down (status), and why the data is suspect (drift); the first wins. */
  private transportError: FeedError | null = null;
  private driftError: FeedError | null = null;

  constructor(
    private readonly dataset: DatasetConfig,
    private readonly request: DatasetRequest,
    options: PushChannelOptions = {},
  ) {
    this.buffer = new PushBuffer(dataset.bufferSize, eventTime);
    this.persistEveryMs = options.persistEveryMs ?? 5000;
    this.persistKey = `push|${request.datasetId}|${dataset.adapter}|${channelKeyOf(dataset, request)}`;
  }

  retain(): () => void {
    if (this.refs++ === 0) this.start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.refs === 0) {
        this.releasedAt = Date.now();
        this.stop();
      }
    };
  }

  /** True when no panel holds the channel (its subscription is closed). */
  get idle(): boolean {
    return this.refs === 0;
  }

  listen(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Current state; the same object until something changes (for useSyncExternalStore). */
  state(): PushState {
    if (this.stateVersion !== this.buffer.changes) {
      this.stateVersion = this.buffer.changes;
      this.current = { ...this.current, records: this.buffer.size || this.current.records ? this.buffer.snapshot() : this.current.records };
    }
    return this.current;
  }

  stats(): PushStats {
    return { ...this.counters, quarantined: this.current.quarantined, evicted: this.buffer.dropped, size: this.buffer.size };
  }

  /** Validates and buffers one raw message (a record, an array of them, or an envelope the mapping unwraps). */
  ingest(raw: unknown): number {
    this.counters.messages++;
    const mapping = this.dataset.mapping;
    let list: unknown[];
    if (Array.isArray(raw)) list = raw;
    else if (mapping?.records) {
      const inner = getPath(raw, mapping.records);
      list = Array.isArray(inner) ? inner : [inner];
    } else list = [raw];
    if (mapping) list = list.map((r) => mapRecord(r, mapping));
    const batch = validateRecords(this.dataset.contract as ContractName, list);
    const valid = batch.records as { id: string }[];
    if (valid.length) this.buffer.push(valid);
    this.counters.ingested += valid.length;
    const patch: Partial<PushState> = {};
    if (batch.quarantined.length) patch.quarantined = this.current.quarantined + batch.quarantined.length;
    if (valid.length) {
      this.badRun = 0;
      patch.lastGoodAt = clock.now();
      if (this.current.fromSnapshot) patch.fromSnapshot = false;
      if (this.driftError) {
        this.driftError = null;
        patch.error = this.transportError;
      }
      this.schedulePersist();
    } else if (list.length) this.noteBad(batch.quarantined[0]?.reason ?? 'no record');
    if (Object.keys(patch).length) this.update(patch);
    else if (valid.length) this.scheduleNotify();
    return valid.length;
  }

  /**
   * A live stream whose messages all fail the contract is drift, not news:
   * after BAD_RUN bad messages in a row the dataset says so (stale, with the
   * reason) while the last good records stay on screen.
   */
  private noteBad(reason: string): void {
    if (++this.badRun !== BAD_RUN) return;
    this.driftError = new FeedError(`the last ${BAD_RUN} messages failed the contract: ${reason}`, 'contract');
    this.update({ error: this.transportError ?? this.driftError });
  }

  private update(patch: Partial<PushState>): void {
    this.current = { ...this.current, ...patch };
    this.scheduleNotify();
  }

  private start(): void {
    void this.restore();
    let adapter: Adapter;
    try {
      adapter = adapterFor(this.dataset);
    } catch (error) {
      this.transportError = new FeedError((error as Error).message, 'contract');
      this.update({ error: this.transportError, status: 'error' });
      return;
    }
    if (!adapter.subscribe) {
      this.transportError = new FeedError(`adapter "${this.dataset.adapter}" cannot push`, 'contract');
      this.update({ error: this.transportError, status: 'error' });
      return;
    }
    // Calls from an earlier subscription (an adapter that reports after its unsubscribe) are ignored.
    const subscription = ++this.subscriptions;
    const live = () => subscription === this.subscriptions;
    this.unsubscribe = adapter.subscribe(
      this.request,
      {
        next: (raw, meta) => {
          if (!live()) return;
          if (meta?.id) this.cursor = meta.id;
          this.ingest(raw);
        },
        status: (status, reason) => {
          if (live()) this.onStatus(status, reason);
        },
        // A heartbeat proves the connection, not the data: it does not clear a drift error.
        alive: () => {
          if (live() && !this.driftError && !this.current.fromSnapshot) this.update({ lastGoodAt: clock.now() });
        },
        reject: (reason) => {
          if (!live()) return;
          this.counters.messages++;
          this.update({ quarantined: this.current.quarantined + 1 });
          this.noteBad(reason);
        },
      },
      { lastEventId: this.cursor },
    );
  }

  private onStatus(status: PushStatus, reason?: string): void {
    if (status === 'open') {
      this.transportError = null;
      // An open stream proves the connection, not the data: the age runs on until a record or a heartbeat
      // arrives, so a half-open server that accepts connections and then says nothing turns stale.
      this.update({ status, error: this.driftError });
      return;
    }
    if (status === 'connecting') {
      this.update({ status });
      return;
    }
    this.transportError = new FeedError(reason ?? status, status === 'closed' ? 'closed' : 'network');
    this.update({ status, error: this.transportError });
  }

  private stop(): void {
    this.subscriptions++;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.persistTimer !== null) {
      clearTimeout(this.persistTimer);
      this.persistTimer = null;
      void this.persist();
    }
  }

  private async restore(): Promise<void> {
    if (this.persistEveryMs <= 0) return;
    const snap = await loadSnapshot<{ id: string }>(this.persistKey);
    const saved = recordsFromSnapshot(snap);
    if (!snap || !saved || this.refs === 0) return;
    // Live records win: only ids the stream has not delivered yet are restored.
    const missing = saved.filter((r) => !this.buffer.has(r.id));
    if (missing.length) this.buffer.push(missing);
    if (this.current.lastGoodAt === null) this.update({ lastGoodAt: snap.savedAt, asOf: snap.asOf, fromSnapshot: true });
    else this.scheduleNotify();
  }

  private schedulePersist(): void {
    if (this.persistEveryMs <= 0 || this.persistTimer !== null) return;
    // A save is a structured clone on the main thread, proportional to the buffer: a big buffer is saved less often.
    this.persistTimer = setTimeout(
      () => {
        this.persistTimer = null;
        void this.persist();
      },
      persistDelay(this.persistEveryMs, this.buffer.size),
    );
  }

  private async persist(): Promise<void> {
    const records = this.buffer.snapshot();
    if (!records.length) return;
    await saveSnapshot(this.persistKey, { records: [...records], asOf: this.current.asOf, savedAt: this.current.lastGoodAt ?? clock.now() });
  }

  /** Coalesces bursts: one React update on the next frame, then at most one per NOTIFY_INTERVAL_MS while events keep coming. */
  private scheduleNotify(): void {
    this.pacer.signal();
  }
}

/** Channel key of a request, or (for an adapter that cannot be bound) one that only names the request. */
function channelKeyOf(dataset: DatasetConfig, request: DatasetRequest): string {
  try {
    return datasetBehaviour(dataset).channelKey(request);
  } catch {
    return JSON.stringify([request.region, request.from, request.to, request.filters]);
  }
}

/** Idle channels kept in memory (buffer and resume cursor) for a quick way back, e.g. after a drill-down. */
export const MAX_IDLE_CHANNELS = 8;

const channels = new Map<string, { dataset: DatasetConfig; channel: PushChannel }>();

function pruneIdle(keep: string): void {
  const idle = [...channels.entries()].filter(([key, e]) => key !== keep && e.channel.idle).sort((a, b) => a[1].channel.releasedAt - b[1].channel.releasedAt);
  for (const [key] of idle.slice(0, Math.max(0, idle.length - MAX_IDLE_CHANNELS))) channels.delete(key);
}

export const pushChannel = {
  isPush(dataset: DatasetConfig): boolean {
    return datasetBehaviour(dataset).kind === 'push';
  },
  /** The live channel of a request: the same one for every request with the same channel key. */
  get(dataset: DatasetConfig, request: DatasetRequest): PushChannel {
    const key = `${request.datasetId}\n${channelKeyOf(dataset, request)}`;
    const entry = channels.get(key);
    if (entry && entry.dataset === dataset) return entry.channel;
    const channel = new PushChannel(dataset, request);
    channels.set(key, { dataset, channel });
    pruneIdle(key);
    return channel;
  },
};
