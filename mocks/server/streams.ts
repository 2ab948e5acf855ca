import { createRng, pick } from '../../src/lib/random.ts';
import {
  INCIDENT_STREAM_BUCKET_MS,
  INCIDENT_STREAM_SLOT,
  incidentInjections,
  incidentStreamBucket,
  isoCst,
  pickCounty,
  type RegionSource,
} from '../generators/emergency.ts';
import {
  APPEAL_STREAM_BUCKET_MS,
  APPEAL_STREAM_SLOT,
  appealScenarioVersion,
  appealStreamBucket,
  CATEGORIES,
  CHANNELS,
  regionFilter,
} from '../generators/sentiment.ts';

/**
 * Event streams as pure functions of (seed, time), shared by the MSW `sse`
 * handlers and the feed server. A stream is cut into time buckets; event
 * `seq` = bucket × slot + index, so sequence numbers grow with time and any
 * cursor can be replayed after a restart — nothing is lost across a gap.
 *
 * A cursor `c` means "every event with seq ≤ c was delivered".
 */
export interface StreamEvent {
  seq: number;
  time: number;
  data: unknown;
}

export interface BucketStream {
  name: string;
  bucketMs: number;
  slot: number;
  /** Events of one bucket, oldest first, seq in [b·slot, (b+1)·slot). */
  bucket(b: number): readonly StreamEvent[];
}

/**
 * Caches the last few buckets (a tick asks for the same bucket many times);
 * `version` (e.g. the count of injected events) empties the cache when it changes.
 */
function cached(stream: BucketStream, size = 8, version: () => number = () => 0): BucketStream {
  const cache = new Map<number, readonly StreamEvent[]>();
  let seen = version();
  return {
    ...stream,
    bucket(b) {
      const v = version();
      if (v !== seen) {
        cache.clear();
        seen = v;
      }
      let events = cache.get(b);
      if (!events) {
        events = stream.bucket(b);
        cache.set(b, events);
        if (cache.size > size) cache.delete(cache.keys().next().value as number);
      }
      return events;
    },
  };
}

/** The cursor covering every event with time ≤ t. */
export function cursorAt(stream: BucketStream, t: number): number {
  const b = Math.floor(t / stream.bucketMs);
  let n = 0;
  for (const e of stream.bucket(b)) if (e.time <= t) n++;
  return b * stream.slot + n - 1;
}

/** Accepts an event (e.g. one inside the region a client asked for). */
export type EventFilter = (event: StreamEvent) => boolean;

/** Events with seq > cursor and time ≤ until that pass `accept`, oldest first, at most `limit` (and at most `maxBuckets` back). */
export function eventsAfter(stream: BucketStream, cursor: number, until: number, limit = 10_000, maxBuckets = 48, accept?: EventFilter): StreamEvent[] {
  const out: StreamEvent[] = [];
  const last = Math.floor(until / stream.bucketMs);
  let b = Math.max(Math.floor((cursor + 1) / stream.slot), last - maxBuckets);
  for (; b <= last && out.length < limit; b++) {
    for (const e of stream.bucket(b)) {
      if (e.seq <= cursor) continue;
      if (e.time > until) break;
      if (accept && !accept(e)) continue;
      out.push(e);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** The last `n` events at or before `until` that pass `accept` (looking back at most `maxBuckets`), oldest first. */
export function recentEvents(stream: BucketStream, until: number, n: number, maxBuckets = 48, accept?: EventFilter): StreamEvent[] {
  if (n <= 0) return [];
  const out: StreamEvent[] = [];
  const last = Math.floor(until / stream.bucketMs);
  for (let b = last; b > last - maxBuckets && out.length < n; b--) {
    const events = stream.bucket(b);
    for (let i = events.length - 1; i >= 0 && out.length < n; i--) {
      const e = events[i] as StreamEvent;
      if (e.time <= until && (!accept || accept(e))) out.push(e);
    }
  }
  return out.reverse();
}

function fromItems(items: readonly { time: number; data: { seq: number } }[]): StreamEvent[] {
  return items.map((i) => ({ seq: i.data.seq, time: i.time, data: i.data }));
}

export function incidentStream(regions: RegionSource, seed: string): BucketStream {
  return cached(
    {
      name: 'incidents',
      bucketMs: INCIDENT_STREAM_BUCKET_MS,
      slot: INCIDENT_STREAM_SLOT,
      bucket: (b) => fromItems(incidentStreamBucket(regions, seed, b)),
    },
    8,
    incidentInjections,
  );
}

export function appealStream(regions: RegionSource, seed: string): BucketStream {
  return cached(
    {
      name: 'appeals',
      bucketMs: APPEAL_STREAM_BUCKET_MS,
      slot: APPEAL_STREAM_SLOT,
      bucket: (b) => fromItems(appealStreamBucket(regions, seed, b)),
    },
    8,
    appealScenarioVersion,
  );
}

/**
 * A synthetic appeal stream at an exact rate (events per second), for load
 * tests and the ingestion bench: seq is contiguous (b × rate + i).
 */
export function benchStream(regions: RegionSource, seed: string, rate: number): BucketStream {
  const perSecond = Math.max(1, Math.min(100_000, Math.floor(rate)));
  const texts = CATEGORIES.flatMap((c) => c.texts.map((t) => [c.name, t.replace(/\{[a-z]+\}/g, '某')] as const));
  return cached(
    {
      name: `bench-${perSecond}`,
      bucketMs: 1000,
      slot: perSecond,
      bucket(b) {
        const rng = createRng(`${seed}|bench|${b}`);
        const out: StreamEvent[] = [];
        for (let i = 0; i < perSecond; i++) {
          const seq = b * perSecond + i;
          const time = b * 1000 + Math.floor((i * 1000) / perSecond);
          const [category, text] = pick(rng, texts);
          out.push({
            seq,
            time,
            data: {
              id: `b-${seq}`,
              channel: pick(rng, CHANNELS).name,
              category,
              region: pickCounty(regions, rng).code,
              text,
              receivedAt: isoCst(time).replace('+08:00', `.${String(time % 1000).padStart(3, '0')}+08:00`),
              status: 'new',
              seq,
            },
          });
        }
        return out;
      },
    },
    4,
  );
}

/** Streams by name: `incidents`, `appeals`, `bench` (with `?rate=`). */
export function streamFor(name: string, regions: RegionSource, seed: string, rate?: number): BucketStream | null {
  if (name === 'incidents') return incidentStream(regions, seed);
  if (name === 'appeals') return appealStream(regions, seed);
  if (name === 'bench') return benchStream(regions, seed, rate ?? 100);
  return null;
}

/**
 * The `region=` of a stream URL as an event filter: only events whose record
 * lies inside that region (a city keeps its counties; the root or an empty
 * value keeps everything). Null for a code the region table does not know.
 */
export function regionEventFilter(regions: RegionSource, root: string, region: string | null): { region: string; accept: EventFilter | undefined } | null {
  const code = region ?? '';
  if (code === '' || code === root) return { region: code, accept: undefined };
  if (!regions.get(code)) return null;
  const inside = regionFilter(regions, code);
  return {
    region: code,
    accept: (e) => {
      const r = (e.data as { region?: unknown } | null)?.region;
      return typeof r === 'string' && inside(r);
    },
  };
}
