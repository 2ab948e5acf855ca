import type { Geometry, Position } from 'geojson';

/**
 * WGS-84 <-> GCJ-02 ("Mars coordinates", the obfuscated datum that maps published in mainland
 * China, AMap/DataV among them, must use). GCJ-02 = WGS-84 + a deterministic offset of a few
 * hundred metres (about 570 m in Henan) computed on the Krasovsky 1940 ellipsoid. The forward
 * transform is the widely published one; the inverse is solved iteratively.
 *
 * The Henan region pack (public/regions/henan.topo.json) is in GCJ-02: see docs/region-pack.md.
 */

/** [longitude, latitude] in degrees. */
export type LonLat = readonly [lon: number, lat: number];

const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943;

/**
 * The conventional coarse test used with GCJ-02: points outside this box are never shifted.
 * It is a rectangle, so it also covers parts of neighbouring countries (and Hong Kong, Macau and
 * Taiwan, where GCJ-02 is not applied either); that is the behaviour other implementations share.
 */
export function isInChina([lon, lat]: LonLat): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 -> GCJ-02. Points outside China (see isInChina) are returned unchanged. */
export function wgs84ToGcj02(point: LonLat): [number, number] {
  const [lon, lat] = point;
  if (!isInChina(point)) return [lon, lat];
  const radLat = (lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(lon - 105, lat - 35) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLon = (offsetLon(lon - 105, lat - 35) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/**
 * GCJ-02 -> WGS-84 by fixed-point iteration on the forward transform. Converges to about 1e-9
 * degree (well under a millimetre) in a handful of steps; points outside China are unchanged.
 */
export function gcj02ToWgs84(point: LonLat): [number, number] {
  const [lon, lat] = point;
  if (!isInChina(point)) return [lon, lat];
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02([wLon, wLat]);
    const dLon = gLon - lon;
    const dLat = gLat - lat;
    wLon -= dLon;
    wLat -= dLat;
    if (Math.abs(dLon) < 1e-10 && Math.abs(dLat) < 1e-10) break;
  }
  return [wLon, wLat];
}

/** Great-circle distance in metres (haversine, mean Earth radius); handy for datum checks. */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function convertPosition(p: Position, convert: (point: LonLat) => [number, number]): Position {
  const [lon, lat, ...rest] = p;
  if (lon === undefined || lat === undefined) return p.slice();
  return [...convert([lon, lat]), ...rest];
}

/**
 * A copy of `geometry` with every position converted (extra dimensions such as altitude are
 * kept). Use with wgs84ToGcj02 or gcj02ToWgs84, e.g. `convertGeometry(g, gcj02ToWgs84)`.
 */
export function convertGeometry<G extends Geometry>(geometry: G, convert: (point: LonLat) => [number, number]): G;
export function convertGeometry(geometry: Geometry, convert: (point: LonLat) => [number, number]): Geometry {
  const one = (p: Position): Position => convertPosition(p, convert);
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: one(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(one) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((line) => line.map(one)) };
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(one))),
      };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g) => convertGeometry(g, convert)) };
  }
}
