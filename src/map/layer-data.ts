import type { Incident, RegionMetric, Resource } from '../data/contracts/index';
import { tokens } from '../theme/tokens';
import type { Shift } from './datum-shift';
import type { RegionFeature } from './geo';
import { type ColorScale, buildColorScale, hexToRgb } from './legend-scale';
import type { ChoroplethSpec, PointsSpec } from './layer-specs';

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

export interface ChoroplethModel {
  values: ReadonlyMap<string, MetricValue>;
  scale: ColorScale;
  unit: string;
  period: string | undefined;
  /** Regions in view that have a value. */
  covered: number;
}

/** Values and colour scale of the regions in view (the scale spans only those regions). */
export function choroplethModel(records: readonly RegionMetric[], spec: ChoroplethSpec, indicator: string, regions: readonly RegionFeature[]): ChoroplethModel {
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
/** More severe points are drawn larger and last (on top). */
export const SEVERITY_RADIUS: Record<Severity, number> = { 1: 1.7, 2: 1.35, 3: 1.12, 4: 1 };

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

function filterKey(f: IncidentFilter): string {
  return `${f.minSeverity}|${[...f.statuses].sort().join(',')}|${f.types ? [...f.types].sort().join(',') : '*'}`;
}

function accepts(f: IncidentFilter, statuses: ReadonlySet<string>, types: ReadonlySet<string> | null, r: Incident): boolean {
  return r.severity <= f.minSeverity && statuses.has(r.status) && (!types || types.has(r.type));
}

/** Severity → RGBA packed little-endian into one 32-bit word (one write per point). */
function packedColors(alpha: number): Uint32Array {
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

/**
 * Typed-array attributes for a scatter layer: positions (datum-shifted),
 * severity colours and radii, sorted so red draws last. Two tight linear
 * passes (classify, then write), no per-point objects or closures: 100k
 * incidents convert in a few milliseconds.
 */
export function pointData(
  records: readonly Incident[],
  spec: Pick<PointsSpec, 'minSeverity' | 'statuses' | 'types' | 'opacity'>,
  shift: Shift | null,
): PointData {
  return cached(records, `points|${filterKey(spec)}|${spec.opacity}|${identity(shift)}`, () => {
    const statusOk = lookup(spec.statuses);
    const typeOk = spec.types ? lookup(spec.types) : null;
    const minSeverity = spec.minSeverity;
    const n = records.length;
    // Pass 1: severity of each drawn record (0 = not drawn) and counts per severity.
    const level = new Uint8Array(n);
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    let c4 = 0;
    for (let i = 0; i < n; i++) {
      const r = records[i] as Incident;
      const s = r.severity;
      if (s > minSeverity || statusOk[r.status] !== true || (typeOk !== null && typeOk[r.type] !== true)) continue;
      level[i] = s;
      if (s === 4) c4++;
      else if (s === 3) c3++;
      else if (s === 2) c2++;
      else c1++;
    }
    const total = c1 + c2 + c3 + c4;
    const position = new Float32Array(total * 3);
    const color = new Uint8Array(total * 4);
    const color32 = new Uint32Array(color.buffer);
    const radius = new Float32Array(total);
    const index = new Uint32Array(total);
    const packed = packedColors(Math.round(spec.opacity * 255));
    const radii = new Float32Array([0, SEVERITY_RADIUS[1], SEVERITY_RADIUS[2], SEVERITY_RADIUS[3], SEVERITY_RADIUS[4]]);
    // Write offsets per severity: IV first, then III, II, I (drawn on top).
    const offset = new Uint32Array([0, c4 + c3 + c2, c4 + c3, c4, 0]);
    // Pass 2: write the attributes of drawn records.
    for (let i = 0; i < n; i++) {
      const s = level[i] as number;
      if (s === 0) continue;
      const k = offset[s] as number;
      offset[s] = k + 1;
      const r = records[i] as Incident;
      if (shift) {
        const [lon, lat] = shift([r.lon, r.lat]);
        position[k * 3] = lon;
        position[k * 3 + 1] = lat;
      } else {
        position[k * 3] = r.lon;
        position[k * 3 + 1] = r.lat;
      }
      color32[k] = packed[s] as number;
      radius[k] = radii[s] as number;
      index[k] = i;
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
