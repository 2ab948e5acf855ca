import type { Incident, RegionMetric, Resource } from '../data/contracts/index';
import { tokens } from '../theme/tokens';
import type { Shift } from './datum-shift';
import type { RegionFeature } from './geo';
import { type ColorScale, type ScaleKind, buildColorScale, hexToRgb } from './legend-scale';
import { SEVERITY_RADIUS, alignment } from './point-assembly';

/**
 * Data preparation for the map layers: pure functions of (records, options),
 * memoised on the identity of the records array so that an unchanged feed
 * gives the very same objects back (deck.gl then skips the layer entirely),
 * and a changed feed is converted once however often React renders.
 */

const memo = new WeakMap<object, Map<string, unknown>>();
const ids = new WeakMap<object, number>();
let nextId = 1;

/** A stable small number for an object (functions, scales) to put into cache keys. */
export function identity(value: object | null | undefined): number {
  if (!value) return 0;
  let id = ids.get(value);
  if (id === undefined) {
    id = nextId++;
    ids.set(value, id);
  }
  return id;
}

/** Forgets a memoised value (its buffers are about to be reused). */
function forget(owner: object, key: string): void {
  memo.get(owner)?.delete(key);
}

export function cached<T>(owner: object, key: string, compute: () => T): T {
  let entries = memo.get(owner);
  if (!entries) {
    entries = new Map();
    memo.set(owner, entries);
  }
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  // A handful of keys per records array (indicator × level); bound it anyway.
  if (entries.size > 32) entries.clear();
  entries.set(key, value);
  return value;
}

// ── Region metrics ─────────────────────────────────────────────────────────

export interface MetricValue {
  value: number | null;
  unit: string | undefined;
  yoy: number | null | undefined;
  period: string | undefined;
}

/** Latest value per region for one indicator (records may carry several periods). */
export function metricValues(records: readonly RegionMetric[], indicator: string): ReadonlyMap<string, MetricValue> {
  return cached(records, `metric|${indicator}`, () => {
    const out = new Map<string, MetricValue>();
    for (const r of records) {
      if (r.indicator !== indicator) continue;
      const prev = out.get(r.code);
      if (prev && (prev.period ?? '') > (r.period ?? '')) continue;
      out.set(r.code, { value: r.value, unit: r.unit, yoy: r.yoy, period: r.period });
    }
    return out;
  });
}

/** What the colour scale of a choropleth needs of its options. */
export interface ScaleOptions {
  scale: ScaleKind;
  classes: number;
  ramp?: readonly string[] | undefined;
  /** Declared units, used when the records carry none. */
  indicators: readonly { id: string; unit?: string | undefined }[];
}

export interface ChoroplethModel {
  values: ReadonlyMap<string, MetricValue>;
  scale: ColorScale;
  unit: string;
  period: string | undefined;
  /** Regions in view that have a value. */
  covered: number;
}

/** Values and colour scale of the regions in view (the scale spans only those regions). */
export function choroplethModel(records: readonly RegionMetric[], spec: ScaleOptions, indicator: string, regions: readonly RegionFeature[]): ChoroplethModel {
  return cached(records, `choropleth|${indicator}|${identity(regions)}|${spec.scale}|${spec.classes}|${(spec.ramp ?? []).join()}`, () => {
    const all = metricValues(records, indicator);
    const values = new Map<string, MetricValue>();
    for (const f of regions) {
      const v = all.get(f.properties.code);
      if (v) values.set(f.properties.code, v);
    }
    const list = [...values.values()];
    const scale = buildColorScale(
      list.map((v) => v.value),
      spec.scale,
      spec.classes,
      spec.ramp ?? CHOROPLETH_RAMP,
    );
    const declared = spec.indicators.find((i) => i.id === indicator)?.unit;
    const unit = list.find((v) => v.unit)?.unit ?? declared ?? '';
    const period = list
      .map((v) => v.period)
      .filter((p): p is string => Boolean(p))
      .sort()
      .pop();
    return { values, scale, unit, period, covered: list.filter((v) => v.value !== null).length };
  });
}

/** The theme ramp without its palest stop, so region borders and labels stay readable on every class. */
export const CHOROPLETH_RAMP: readonly string[] = tokens.ramp.slice(0, -1);

// ── Incidents as binary point attributes ──────────────────────────────────

export type Severity = 1 | 2 | 3 | 4;
const SEVERITY_RGB = {
  1: hexToRgb(tokens.severity[1]),
  2: hexToRgb(tokens.severity[2]),
  3: hexToRgb(tokens.severity[3]),
  4: hexToRgb(tokens.severity[4]),
} as const;
export { SEVERITY_RADIUS, alignment };

export interface PointData {
  length: number;
  attributes: {
    /** x, y, 0 per point: the layer's own layout, so deck.gl uploads it as is (no per-point conversion). */
    getPosition: { value: Float32Array; size: 3 };
    getFillColor: { value: Uint8Array; size: 4; normalized: true };
    getRadius: { value: Float32Array; size: 1 };
  };
  /** Index into `records` of each drawn point (picking returns the point index). */
  index: Uint32Array;
  records: readonly Incident[];
  /** Drawn points per severity, [I, II, III, IV]. */
  counts: [number, number, number, number];
}

export interface IncidentFilter {
  minSeverity: Severity;
  statuses: readonly string[];
  types?: readonly string[] | undefined;
}

export function filterKey(f: IncidentFilter): string {
  return `${f.minSeverity}|${[...f.statuses].sort().join(',')}|${f.types ? [...f.types].sort().join(',') : '*'}`;
}

function accepts(f: IncidentFilter, statuses: ReadonlySet<string>, types: ReadonlySet<string> | null, r: Incident): boolean {
  return r.severity <= f.minSeverity && statuses.has(r.status) && (!types || types.has(r.type));
}

/** Severity → RGBA packed little-endian into one 32-bit word (one write per point). */
export function packedColors(alpha: number): Uint32Array {
  const out = new Uint32Array(5);
  for (const s of [1, 2, 3, 4] as const) {
    const [r, g, b] = SEVERITY_RGB[s];
    out[s] = (r | (g << 8) | (b << 16) | (alpha << 24)) >>> 0;
  }
  return out;
}

function lookup(keys: readonly string[]): Record<string, true> {
  const out: Record<string, true> = Object.create(null);
  for (const k of keys) out[k] = true;
  return out;
}

/** Per-severity staging buffers, reused across updates (one conversion runs at a time). */
const stage = {
  capacity: 0,
  position: [] as Float32Array[],
  index: [] as Uint32Array[],
};

function stagingFor(n: number): typeof stage {
  if (stage.capacity < n) {
    const capacity = Math.max(n, Math.ceil(stage.capacity * 1.5), 1024);
    stage.position = [1, 2, 3, 4].map(() => new Float32Array(capacity * 3));
    stage.index = [1, 2, 3, 4].map(() => new Uint32Array(capacity));
    stage.capacity = capacity;
  }
  return stage;
}

/** What the previous conversion of a layer saw, per input index: reused for unchanged records. */
interface Previous {
  records: readonly Incident[];
  /** Severity drawn (0 = filtered out) per input index. */
  level: Uint8Array;
  /** lon, lat (datum-shifted) per input index. */
  lonLat: Float32Array;
}
const previous = new Map<string, Previous>();
const spare = new Map<string, Previous>();

/**
 * Output attribute buffers, two sets per layer key used in turn: fresh multi-megabyte typed
 * arrays every second cost page faults (several ms for 100k points), recycled ones do not.
 * deck.gl has uploaded a set to the GPU long before it is rewritten two updates later; the
 * memoised result that owned the set is forgotten first, so it is never served stale.
 */
interface OutputSet {
  records: readonly Incident[] | null;
  capacity: number;
  position: Float32Array;
  color: Uint8Array;
  radius: Float32Array;
  index: Uint32Array;
}
const outputs = new Map<string, { sets: OutputSet[]; next: number }>();

function outputFor(key: string, total: number, records: readonly Incident[]): OutputSet {
  let ring = outputs.get(key);
  if (!ring) {
    ring = { sets: [], next: 0 };
    outputs.set(key, ring);
  }
  const slot = ring.next;
  ring.next = (ring.next + 1) % 2;
  let set = ring.sets[slot];
  if (set?.records && set.records !== records) forget(set.records, key);
  if (!set || set.capacity < total) {
    const capacity = Math.ceil(total * 1.25);
    set = {
      records,
      capacity,
      position: new Float32Array(capacity * 3),
      color: new Uint8Array(capacity * 4),
      radius: new Float32Array(capacity),
      index: new Uint32Array(capacity),
    };
    ring.sets[slot] = set;
  }
  set.records = records;
  return set;
}

/**
 * Typed-array attributes for a scatter layer: positions (datum-shifted),
 * severity colours and radii, sorted so red draws last. Reading 100k record
 * objects is what costs (memory latency, not arithmetic), so:
 * - records that are the same objects as in the previous array (aligned, also
 *   when a push buffer evicted from the head) reuse the previous per-record
 *   results: a 1 Hz tick touches only the records that changed — records are
 *   immutable (contract validation makes fresh objects; buffers replace, never mutate);
 * - one pass writes per-severity staging buffers, then block copies and fills
 *   build the attributes; no per-point objects or closures.
 */
export function pointData(
  records: readonly Incident[],
  spec: IncidentFilter & { opacity: number },
  shift: Shift | null,
  /** The layer's id: each layer keeps its own previous results and buffers. */
  lane = '',
): PointData {
  const key = `points|${lane}|${filterKey(spec)}|${spec.opacity}|${identity(shift)}`;
  return cached(records, key, () => {
    const statusOk = lookup(spec.statuses);
    const typeOk = spec.types ? lookup(spec.types) : null;
    const minSeverity = spec.minSeverity;
    const n = records.length;
    const prev = previous.get(key);
    const d = prev ? alignment(prev.records, records) : null;
    const prevRecords = prev?.records ?? [];
    const prevN = prevRecords.length;
    const prevLevel = prev?.level;
    const prevLonLat = prev?.lonLat;
    // Per-index results for the next tick (double-buffered: no allocation when the size is stable).
    let cur = spare.get(key);
    if (!cur || cur.level.length < n) cur = { records, level: new Uint8Array(Math.ceil(n * 1.25)), lonLat: new Float32Array(Math.ceil(n * 1.25) * 2) };
    const level = cur.level;
    const lonLat = cur.lonLat;
    const { position: stagePos, index: stageIdx } = stagingFor(n);
    const p1 = stagePos[0] as Float32Array;
    const p2 = stagePos[1] as Float32Array;
    const p3 = stagePos[2] as Float32Array;
    const p4 = stagePos[3] as Float32Array;
    const i1 = stageIdx[0] as Uint32Array;
    const i2 = stageIdx[1] as Uint32Array;
    const i3 = stageIdx[2] as Uint32Array;
    const i4 = stageIdx[3] as Uint32Array;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    let c4 = 0;
    for (let i = 0; i < n; i++) {
      const r = records[i] as Incident;
      let s: number;
      let lon: number;
      let lat: number;
      const j = d === null ? -1 : i + d;
      if (prevLevel && prevLonLat && j >= 0 && j < prevN && prevRecords[j] === r) {
        s = prevLevel[j] as number;
        lon = prevLonLat[j * 2] as number;
        lat = prevLonLat[j * 2 + 1] as number;
      } else {
        s = r.severity;
        if (s > minSeverity || statusOk[r.status] !== true || (typeOk !== null && typeOk[r.type] !== true)) s = 0;
        lon = r.lon;
        lat = r.lat;
        if (s !== 0 && shift !== null) [lon, lat] = shift([lon, lat]);
      }
      level[i] = s;
      lonLat[i * 2] = lon;
      lonLat[i * 2 + 1] = lat;
      if (s === 0) continue;
      if (s === 4) {
        p4[c4 * 3] = lon;
        p4[c4 * 3 + 1] = lat;
        i4[c4++] = i;
      } else if (s === 3) {
        p3[c3 * 3] = lon;
        p3[c3 * 3 + 1] = lat;
        i3[c3++] = i;
      } else if (s === 2) {
        p2[c2 * 3] = lon;
        p2[c2 * 3 + 1] = lat;
        i2[c2++] = i;
      } else {
        p1[c1 * 3] = lon;
        p1[c1 * 3 + 1] = lat;
        i1[c1++] = i;
      }
    }
    cur.records = records;
    if (prev) spare.set(key, prev);
    previous.set(key, cur);
    const total = c1 + c2 + c3 + c4;
    const out = outputFor(key, total, records);
    // Exact-length views of the recycled buffers (the z of each position stays 0).
    const position = out.position.subarray(0, total * 3);
    const color = out.color.subarray(0, total * 4);
    const color32 = new Uint32Array(out.color.buffer, 0, total);
    const radius = out.radius.subarray(0, total);
    const index = out.index.subarray(0, total);
    const packed = packedColors(Math.round(spec.opacity * 255));
    // Blocks in draw order: IV first, then III, II, I (red on top).
    let at = 0;
    for (const [sev, count, pos, idx] of [
      [4, c4, p4, i4],
      [3, c3, p3, i3],
      [2, c2, p2, i2],
      [1, c1, p1, i1],
    ] as const) {
      if (count === 0) continue;
      position.set(pos.subarray(0, count * 3), at * 3);
      index.set(idx.subarray(0, count), at);
      color32.fill(packed[sev] as number, at, at + count);
      radius.fill(SEVERITY_RADIUS[sev], at, at + count);
      at += count;
    }
    return {
      length: total,
      attributes: {
        getPosition: { value: position, size: 3 },
        getFillColor: { value: color, size: 4, normalized: true },
        getRadius: { value: radius, size: 1 },
      },
      index,
      records,
      counts: [c1, c2, c3, c4],
    };
  });
}

/** Incidents passing a filter, as objects (heatmap, hexagon, icons, arcs). */
export function filteredIncidents(records: readonly Incident[], filter: IncidentFilter): readonly Incident[] {
  return cached(records, `filtered|${filterKey(filter)}`, () => {
    const statuses = new Set<string>(filter.statuses);
    const types = filter.types ? new Set(filter.types) : null;
    return records.filter((r) => accepts(filter, statuses, types, r));
  });
}

/** Positions of incidents (datum-shifted) as [lon, lat] per record, aligned with `list`. */
export function shiftedPositions(list: readonly Incident[], shift: Shift | null): Float64Array {
  return cached(list, `positions|${identity(shift)}`, () => {
    const out = new Float64Array(list.length * 2);
    list.forEach((r, i) => {
      const [lon, lat] = shift ? shift([r.lon, r.lat]) : [r.lon, r.lat];
      out[i * 2] = lon;
      out[i * 2 + 1] = lat;
    });
    return out;
  });
}

// ── Dispatch arcs ─────────────────────────────────────────────────────────

export interface Arc {
  id: string;
  source: [number, number];
  target: [number, number];
  severity: Severity;
  title: string;
  /** Who was sent (resource name), when known. */
  from?: string;
}

/** Arcs from each dispatched resource to the incident it serves. */
export function resourceArcs(resources: readonly Resource[], incidents: readonly Incident[], shift: Shift | null): readonly Arc[] {
  return cached(resources, `arcs-res|${identity(incidents)}|${identity(shift)}`, () => {
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const out: Arc[] = [];
    for (const r of resources) {
      if (!r.incidentId || r.status !== 'dispatched') continue;
      const target = byId.get(r.incidentId);
      if (!target) continue;
      const s = shift ? shift([r.lon, r.lat]) : ([r.lon, r.lat] as [number, number]);
      const t = shift ? shift([target.lon, target.lat]) : ([target.lon, target.lat] as [number, number]);
      out.push({ id: `${r.id}>${target.id}`, source: s, target: t, severity: target.severity, title: target.title, from: r.name });
    }
    return out;
  });
}

/** Arcs from a fixed point or the incident's city centre (positions already in the map datum). */
export function originArcs(
  incidents: readonly Incident[],
  statuses: readonly string[],
  origin: (incident: Incident) => [number, number] | null,
  originKey: string,
  shift: Shift | null,
): readonly Arc[] {
  return cached(incidents, `arcs-origin|${[...statuses].sort().join()}|${originKey}|${identity(shift)}`, () => {
    const wanted = new Set(statuses);
    const out: Arc[] = [];
    for (const i of incidents) {
      if (!wanted.has(i.status)) continue;
      const source = origin(i);
      if (!source) continue;
      const target = shift ? shift([i.lon, i.lat]) : ([i.lon, i.lat] as [number, number]);
      out.push({ id: i.id, source, target, severity: i.severity, title: i.title });
    }
    return out;
  });
}

// ── Columns ───────────────────────────────────────────────────────────────

export interface ColumnDatum {
  code: string;
  position: [number, number];
  value: number;
  unit: string | undefined;
}

export function columnData(records: readonly RegionMetric[], indicator: string, regions: readonly RegionFeature[]): readonly ColumnDatum[] {
  return cached(records, `columns|${indicator}|${identity(regions)}`, () => {
    const values = metricValues(records, indicator);
    const out: ColumnDatum[] = [];
    for (const f of regions) {
      const v = values.get(f.properties.code);
      if (!v || v.value === null || !Number.isFinite(f.properties.label[0])) continue;
      out.push({ code: f.properties.code, position: f.properties.label, value: v.value, unit: v.unit });
    }
    return out;
  });
}
