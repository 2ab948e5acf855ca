// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { type FocusIndex, LAYER, buildBaseStyle, focusOf, focusStyle, regionSource, regionsInView } from './base-style';
import { regionGeoFromTopology } from './geo';

const topo = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/regions/henan.topo.json'), 'utf8')) as Topology;
const geo = regionGeoFromTopology(topo);

const index: FocusIndex = {
  root: '410000',
  parentOf: (code) => geo.byCode.get(code)?.properties.parent ?? null,
  hasChildren: (code) => code === '410000' || geo.countiesOf(code).some((c) => c.properties.code !== code),
  levelOf: (code) => (code === '410000' ? 'province' : geo.byCode.get(code) ? (code.endsWith('00') || code === '419001' ? 'city' : 'county') : null),
};

describe('map focus', () => {
  it('shows the cities for the province, the counties for a city, and selects a county among its siblings', () => {
    expect(focusOf(index, '410000')).toEqual({ region: '410000', parent: '410000', level: 'city', selected: null });
    expect(focusOf(index, '410300')).toEqual({ region: '410300', parent: '410300', level: 'county', selected: null });
    expect(focusOf(index, '410324')).toEqual({ region: '410324', parent: '410300', level: 'county', selected: '410324' });
    // 济源 has no counties: selected among the cities.
    expect(focusOf(index, '419001')).toEqual({ region: '419001', parent: '410000', level: 'city', selected: '419001' });
    // Unknown codes fall back to the root.
    expect(focusOf(index, '999999').parent).toBe('410000');
    expect(regionsInView(geo, focusOf(index, '410300'))).toBe(geo.countiesOf('410300'));
  });

  it('filters the county layers to the city in view', () => {
    const city = focusStyle(focusOf(index, '410300'), false);
    expect(city.filters[LAYER.countyFill]).toEqual(['==', ['get', 'parent'], '410300']);
    const province = focusStyle(focusOf(index, '410000'), false);
    expect(province.filters[LAYER.countyFill]).toEqual(['==', ['get', 'code'], '__none__']);
    expect(province.paint[LAYER.cityFill]?.['fill-opacity']).toBeGreaterThan(
      focusStyle(focusOf(index, '410000'), true).paint[LAYER.cityFill]?.['fill-opacity'] as number,
    );
  });
});

describe('base style', () => {
  it('renders offline: no URLs, glyphs, sprites or symbol layers without a base map', () => {
    const style = buildBaseStyle(geo, undefined, focusOf(index, '410000'));
    const text = JSON.stringify({ ...style, sources: Object.keys(style.sources) });
    expect(text).not.toMatch(/https?:|glyphs|sprite/);
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(style.layers.map((l) => l.id)).toContain(LAYER.cityBorder);
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.cityFill)).toBeLessThan(ids.indexOf(LAYER.cityBorder));
    expect(ids.indexOf(LAYER.cityBorder)).toBeLessThan(ids.indexOf(LAYER.focusLine));
  });

  it('puts native data layers (the choropleth fill) over the base fills and under the borders', () => {
    const fill = { id: 'choropleth', type: 'fill', source: 'cities', paint: { 'fill-color': '#123456' } } as const;
    const ids = buildBaseStyle(geo, undefined, focusOf(index, '410000'), 1, [fill]).layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.countyFill)).toBeLessThan(ids.indexOf('choropleth'));
    expect(ids.indexOf('choropleth')).toBe(ids.indexOf(LAYER.cityBorder) - 1);
  });

  it('sizes lines in design units (u = CSS px per design pixel)', () => {
    const width = (u: number, id: string) =>
      ((buildBaseStyle(geo, undefined, focusOf(index, '410300'), u).layers.find((l) => l.id === id)?.paint ?? {}) as Record<string, unknown>)['line-width'];
    expect(width(1, LAYER.focusLine)).toBe(2);
    expect(width(2, LAYER.focusLine)).toBe(4);
    expect(width(2, LAYER.cityBorder)).toBe(2);
    expect(focusStyle(focusOf(index, '410300'), false, 2).paint[LAYER.focusGlowWide]).toEqual({ 'line-width': 44, 'line-blur': 32 });
  });

  it('finds the regions in view in the style: all cities, or the counties of one city', () => {
    expect(regionSource(focusOf(index, '410000'))).toEqual({ source: 'cities', filter: null });
    expect(regionSource(focusOf(index, '410324'))).toEqual({ source: 'counties', filter: ['==', ['get', 'parent'], '410300'] });
  });

  it('adds an XYZ raster base map under the boundaries', () => {
    const style = buildBaseStyle(
      geo,
      { type: 'xyz', tiles: ['tiles/{z}/{x}/{y}.png'], tileSize: 256, minzoom: 0, maxzoom: 18, attribution: '', datum: 'wgs84', opacity: 0.8 },
      focusOf(index, '410000'),
    );
    expect(style.layers[1]).toMatchObject({ id: LAYER.basemap, type: 'raster' });
    expect(style.sources[LAYER.basemap]).toMatchObject({ type: 'raster', tiles: ['tiles/{z}/{x}/{y}.png'] });
  });

  it('builds Tianditu URLs with the key URI-encoded, annotation optional', () => {
    const style = buildBaseStyle(geo, { type: 'tianditu', key: 'abcdef1234567890', layer: 'vec', annotation: true, opacity: 1 }, focusOf(index, '410000'));
    const tiles = (style.sources[LAYER.basemap] as { tiles: string[] }).tiles;
    expect(tiles).toHaveLength(8);
    expect(tiles[0]).toMatch(/^https:\/\/t0\.tianditu\.gov\.cn\/vec_w\/wmts\?.*tk=abcdef1234567890$/);
    expect((style.sources[LAYER.annotation] as { tiles: string[] }).tiles[3]).toContain('LAYER=cva');
  });
});
