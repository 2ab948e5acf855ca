/**
 * Bench page (built by sse-ingest.bench.mjs, run in headless Chromium): a
 * real EventSource → sse adapter → PushChannel (validation + bounded buffer)
 * at the requested rate, measuring what a wall would feel.
 */
import { datasetSchema } from '../../src/config/schema';
import { PushChannel } from '../../src/data/dataset-source';

interface BenchResult {
  seconds: number;
  rate: number;
  longTaskAt: string[];
  received: number;
  stored: number;
  expected: number;
  dropped: number;
  quarantined: number;
  bufferSize: number;
  bufferBound: number;
  longTasks: number;
  longTaskMaxMs: number;
  longTaskTotalMs: number;
  ingestUsPerEvent: number;
  receiptToBufferP95Ms: number;
  receiptToStoreP50Ms: number;
  receiptToStoreP95Ms: number;
  receiptToStoreMaxMs: number;
  eventToStoreP95Ms: number;
  notifications: number;
  heapStartMb: number | null;
  heapEndMb: number | null;
}

declare global {
  interface Window {
    __bench?: BenchResult | { error: string };
  }
}

const params = new URLSearchParams(location.search);
const feed = params.get('feed') ?? 'http://127.0.0.1:8787';
const rate = Number(params.get('rate') ?? 2000);
const seconds = Number(params.get('seconds') ?? 60);
const bound = Number(params.get('bound') ?? 5000);

function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const heap = () => {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round((memory.usedJSHeapSize / 1048576) * 10) / 10 : null;
};

async function run(): Promise<BenchResult> {
  const longTasks: number[] = [];
  const longTaskAt: string[] = [];
  const t0 = performance.now();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // Only the ingestion run counts, not the page's own start-up.
      if (e.startTime < t0) continue;
      longTasks.push(e.duration);
      longTaskAt.push(`${Math.round(e.startTime - t0)}ms+${Math.round(e.duration)}`);
    }
  }).observe({ type: 'longtask', buffered: true });

  // Fixed-size typed arrays so the bench's own bookkeeping does not grow the heap it reports.
  const capacity = Math.ceil(rate * seconds * 1.5) + 10_000;
  const toBuffer = new Float64Array(capacity);
  const toStore = new Float64Array(capacity);
  const eventToStore = new Float64Array(capacity);
  let nBuffer = 0;
  let nStore = 0;
  let nEvent = 0;
  let ingestMs = 0;
  // Messages received but not yet visible to subscribers: receipt time stamps and event times.
  const pendingReceipt = new Float64Array(capacity);
  const pendingEvent = new Float64Array(capacity);
  let nPending = 0;
  let received = 0;
  let firstSeq = -1;
  const seen = new Uint8Array(capacity);
  let lastSeq = -1;
  let outOfWindow = 0;
  const Native = window.EventSource;
  class TimedEventSource extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      const add = this.addEventListener.bind(this) as (type: string, listener: EventListener, options?: boolean | AddEventListenerOptions) => void;
      // Wraps the adapter's message listener: receipt = the MessageEvent's time stamp; ingest cost measured around it.
      (this as unknown as { addEventListener: typeof add }).addEventListener = (type, listener, options) => {
        if (type !== 'message') return add(type, listener, options);
        add(
          type,
          (event: Event) => {
            const e = event as MessageEvent<string>;
            received++;
            const seq = Number(e.lastEventId);
            if (firstSeq < 0) firstSeq = seq;
            const slot = seq - firstSeq;
            if (slot >= 0 && slot < capacity) seen[slot] = 1;
            else outOfWindow++;
            lastSeq = Math.max(lastSeq, seq);
            const at = e.data.indexOf('"receivedAt":"');
            pendingReceipt[nPending] = e.timeStamp;
            pendingEvent[nPending] = at >= 0 ? Date.parse(e.data.slice(at + 14, e.data.indexOf('"', at + 14))) : Number.NaN;
            nPending = Math.min(capacity - 1, nPending + 1);
            const t = performance.now();
            listener.call(this, e);
            const done = performance.now();
            ingestMs += done - t;
            toBuffer[nBuffer++] = done - e.timeStamp;
          },
          options,
        );
      };
    }
  }
  window.EventSource = TimedEventSource;

  const dataset = datasetSchema.parse({
    adapter: 'sse',
    contract: 'text-item',
    options: { url: `${feed}/stream/bench?rate=${rate}&backfill=0`, watchdogMs: 10_000 },
    source: { name: 'bench' },
    bufferSize: bound,
  });
  const channel = new PushChannel(dataset, { datasetId: 'bench', region: '410000', from: '', to: '', filters: {} }, { persistEveryMs: 5000 });
  let notifications = 0;
  channel.listen(() => {
    notifications++;
    const now = performance.now();
    const wall = Date.now();
    channel.state();
    for (let i = 0; i < nPending; i++) {
      toStore[nStore++] = now - (pendingReceipt[i] as number);
      const ev = pendingEvent[i] as number;
      if (Number.isFinite(ev)) eventToStore[nEvent++] = wall - ev;
    }
    nPending = 0;
  });
  (globalThis as { gc?: () => void }).gc?.();
  const heapStartMb = heap();
  const release = channel.retain();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  release();
  await new Promise((r) => setTimeout(r, 100));
  const stats = channel.stats();
  let distinct = 0;
  for (let i = 0; i <= lastSeq - firstSeq && i < capacity; i++) distinct += seen[i] as number;
  const expected = firstSeq < 0 ? 0 : lastSeq - firstSeq + 1;
  const out = document.getElementById('out');
  const slice = (a: Float64Array, n: number) => Array.from(a.subarray(0, n));
  const store = slice(toStore, nStore);
  (globalThis as { gc?: () => void }).gc?.();
  const result: BenchResult = {
    seconds,
    rate,
    longTaskAt,
    received,
    stored: stats.ingested,
    expected,
    dropped: expected - distinct + outOfWindow + (received - stats.ingested - stats.quarantined),
    quarantined: stats.quarantined,
    bufferSize: channel.buffer.size,
    bufferBound: bound,
    longTasks: longTasks.length,
    longTaskMaxMs: Math.round(Math.max(0, ...longTasks)),
    longTaskTotalMs: Math.round(longTasks.reduce((a, b) => a + b, 0)),
    ingestUsPerEvent: round((ingestMs * 1000) / Math.max(1, received)),
    receiptToBufferP95Ms: round(percentile(slice(toBuffer, nBuffer), 95)),
    receiptToStoreP50Ms: round(percentile(store, 50)),
    receiptToStoreP95Ms: round(percentile(store, 95)),
    receiptToStoreMaxMs: round(Math.max(0, ...store)),
    eventToStoreP95Ms: round(percentile(slice(eventToStore, nEvent), 95)),
    notifications,
    heapStartMb,
    heapEndMb: heap(),
  };
  if (out) out.textContent = JSON.stringify(result, null, 2);
  return result;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

run().then(
  (r) => {
    window.__bench = r;
  },
  (error: unknown) => {
    window.__bench = { error: String(error) };
  },
);
