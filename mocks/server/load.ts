/**
 * Incident load mode of the feed server (issue #12, `scripts/bench/incidents.bench.mjs`):
 * `POST /__feeds/incident-load {"active": 5000, "rate": 200}` makes the
 * `incidents` stream a synthetic one that keeps `active` incidents open and
 * publishes `rate` status / position updates per second (round robin in a
 * scattered order: every incident is updated once every active / rate seconds); `DELETE` restores
 * the generated stream. Posting again with the same `active` only changes the
 * rate (from the next whole second): the same incidents carry on, so a bench
 * can alternate idle (rate 0) and loaded windows on one screen.
 *
 * Like every stream here it is a pure function of (seed, start, rate
 * changes, time): `seq` = second × SLOT + index, any cursor replays. A fresh
 * connection is sent a snapshot — the latest state of every open incident —
 * as a backend's "current state, then changes" stream would, not the last n
 * events. Records follow the incident contract exactly (ids `load-<n>`); the
 * places, types, levels and titles come from the seeded emergency generator.
 */
import { createRng } from '../../src/lib/random.ts';
import { HOUR, incidentBirths, isoCst, type IncidentOut, type RegionSource } from '../generators/emergency.ts';
import type { BucketStream, EventFilter, StreamEvent } from './streams.ts';

/** Seq slots per second: more than any `active` or `rate` accepted. */
export const LOAD_SLOT = 10_000;
/** Seqs of load streams are ≥ this (1e13; the generated streams stay far below), so a cursor tells its epoch. */
export const LOAD_SEQ_FLOOR = 1e13;
const LOAD_BUCKET_MS = 1000;
const ACTIVE = ['reported', 'dispatched', 'onsite', 'controlled'] as const;
/** Open incidents are spread over the last hours before the load starts. */
const SPREAD_MS = 12 * HOUR;

export interface IncidentLoadSettings {
  active: number;
  rate: number;
}

/** Validates a POST body: `active` 1…10,000 open incidents, `rate` 0…10,000 updates per second. */
export function parseIncidentLoad(body: unknown): IncidentLoadSettings {
  const b = (body ?? {}) as Record<string, unknown>;
  const active = Number(b.active ?? 5000);
  const rate = Number(b.rate ?? 200);
  if (!Number.isInteger(active) || active < 1 || active > LOAD_SLOT) throw new Error(`active: an integer 1…${LOAD_SLOT}, got ${String(b.active)}`);
  if (!Number.isInteger(rate) || rate < 0 || rate > LOAD_SLOT) throw new Error(`rate: an integer 0…${LOAD_SLOT}, got ${String(b.rate)}`);
  return { active, rate };
}

/** A rate from `fromBucket` on; `before` = updates published before it. */
interface Segment {
  fromBucket: number;
  rate: number;
  before: number;
}

/** An incident as it is at its creation: where, what, how grave (from the seeded generator), and its first stage. */
interface Base {
  id: string;
  type: IncidentOut['type'];
  severity: IncidentOut['severity'];
  title: string;
  region: string;
  lon: number;
  lat: number;
  reportedAt: number;
  stage: number;
}

export interface IncidentLoadStream extends BucketStream {
  readonly active: number;
  readonly rate: number;
  /** The first seq of this stream (its creation events): an older cursor is from another epoch. */
  readonly firstSeq: number;
  /** The latest state of every open incident at `now` (passing `accept`), oldest seq first. */
  snapshot(now: number, accept?: EventFilter): StreamEvent[];
  /** Changes the update rate from the next whole second on. */
  setRate(rate: number, now: number): void;
}

export function isIncidentLoadStream(stream: BucketStream): stream is IncidentLoadStream {
  return typeof (stream as Partial<IncidentLoadStream>).snapshot === 'function';
}

/**
 * A cursor from another epoch (a load stream's cursor on the generated stream
 * or the reverse, or one from an earlier load): the client starts afresh.
 */
export function foreignCursor(stream: BucketStream, cursor: number): boolean {
  if (isIncidentLoadStream(stream)) return cursor < stream.firstSeq;
  return cursor >= LOAD_SEQ_FLOOR;
}

/** The incidents of the load: the generator's latest `active` births, re-timed into the last hours, each with a first stage. */
function bases(regions: RegionSource, seed: string, active: number, start: number): Base[] {
  const out: Base[] = [];
  // ~36 incidents a day: look back far enough for `active` of them (types, places and titles stay the generator's).
  let days = Math.ceil(active / 30) + 2;
  let births = incidentBirths(regions, seed, start - days * 24 * HOUR, start);
  while (births.length < active && days < 2000) {
    days *= 2;
    births = incidentBirths(regions, seed, start - days * 24 * HOUR, start);
  }
  const latest = births.slice(-active);
  const rng = createRng(`${seed}|incident-load|${active}`);
  for (let k = 0; k < latest.length; k++) {
    const b = latest[k] as (typeof latest)[number];
    out.push({
      id: `load-${k}`,
      type: b.type,
      severity: b.severity,
      title: b.title,
      region: b.region,
      lon: b.lon,
      lat: b.lat,
      // Oldest first, ending just before the start.
      reportedAt: start - SPREAD_MS + Math.floor(((k + rng()) / latest.length) * (SPREAD_MS - 60_000)),
      stage: Math.floor(rng() * ACTIVE.length),
    });
  }
  return out;
}

/** The `n`-th state of an incident (0 = as created): odd updates move its status on, even ones refine its position. */
function stateOf(base: Base, n: number, time: number, seq: number): IncidentOut {
  const stage = (base.stage + Math.floor((n + 1) / 2)) % ACTIVE.length;
  const rng = createRng(`${base.id}|${n}`);
  // A position fix of up to ~300 m (a better geocode, a moving scene such as a spreading fire or a convoy).
  const dx = n === 0 ? 0 : (rng() - 0.5) * 0.006;
  const dy = n === 0 ? 0 : (rng() - 0.5) * 0.005;
  const step = Math.max(60_000, Math.floor((time - base.reportedAt) / (stage + 1)));
  return {
    id: base.id,
    type: base.type,
    severity: base.severity,
    title: base.title,
    region: base.region,
    lon: Math.round((base.lon + dx) * 1e4) / 1e4,
    lat: Math.round((base.lat + dy) * 1e4) / 1e4,
    reportedAt: isoCst(base.reportedAt),
    updatedAt: isoCst(time),
    status: ACTIVE[stage] as IncidentOut['status'],
    history: ACTIVE.slice(0, stage + 1).map((status, j) => ({ status, at: isoCst(j === stage ? time : base.reportedAt + j * step) })),
    seq,
  };
}

/** Greatest common divisor. */
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** x with a·x ≡ 1 (mod m), for a coprime to m. */
function inverseMod(a: number, m: number): number {
  let [r0, r1, s0, s1] = [m, a % m, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

/**
 * The update order: update u touches incident (u · stride) mod active — every
 * incident once per `active` updates, in a scattered order (new and old,
 * every city), not oldest first.
 */
function strideFor(active: number): number {
  let stride = Math.max(1, Math.floor(active * 0.618));
  while (gcd(stride, active) !== 1) stride++;
  return stride;
}

/** The load stream, started at `start` with `settings`. */
export function incidentLoadStream(regions: RegionSource, seed: string, settings: IncidentLoadSettings, start: number): IncidentLoadStream {
  const list = bases(regions, seed, settings.active, start);
  const active = list.length;
  const b0 = Math.floor(start / LOAD_BUCKET_MS);
  const creationTime = b0 * LOAD_BUCKET_MS;
  const segments: Segment[] = [{ fromBucket: b0 + 1, rate: settings.rate, before: 0 }];
  const cache = new Map<number, readonly StreamEvent[]>();
  const stride = strideFor(active);
  /** Where incident k comes in each round of `active` updates. */
  const inverse = inverseMod(stride, active);
  const turnOf = (k: number) => (k * inverse) % active;

  const segmentOfBucket = (b: number): Segment => {
    let s = segments[0] as Segment;
    for (const seg of segments) if (seg.fromBucket <= b) s = seg;
    return s;
  };
  /** Where update `u` was published: its bucket, index and time. */
  const placeOf = (u: number): { b: number; i: number; time: number } => {
    let s = segments[0] as Segment;
    for (const seg of segments) if (seg.before <= u && seg.rate > 0) s = seg;
    const off = u - s.before;
    const b = s.fromBucket + Math.floor(off / s.rate);
    const i = off % s.rate;
    return { b, i, time: b * LOAD_BUCKET_MS + Math.floor((i * LOAD_BUCKET_MS) / s.rate) };
  };
  /** Updates published at or before `t`. */
  const updatesUntil = (t: number): number => {
    const b = Math.floor(t / LOAD_BUCKET_MS);
    if (b <= b0) return 0;
    const s = segmentOfBucket(b);
    const whole = s.before + (b - s.fromBucket) * s.rate;
    const off = t - b * LOAD_BUCKET_MS;
    return whole + Math.min(s.rate, Math.ceil(((off + 1) * s.rate) / LOAD_BUCKET_MS));
  };
  const update = (u: number): StreamEvent => {
    const k = ((u % active) * stride) % active;
    const n = Math.floor(u / active) + 1;
    const { b, i, time } = placeOf(u);
    const seq = b * LOAD_SLOT + i;
    return { seq, time, data: stateOf(list[k] as Base, n, time, seq) };
  };
  const creation = (k: number): StreamEvent => {
    const seq = b0 * LOAD_SLOT + k;
    return { seq, time: creationTime, data: stateOf(list[k] as Base, 0, creationTime, seq) };
  };

  const stream: IncidentLoadStream = {
    name: 'incidents',
    bucketMs: LOAD_BUCKET_MS,
    slot: LOAD_SLOT,
    active,
    get rate() {
      return (segments.at(-1) as Segment).rate;
    },
    firstSeq: b0 * LOAD_SLOT,
    bucket(b) {
      if (b < b0) return [];
      let events = cache.get(b);
      if (events) return events;
      if (b === b0) events = list.map((_, k) => creation(k));
      else {
        const s = segmentOfBucket(b);
        const first = s.before + (b - s.fromBucket) * s.rate;
        events = Array.from({ length: s.rate }, (_, i) => update(first + i));
      }
      cache.set(b, events);
      if (cache.size > 8) cache.delete(cache.keys().next().value as number);
      return events;
    },
    snapshot(now, accept) {
      const total = updatesUntil(now);
      const out: StreamEvent[] = [];
      for (let k = 0; k < active; k++) {
        // The last update of incident k at or before now: the last u < total at its turn in a round.
        const turn = turnOf(k);
        const e = total > turn ? update(turn + Math.floor((total - 1 - turn) / active) * active) : creation(k);
        if (!accept || accept(e)) out.push(e);
      }
      return out.sort((a, b) => a.seq - b.seq);
    },
    setRate(rate, now) {
      const from = Math.max(Math.floor(now / LOAD_BUCKET_MS) + 1, b0 + 1);
      const last = segments.at(-1) as Segment;
      if (last.rate === rate) return;
      // A segment that has not begun yet (two changes within one second) just takes the new rate.
      if (last.fromBucket >= from) last.rate = rate;
      else segments.push({ fromBucket: from, rate, before: last.before + (from - last.fromBucket) * last.rate });
      for (const b of [...cache.keys()]) if (b >= from) cache.delete(b);
    },
  };
  return stream;
}
