import { useEffect, useState } from 'react';
import type { Incident } from '../data/contracts/index';
import type { Shift } from './datum-shift';
import { type IncidentFilter, type PointData, filterKey, identity, packedColors, pointData } from './layer-data';
import { type PointBuild, type PointDelta, packDelta } from './point-assembly';

/**
 * Scatter-point attributes built off the main thread. `livePointData` is what
 * the points layer asks for on every render: the attributes of these very
 * records once the worker has built them; until then the lane's previous
 * build (the points of the previous tick, picking into that tick's records),
 * or null for a lane's very first build. A finished build notifies
 * `onPointBuild` listeners (the map re-renders, `usePointBuilds`).
 *
 * The main thread only compares the new array with the previous one and packs
 * the records that changed (point-assembly.ts); the worker keeps the rest and
 * writes the buffers, which it transfers. Where there is no Worker (jsdom,
 * Node) or it fails, the in-process `pointData` runs instead (synchronous).
 */

interface Lane {
  key: string;
  /** The records the worker's state reflects once it has run every delta sent. */
  sent: readonly Incident[] | null;
  /** Records of each delta in flight, by sequence number. */
  pending: Map<number, readonly Incident[]>;
  done: PointData | null;
}

export interface PointWorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Lanes kept (layer × filter × style); the oldest is dropped beyond this. */
const MAX_LANES = 16;
const lanes = new Map<string, Lane>();
const listeners = new Set<() => void>();
let worker: PointWorkerLike | null = null;
let broken = false;
let seq = 0;
let factory: (() => PointWorkerLike | null) | null = () =>
  typeof Worker === 'undefined'
    ? null
    : (new Worker(new URL('./points.worker.ts', import.meta.url), { type: 'module', name: 'map-points' }) as unknown as PointWorkerLike);

function notify(): void {
  for (const l of listeners) l();
}

function toPointData(build: PointBuild, records: readonly Incident[]): PointData {
  return {
    length: build.length,
    attributes: {
      getPosition: { value: build.position, size: 3 },
      getFillColor: { value: build.color, size: 4, normalized: true },
      getRadius: { value: build.radius, size: 1 },
    },
    index: build.index,
    records,
    counts: build.counts,
  };
}

function fail(reason: string): void {
  console.warn(`[map] points worker failed (${reason}); building points on the main thread`);
  broken = true;
  worker?.terminate();
  worker = null;
  lanes.clear();
  notify();
}

function getWorker(): PointWorkerLike | null {
  if (worker || broken || !factory) return worker;
  try {
    worker = factory();
    if (!worker) {
      broken = true;
      return null;
    }
  } catch (error) {
    broken = true;
    console.warn('[map] no points worker:', (error as Error).message);
    return null;
  }
  const w = worker;
  w.onmessage = (event: MessageEvent<PointBuild>) => {
    const build = event.data;
    const lane = lanes.get(build.lane);
    const records = lane?.pending.get(build.seq);
    if (!lane || !records) return;
    for (const s of lane.pending.keys()) if (s <= build.seq) lane.pending.delete(s);
    lane.done = toPointData(build, records);
    notify();
  };
  w.onerror = (event) => {
    event.preventDefault?.();
    fail(event.message || 'error');
  };
  return w;
}

/** The attributes of `records` if built, else the lane's latest build (null before its first); starts a build when needed. */
export function livePointData(records: readonly Incident[], spec: IncidentFilter & { opacity: number }, shift: Shift | null, lane = ''): PointData | null {
  const w = getWorker();
  if (!w) return pointData(records, spec, shift, lane);
  const key = `points|${lane}|${filterKey(spec)}|${spec.opacity}|${identity(shift)}`;
  let state = lanes.get(key);
  if (!state) {
    state = { key, sent: null, pending: new Map(), done: null };
    lanes.set(key, state);
    if (lanes.size > MAX_LANES) {
      const oldest = lanes.keys().next().value as string;
      lanes.delete(oldest);
      w.postMessage({ drop: oldest }, []);
    }
  }
  if (state.done?.records === records) return state.done;
  if (state.sent !== records) {
    const delta: PointDelta = packDelta(state.sent, records, spec, shift, packedColors(Math.round(spec.opacity * 255)), key, ++seq);
    state.pending.set(delta.seq, records);
    state.sent = records;
    w.postMessage(delta, [delta.changed.buffer, delta.level.buffer, delta.lonLat.buffer, delta.runs.buffer]);
  }
  return state.done;
}

/** Called after each finished build (and when the worker fails); returns the unsubscribe. */
export function onPointBuild(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** A number that changes with every finished build: a dependency for memoised layers. */
export function usePointBuilds(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onPointBuild(() => setVersion((v) => v + 1)), []);
  return version;
}

/** Tests: a fake worker (or null: in-process), and a clean slate. */
export function setPointWorkerFactory(next: (() => PointWorkerLike | null) | null): void {
  worker?.terminate();
  worker = null;
  broken = false;
  factory = next;
  lanes.clear();
}
