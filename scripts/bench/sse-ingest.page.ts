/**
 * Bench page (built by sse-ingest.bench.mjs, run in headless Chromium): the
 * shipping sse adapter (fetch streaming + eventsource-parser) → PushChannel
 * (contract validation, bounded buffer, batched notifications) at the
 * requested rate, measuring what a wall would feel.
 *
 * Instrumentation, outside the code under test:
 * - `fetch` is wrapped: each body chunk is stamped when it leaves the network
 *   stream (receipt); the chunk itself is passed on untouched.
 * - `TextDecoder.decode` (the adapter's first touch of a chunk) opens a
 *   measurement that a microtask closes once the chunk's synchronous work —
 *   decode, SSE parse, JSON parse, validation, buffer — is done: ingest cost.
 * - The channel's `ingest` is wrapped to read each record's `seq` (drops are
 *   seq gaps) and pair it with its chunk's receipt time.
 */
import { datasetSchema } from '../../src/config/schema';
import { PushChannel } from '../../src/data/dataset-source';

interface BenchResult {
  seconds: number;
  rate: number;
  longTaskAt: string[];
  holders: Record<string, number>;
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
  chunks: number;
  ingestUsPerEvent: number;
  chunkCostP95Ms: number;
  receiptToBufferP95Ms: number;
  receiptToStoreP50Ms: number;
  receiptToStoreP95Ms: number;
  receiptToStoreMaxMs: number;
  eventToStoreP95Ms: number;
  notifications: number;
  maxBuffer: number;
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

function percentile(values: Float64Array, p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const heap = () => {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? Math.round((memory.usedJSHeapSize / 1048576) * 10) / 10 : null;
};

/** The bench stream's event time from its seq (contiguous: seq = second × rate + i, at i / rate into the second). */
const eventTimeOf = (seq: number) => Math.floor(seq / rate) * 1000 + Math.floor(((seq % rate) * 1000) / rate);

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
  // What held those frames: long animation frames' scripts, by file · function (or invoker), ms in all.
  const holders: Record<string, number> = {};
  const hold = (k: string, ms: number) => {
    holders[k] = (holders[k] ?? 0) + ms;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        renderStart: number;
        scripts: { sourceURL: string; sourceFunctionName: string; invoker: string; duration: number }[];
      })[]) {
        if (e.startTime < t0) continue;
        let scripts = 0;
        for (const x of e.scripts) {
          const file = (x.sourceURL.split('/').pop() ?? '').replace(/\?.*$/, '');
          hold(file ? `${file} · ${x.sourceFunctionName || '(anonymous)'}` : x.invoker || '(script)', x.duration);
          scripts += x.duration;
        }
        const render = e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0;
        hold('style, layout, paint of long frames', render);
        hold('rest of long frames (GC, parse, unattributed)', Math.max(0, e.duration - scripts - render));
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no Long Animation Frames API: no attribution
  }

  // Fixed-size typed arrays so the bench's own bookkeeping does not grow the heap it reports.
  const capacity = Math.ceil(rate * seconds * 1.5) + 10_000;
  const toBuffer = new Float64Array(capacity);
  const toStore = new Float64Array(capacity);
  const eventToStore = new Float64Array(capacity);
  const chunkCost = new Float64Array(Math.ceil(seconds * 1000) + 10_000);
  let nBuffer = 0;
  let nStore = 0;
  let nEvent = 0;
  let nChunk = 0;
  let ingestMs = 0;
  // Records ingested but not yet visible to subscribers: their chunk's receipt time and their event time.
  const pendingReceipt = new Float64Array(capacity);
  const pendingEvent = new Float64Array(capacity);
  let nPending = 0;
  let received = 0;
  let firstSeq = -1;
  const seen = new Uint8Array(capacity);
  let lastSeq = -1;
  let outOfWindow = 0;
  let maxBuffer = 0;

  // Receipt: when a chunk leaves the network stream (before the adapter's reader sees it).
  const arrival = new WeakMap<object, number>();
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await nativeFetch(input, init);
    if (!response.body || !/event-stream/.test(response.headers.get('content-type') ?? '')) return response;
    const stamped = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>(
        {
          transform(chunk, controller) {
            arrival.set(chunk, performance.now());
            controller.enqueue(chunk);
          },
        },
        undefined,
        new CountQueuingStrategy({ highWaterMark: 4096 }),
      ),
    );
    return new Response(stamped, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  // The chunk being worked on: its receipt time, and when the adapter started on it.
  let chunkReceipt = Number.NaN;
  let chunkStart = 0;
  const nativeDecode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function decode(this: TextDecoder, input?: AllowSharedBufferSource, options?: TextDecodeOptions) {
    const at = input ? arrival.get(input as object) : undefined;
    if (at !== undefined) {
      chunkReceipt = at;
      chunkStart = performance.now();
      // Runs once the chunk's synchronous work is done (before the adapter's next read resumes).
      queueMicrotask(() => {
        const end = performance.now();
        ingestMs += end - chunkStart;
        if (nChunk < chunkCost.length) chunkCost[nChunk++] = end - chunkStart;
      });
    }
    return nativeDecode.call(this, input, options);
  };

  const dataset = datasetSchema.parse({
    adapter: 'sse',
    contract: 'text-item',
    options: { url: `${feed}/stream/bench?rate=${rate}&backfill=0`, watchdogMs: 10_000 },
    source: { name: 'bench' },
    bufferSize: bound,
  });
  const channel = new PushChannel(dataset, { datasetId: 'bench', region: '410000', from: '', to: '', filters: {} }, { persistEveryMs: 5000 });
  const ingest = channel.ingest.bind(channel);
  channel.ingest = (raw: unknown) => {
    const seq = (raw as { seq?: unknown } | null)?.seq;
    if (typeof seq === 'number') {
      received++;
      if (firstSeq < 0) firstSeq = seq;
      const slot = seq - firstSeq;
      if (slot >= 0 && slot < capacity) seen[slot] = 1;
      else outOfWindow++;
      lastSeq = Math.max(lastSeq, seq);
      if (nPending < capacity) {
        pendingReceipt[nPending] = chunkReceipt;
        pendingEvent[nPending] = eventTimeOf(seq);
        nPending++;
      }
    }
    const n = ingest(raw);
    if (nBuffer < capacity) toBuffer[nBuffer++] = performance.now() - chunkReceipt;
    return n;
  };
  let notifications = 0;
  channel.listen(() => {
    notifications++;
    const now = performance.now();
    const wall = Date.now();
    channel.state();
    maxBuffer = Math.max(maxBuffer, channel.buffer.size);
    for (let i = 0; i < nPending && nStore < capacity; i++) {
      toStore[nStore++] = now - (pendingReceipt[i] as number);
      eventToStore[nEvent++] = wall - (pendingEvent[i] as number);
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
  const store = toStore.subarray(0, nStore);
  (globalThis as { gc?: () => void }).gc?.();
  const result: BenchResult = {
    seconds,
    rate,
    longTaskAt,
    holders: Object.fromEntries(Object.entries(holders).map(([k, v]) => [k, Math.round(v)])),
    received,
    stored: stats.ingested,
    expected,
    // Seq gaps, records outside the window, and records received but not stored (nor quarantined).
    dropped: expected - distinct + outOfWindow + Math.max(0, received - stats.ingested - stats.quarantined),
    quarantined: stats.quarantined,
    bufferSize: channel.buffer.size,
    bufferBound: bound,
    longTasks: longTasks.length,
    longTaskMaxMs: Math.round(Math.max(0, ...longTasks)),
    longTaskTotalMs: Math.round(longTasks.reduce((a, b) => a + b, 0)),
    chunks: nChunk,
    ingestUsPerEvent: round((ingestMs * 1000) / Math.max(1, received)),
    chunkCostP95Ms: round(percentile(chunkCost.subarray(0, nChunk), 95)),
    receiptToBufferP95Ms: round(percentile(toBuffer.subarray(0, nBuffer), 95)),
    receiptToStoreP50Ms: round(percentile(store, 50)),
    receiptToStoreP95Ms: round(percentile(store, 95)),
    receiptToStoreMaxMs: round(store.reduce((a, b) => Math.max(a, b), 0)),
    eventToStoreP95Ms: round(percentile(eventToStore.subarray(0, nEvent), 95)),
    notifications,
    maxBuffer,
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
