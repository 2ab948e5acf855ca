import type { Incident } from '../data/contracts/index';
import type { Shift } from './datum-shift';

/**
 * Binary point attributes built in two halves, so that a 1 Hz tick of 100k
 * incidents costs the main thread only what it must: reading the records that
 * changed.
 *
 * - `packDelta` (main thread) compares the new records array with the one the
 *   worker last saw (same objects = unchanged; a push buffer that evicted from
 *   its head or a newest-first feed that prepended is aligned first) and packs
 *   only the changed records as plain numbers: input index, level drawn
 *   (0 = filtered out) and lon/lat in the map's datum.
 * - `PointAssembler` (the map-points worker, or in-process where there is no
 *   Worker) keeps those numbers per input index, applies the delta and writes
 *   the attributes deck.gl draws: positions, colours and radii sorted by level
 *   (IV first, red drawn last, on top) and, per point, its input index (picking).
 *
 * The result is identical, bit for bit, to `pointData` in layer-data.ts (the
 * single-pass in-process conversion; checked by point-assembly.test.ts).
 */

/** What a layer filter and style need per record. */
export interface PackSpec {
  minSeverity: number;
  statuses: readonly string[];
  types?: readonly string[] | undefined;
  opacity: number;
}

/** A tick's change against the records the assembler last saw. Plain numbers and typed arrays: transferable. */
export interface PointDelta {
  lane: string;
  seq: number;
  /** Number of records in the new array. */
  n: number;
  /** `next[i] === prev[i + align]` at the start; null: no previous state, every record is in `changed`. */
  align: number | null;
  /**
   * Runs of unchanged records as pairs (first input index, offset): from that index on, until the
   * next run, `next[i] === prev[i + offset]` wherever `i` is not in `changed`. A late event inserted
   * mid-array (or a record removed) shifts the rest by one: a new run, not a rebuild of the rest.
   */
  runs: Int32Array;
  /** Input indices whose record is new (or moved) since the previous delta. */
  changed: Uint32Array;
  /** Level drawn per changed record (1–4), 0 when the filter leaves it out. */
  level: Uint8Array;
  /** lon, lat (map datum) per changed record. */
  lonLat: Float32Array;
  /** Packed RGBA per level (index 1–4), little-endian. */
  colors: Uint32Array;
}

/** The attributes of one lane after a delta. Buffers are the build's own (transferred from the worker). */
export interface PointBuild {
  lane: string;
  seq: number;
  length: number;
  position: Float32Array;
  color: Uint8Array;
  radius: Float32Array;
  /** Input index of each drawn point. */
  index: Uint32Array;
  /** Drawn points per level, [I, II, III, IV]; level I is the last block of `index`. */
  counts: [number, number, number, number];
}

/** More severe points are drawn larger (layer-data.ts re-exports it for the layers). */
export const SEVERITY_RADIUS: Record<1 | 2 | 3 | 4, number> = { 1: 1.7, 2: 1.35, 3: 1.12, 4: 1 };

/**
 * How far the new array is shifted against the previous one: `next[i] === prev[i + d]`.
 * A push buffer evicts from the head and appends at the tail (d ≥ 0); a newest-first
 * feed prepends (d < 0). Returns null when no record is shared at the start.
 */
export function alignment(prev: readonly unknown[], next: readonly unknown[], window = 50_000): number | null {
  if (!prev.length || !next.length) return null;
  // The first few records of either array may themselves be new (replaced): probe a few.
  const probes = Math.min(8, next.length, prev.length);
  for (let p = 0; p < probes; p++) if (prev[p] === next[p]) return 0;
  for (let p = 0; p < probes; p++) {
    const first = next[p];
    for (let d = 1; d < Math.min(prev.length - p, window); d++) if (prev[p + d] === first) return d;
    const head = prev[p];
    for (let k = 1; k < Math.min(next.length - p, window); k++) if (next[p + k] === head) return -k;
  }
  return null;
}

function lookup(keys: readonly string[]): Record<string, true> {
  const out: Record<string, true> = Object.create(null);
  for (const k of keys) out[k] = true;
  return out;
}

/** Scratch space for `packDelta` (one pack runs at a time); the delta gets exact-size copies. */
const scratch = { capacity: 0, changed: new Uint32Array(0), level: new Uint8Array(0), lonLat: new Float32Array(0) };

/** How far (records) a mismatch looks back and ahead for the record it expected: late inserts and removals. */
const RESYNC = 8;

/** The changed records of `next` against `prev` (null: all of them), as numbers. Main thread: reads only changed records. */
export function packDelta(
  prev: readonly Incident[] | null,
  next: readonly Incident[],
  spec: PackSpec,
  shift: Shift | null,
  colors: Uint32Array,
  lane: string,
  seq: number,
): PointDelta {
  const n = next.length;
  const align = prev ? alignment(prev, next) : null;
  if (scratch.capacity < n) {
    const capacity = Math.max(1024, Math.ceil(n * 1.25));
    scratch.changed = new Uint32Array(capacity);
    scratch.level = new Uint8Array(capacity);
    scratch.lonLat = new Float32Array(capacity * 2);
    scratch.capacity = capacity;
  }
  const { changed, level, lonLat } = scratch;
  const statusOk = lookup(spec.statuses);
  const typeOk = spec.types ? lookup(spec.types) : null;
  const minSeverity = spec.minSeverity;
  let k = 0;
  /** Packs record `i` (new or changed). */
  const put = (i: number, r: Incident) => {
    let s: number = r.severity;
    if (s > minSeverity || statusOk[r.status] !== true || (typeOk !== null && typeOk[r.type] !== true)) s = 0;
    changed[k] = i;
    level[k] = s;
    if (s !== 0 && shift !== null) {
      const [lon, lat] = shift([r.lon, r.lat]);
      lonLat[k * 2] = lon;
      lonLat[k * 2 + 1] = lat;
    } else {
      lonLat[k * 2] = r.lon;
      lonLat[k * 2 + 1] = r.lat;
    }
    k++;
  };
  let runs = new Int32Array(0);
  if (prev === null || align === null) {
    for (let i = 0; i < n; i++) put(i, next[i] as Incident);
  } else {
    const prevN = prev.length;
    const found: number[] = [0, align];
    let d = align;
    for (let i = 0; i < n; i++) {
      const r = next[i] as Incident;
      const j = i + d;
      if (j >= 0 && j < prevN && prev[j] === r) continue;
      // Not where expected. Replaced in place (the next record is aligned again: the common case)…
      let shiftBy = 0;
      const replaced = i + 1 < n && j + 1 >= 0 && j + 1 < prevN && prev[j + 1] === next[i + 1];
      // …or a record inserted (look back) or removed (look ahead) just before it?
      for (let t = 1; t <= RESYNC && !replaced; t++) {
        if (j - t >= 0 && j - t < prevN && prev[j - t] === r) {
          shiftBy = -t;
          break;
        }
        if (j + t >= 0 && j + t < prevN && prev[j + t] === r) {
          shiftBy = t;
          break;
        }
      }
      if (shiftBy !== 0) {
        d += shiftBy;
        found.push(i, d);
        continue;
      }
      put(i, r);
    }
    runs = Int32Array.from(found);
  }
  return {
    lane,
    seq,
    n,
    align,
    runs,
    changed: changed.slice(0, k),
    level: level.slice(0, k),
    lonLat: lonLat.slice(0, k * 2),
    colors,
  };
}

interface LaneState {
  n: number;
  level: Uint8Array;
  lonLat: Float32Array;
}

/** Keeps, per lane, what each input index draws, and turns deltas into attributes (the worker's half). */
export class PointAssembler {
  private readonly lanes = new Map<string, LaneState>();

  drop(lane: string): void {
    this.lanes.delete(lane);
  }

  apply(delta: PointDelta): PointBuild {
    const { n, align, runs, changed, colors } = delta;
    const prev = this.lanes.get(delta.lane);
    const level = new Uint8Array(n);
    const lonLat = new Float32Array(n * 2);
    if (prev && align !== null) {
      // Unchanged records: block copies of each aligned run (everything else is in `changed`).
      for (let r = 0; r < runs.length; r += 2) {
        const d = runs[r + 1] as number;
        const i0 = Math.max(runs[r] as number, -d);
        const i1 = Math.min(r + 2 < runs.length ? (runs[r + 2] as number) : n, prev.n - d);
        if (i1 <= i0) continue;
        level.set(prev.level.subarray(i0 + d, i1 + d), i0);
        lonLat.set(prev.lonLat.subarray((i0 + d) * 2, (i1 + d) * 2), i0 * 2);
      }
    }
    for (let k = 0; k < changed.length; k++) {
      const i = changed[k] as number;
      level[i] = delta.level[k] as number;
      lonLat[i * 2] = delta.lonLat[k * 2] as number;
      lonLat[i * 2 + 1] = delta.lonLat[k * 2 + 1] as number;
    }
    this.lanes.set(delta.lane, { n, level, lonLat });

    // Counts per level, then each point written straight into its block: IV, III, II, I.
    const count = new Uint32Array(5);
    for (let i = 0; i < n; i++) count[level[i] as number] = (count[level[i] as number] as number) + 1;
    const c1 = count[1] as number;
    const c2 = count[2] as number;
    const c3 = count[3] as number;
    const c4 = count[4] as number;
    const total = c1 + c2 + c3 + c4;
    const at = [0, c4 + c3 + c2, c4 + c3, c4, 0];
    const position = new Float32Array(total * 3);
    const index = new Uint32Array(total);
    for (let i = 0; i < n; i++) {
      const s = level[i] as number;
      if (s === 0) continue;
      const o = at[s] as number;
      at[s] = o + 1;
      position[o * 3] = lonLat[i * 2] as number;
      position[o * 3 + 1] = lonLat[i * 2 + 1] as number;
      index[o] = i;
    }
    const color = new Uint8Array(total * 4);
    const color32 = new Uint32Array(color.buffer);
    const radius = new Float32Array(total);
    let from = 0;
    for (const [s, c] of [
      [4, c4],
      [3, c3],
      [2, c2],
      [1, c1],
    ] as const) {
      color32.fill(colors[s] as number, from, from + c);
      radius.fill(SEVERITY_RADIUS[s], from, from + c);
      from += c;
    }
    return { lane: delta.lane, seq: delta.seq, length: total, position, color, radius, index, counts: [c1, c2, c3, c4] };
  }
}
