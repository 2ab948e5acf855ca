import type { MultiPolygon, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { convertGeometry, distanceMeters, gcj02ToWgs84, isInChina, type LonLat, wgs84ToGcj02 } from './datum';

describe('wgs84ToGcj02', () => {
  it('matches the published transform at Tiananmen', () => {
    const [lon, lat] = wgs84ToGcj02([116.397, 39.908]);
    expect(lon).toBeCloseTo(116.40324, 4);
    expect(lat).toBeCloseTo(39.9094, 4);
  });

  it('shifts points in Henan by roughly 500-600 m', () => {
    for (const p of [
      [113.6654, 34.758],
      [110.4, 34.5],
      [115.9, 32.2],
    ] as const) {
      const d = distanceMeters(p, wgs84ToGcj02(p));
      expect(d).toBeGreaterThan(400);
      expect(d).toBeLessThan(700);
    }
  });

  it('leaves points outside China unchanged', () => {
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84([-74, 40.7])).toEqual([-74, 40.7]);
  });
});

describe('gcj02ToWgs84', () => {
  it('inverts the forward transform to well under 0.5 m', () => {
    const samples: LonLat[] = [];
    for (let lon = 73; lon <= 135; lon += 3.1) {
      for (let lat = 18; lat <= 53; lat += 2.3) samples.push([lon, lat]);
    }
    samples.push([113.6654, 34.758], [116.397, 39.908], [121.47, 31.23]);
    let worst = 0;
    for (const wgs of samples) {
      const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
      worst = Math.max(worst, distanceMeters(wgs, back));
    }
    expect(worst).toBeLessThan(0.5);
    expect(worst).toBeLessThan(0.001);
  });

  it('round-trips GCJ-02 input too', () => {
    const gcj: LonLat = [113.665412, 34.757975];
    expect(distanceMeters(wgs84ToGcj02(gcj02ToWgs84(gcj)), gcj)).toBeLessThan(0.5);
  });
});

describe('isInChina', () => {
  it('uses the conventional box', () => {
    expect(isInChina([113.6, 34.7])).toBe(true);
    expect(isInChina([139.7, 35.7])).toBe(false);
    expect(isInChina([100, 60])).toBe(false);
  });
});

describe('convertGeometry', () => {
  it('converts every position and keeps extra dimensions', () => {
    const point: Point = { type: 'Point', coordinates: [113.6, 34.7, 120] };
    const converted = convertGeometry(point, wgs84ToGcj02);
    expect(converted.type).toBe('Point');
    expect(converted.coordinates[2]).toBe(120);
    expect(converted.coordinates.slice(0, 2)).toEqual(wgs84ToGcj02([113.6, 34.7]));
    expect(point.coordinates).toEqual([113.6, 34.7, 120]);
  });

  it('walks polygons and collections', () => {
    const ring = [
      [113, 34],
      [114, 34],
      [114, 35],
      [113, 34],
    ];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[ring]] };
    const there = convertGeometry(convertGeometry(multi, wgs84ToGcj02), gcj02ToWgs84);
    const back = there.coordinates[0]?.[0] ?? [];
    expect(back).toHaveLength(4);
    back.forEach((p, i) => {
      const [lon = Number.NaN, lat = Number.NaN] = p;
      const [lon0 = 0, lat0 = 0] = ring[i] ?? [];
      expect(distanceMeters([lon, lat], [lon0, lat0])).toBeLessThan(0.5);
    });
    const collection = convertGeometry({ type: 'GeometryCollection', geometries: [multi] }, wgs84ToGcj02);
    expect(collection.geometries[0]?.type).toBe('MultiPolygon');
  });
});
