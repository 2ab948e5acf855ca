import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Region pack geometry for the map: the TopoJSON (province / cities / counties)
 * as GeoJSON, internal borders as meshes (each border drawn once), bounding
 * boxes and a point-in-region test. Pure; the loader caches one copy per URL.
 */

export interface RegionProps {
  code: string;
  name: string;
  short: string;
  nameEn: string;
  parent: string | null;
  label: [number, number];
}

export type RegionFeature = Feature<Polygon | MultiPolygon, RegionProps>;
export type RegionCollection = FeatureCollection<Polygon | MultiPolygon, RegionProps>;
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];
export type Convert = (p: readonly [number, number]) => [number, number];

export interface RegionGeo {
  province: RegionCollection;
  cities: RegionCollection;
  counties: RegionCollection;
  /** Borders between cities, once each. */
  cityBorders: FeatureCollection<MultiLineString, { level: 'city' }>;
  /** Borders between the counties of one city, one feature per city (`parent`). */
  countyBorders: FeatureCollection<MultiLineString, { parent: string }>;
  bbox: ReadonlyMap<string, BBox>;
  /** City-level features first, so 济源 (both a city and its own county) resolves to the city. */
  byCode: ReadonlyMap<string, RegionFeature>;
  /** Counties of a city (stable array per city: deck data identity). */
  countiesOf(city: string): readonly RegionFeature[];
  /** Every character of every name: the label character set. */
  characters: string;
}

interface TopoProps {
  code?: unknown;
  name?: unknown;
  short?: unknown;
  nameEn?: unknown;
  parent?: unknown;
  label?: unknown;
}

function props(p: TopoProps | null | undefined, convert: Convert | null): RegionProps {
  const code = String(p?.code ?? '');
  const name = String(p?.name ?? code);
  const label =
    Array.isArray(p?.label) && p.label.length === 2
      ? ([Number(p.label[0]), Number(p.label[1])] as [number, number])
      : ([Number.NaN, Number.NaN] as [number, number]);
  return {
    code,
    name,
    short: typeof p?.short === 'string' ? p.short : name,
    nameEn: typeof p?.nameEn === 'string' ? p.nameEn : name,
    parent: typeof p?.parent === 'string' ? p.parent : null,
    label: convert && Number.isFinite(label[0]) ? convert(label) : label,
  };
}

function convertPositions(coords: Position[], convert: Convert): Position[] {
  return coords.map((p) => convert([p[0] as number, p[1] as number]));
}

function convertGeometry<G extends Polygon | MultiPolygon | MultiLineString>(g: G, convert: Convert | null): G {
  if (!convert) return g;
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map((r) => convertPositions(r, convert)) };
  if (g.type === 'MultiLineString') return { ...g, coordinates: g.coordinates.map((r) => convertPositions(r, convert)) };
  return { ...g, coordinates: (g as MultiPolygon).coordinates.map((poly) => poly.map((r) => convertPositions(r, convert))) } as G;
}

function collection(topo: Topology, name: string, convert: Convert | null): RegionCollection {
  const object = topo.objects[name];
  if (!object) throw new Error(`region pack has no "${name}" object`);
  const fc = feature(topo, object as GeometryCollection) as unknown as FeatureCollection<Geometry | null, TopoProps>;
  const features: RegionFeature[] = [];
  for (const f of fc.features) {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    features.push({ type: 'Feature', properties: props(f.properties, convert), geometry: convertGeometry(f.geometry, convert) });
  }
  return { type: 'FeatureCollection', features };
}

export function bboxOf(geometry: Polygon | MultiPolygon | MultiLineString): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const rings = geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : geometry.coordinates;
  for (const ring of rings) {
    for (const p of ring) {
      const x = p[0] as number;
      const y = p[1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Builds the map's geometry from a region pack topology; `convert` shifts datum (e.g. GCJ-02 → WGS-84). */
export function regionGeoFromTopology(topo: Topology, convert: Convert | null = null): RegionGeo {
  const province = collection(topo, 'province', convert);
  const cities = collection(topo, 'cities', convert);
  const counties = collection(topo, 'counties', convert);
  const citiesObj = topo.objects.cities as GeometryCollection<TopoProps>;
  const countiesObj = topo.objects.counties as GeometryCollection<TopoProps>;
  const cityMesh = mesh(topo, citiesObj, (a, b) => a !== b);
  const cityBorders: RegionGeo['cityBorders'] = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { level: 'city' }, geometry: convertGeometry(cityMesh, convert) }],
  };
  const parentOf = (g: { properties?: TopoProps | null }) => (typeof g.properties?.parent === 'string' ? g.properties.parent : '');
  const countyBorders: RegionGeo['countyBorders'] = { type: 'FeatureCollection', features: [] };
  for (const city of cities.features) {
    const code = city.properties.code;
    const m = mesh(topo, countiesObj, (a, b) => a !== b && parentOf(a) === code && parentOf(b) === code);
    if (m.coordinates.length) countyBorders.features.push({ type: 'Feature', properties: { parent: code }, geometry: convertGeometry(m, convert) });
  }
  const byCode = new Map<string, RegionFeature>();
  const bbox = new Map<string, BBox>();
  for (const f of [...province.features, ...cities.features, ...counties.features]) {
    if (!byCode.has(f.properties.code)) byCode.set(f.properties.code, f);
    if (!bbox.has(f.properties.code)) bbox.set(f.properties.code, bboxOf(f.geometry));
  }
  const byCity = new Map<string, RegionFeature[]>();
  for (const f of counties.features) {
    const parent = f.properties.parent ?? '';
    const list = byCity.get(parent) ?? [];
    list.push(f);
    byCity.set(parent, list);
  }
  const chars = new Set<string>();
  for (const f of byCode.values()) for (const c of `${f.properties.name}${f.properties.short}`) chars.add(c);
  return {
    province,
    cities,
    counties,
    cityBorders,
    countyBorders,
    bbox,
    byCode,
    countiesOf: (city) => byCity.get(city) ?? EMPTY,
    characters: [...chars].join(''),
  };
}

const EMPTY: readonly RegionFeature[] = Object.freeze([]);

/** Even-odd ray casting over one ring. */
function inRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]?.[0] as number;
    const yi = ring[i]?.[1] as number;
    const xj = ring[j]?.[0] as number;
    const yj = ring[j]?.[1] as number;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function containsPoint(geometry: Polygon | MultiPolygon, lon: number, lat: number): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polygons) {
    const [outer, ...holes] = poly;
    if (!outer || !inRing(lon, lat, outer)) continue;
    if (!holes.some((h) => inRing(lon, lat, h))) return true;
  }
  return false;
}

/** The first feature containing the point, using bboxes to skip most polygons. */
export function regionAt(features: readonly RegionFeature[], bbox: ReadonlyMap<string, BBox>, lon: number, lat: number): RegionFeature | null {
  for (const f of features) {
    const b = bbox.get(f.properties.code);
    if (b && (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3])) continue;
    if (containsPoint(f.geometry, lon, lat)) return f;
  }
  return null;
}

export function unionBBox(boxes: readonly BBox[]): BBox | null {
  if (!boxes.length) return null;
  return boxes.reduce<BBox>(
    (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])],
    [Infinity, Infinity, -Infinity, -Infinity],
  );
}

const cache = new Map<string, Promise<Topology>>();

/** Fetches a region pack topology once per URL (same origin, beside the app). */
export function loadTopology(url: string): Promise<Topology> {
  const absolute = new URL(url, document.baseURI).toString();
  let p = cache.get(absolute);
  if (!p) {
    p = fetch(absolute).then(async (r) => {
      if (!r.ok) throw new Error(`region pack ${url}: HTTP ${r.status}`);
      return (await r.json()) as Topology;
    });
    p.catch(() => cache.delete(absolute));
    cache.set(absolute, p);
  }
  return p;
}
