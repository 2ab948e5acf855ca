// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { bboxOf, containsPoint, regionAt, regionGeoFromTopology, unionBBox } from './geo';

const topo = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/regions/henan.topo.json'), 'utf8')) as Topology;
const geo = regionGeoFromTopology(topo);

describe('region pack geometry for the map', () => {
  it('has the province, 18 cities and their counties, with names for labels', () => {
    expect(geo.province.features).toHaveLength(1);
    expect(geo.cities.features).toHaveLength(18);
    expect(geo.counties.features.length).toBeGreaterThan(150);
    expect(geo.byCode.get('410300')?.properties.short).toBe('洛阳');
    expect(geo.countiesOf('410300').map((f) => f.properties.name)).toEqual(expect.arrayContaining(['栾川县', '嵩县']));
    expect(geo.characters).toContain('栾');
  });

  it('resolves 济源 (a city that is its own county) to the city', () => {
    expect(geo.byCode.get('419001')?.properties.parent).toBe('410000');
  });

  it('has one internal-border mesh per city with counties', () => {
    const parents = geo.countyBorders.features.map((f) => f.properties.parent);
    expect(new Set(parents).size).toBe(parents.length);
    expect(parents).toContain('410300');
    expect(geo.cityBorders.features[0]?.geometry.coordinates.length).toBeGreaterThan(10);
  });

  it('finds the region under a point, label points included', () => {
    for (const f of [...geo.cities.features, ...geo.counties.features]) {
      const [lon, lat] = f.properties.label;
      const hit = regionAt(f.properties.parent === '410000' ? geo.cities.features : geo.countiesOf(f.properties.parent ?? ''), geo.bbox, lon, lat);
      expect(hit?.properties.code, f.properties.name).toBe(f.properties.code);
    }
    expect(regionAt(geo.cities.features, geo.bbox, 121.47, 31.23)).toBeNull();
  });

  it('keeps bounding boxes consistent', () => {
    const box = geo.bbox.get('410000');
    const all = unionBBox(geo.cities.features.map((f) => bboxOf(f.geometry)));
    expect(box && all).toBeTruthy();
    expect(Math.abs((box?.[0] ?? 0) - (all?.[0] ?? 1))).toBeLessThan(0.01);
    expect(containsPoint(geo.byCode.get('410100')?.geometry ?? { type: 'Polygon', coordinates: [] }, 113.65, 34.76)).toBe(true);
  });

  it('shifts every coordinate when given a datum conversion', () => {
    const shifted = regionGeoFromTopology(topo, ([x, y]) => [x + 1, y]);
    expect(shifted.bbox.get('410000')?.[0]).toBeCloseTo((geo.bbox.get('410000')?.[0] ?? 0) + 1, 6);
    expect(shifted.byCode.get('410300')?.properties.label[0]).toBeCloseTo((geo.byCode.get('410300')?.properties.label[0] ?? 0) + 1, 6);
  });
});
