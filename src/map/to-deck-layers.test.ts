import { describe, expect, it } from 'vitest';
import type { Incident, RegionMetric } from '../data/contracts/index';
import type { RegionFeature } from './geo';
import type { pointData } from './layer-data';
import { type LayerSpec, layerSpec, mapPanelOptions } from './layer-specs';
import { type DeckView, describePick, toDeckLayers } from './to-deck-layers';

function square(code: string, x: number, y: number, parent = '410000'): RegionFeature {
  return {
    type: 'Feature',
    properties: { code, name: `${code}市`, short: code, nameEn: code, parent, label: [x + 0.5, y + 0.5] },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 1, y],
          [x + 1, y + 1],
          [x, y + 1],
          [x, y],
        ],
      ],
    },
  };
}

const regions = [square('410100', 113, 34), square('410300', 111, 34), square('411300', 112, 32)];

const view: DeckView = {
  indicator: 'gdp',
  regions,
  selected: null,
  cityCentre: (code) => (code.startsWith('4103') ? [111.5, 34.5] : [113.5, 34.5]),
  shift: null,
  beforeId: 'city-border',
};

const metrics: RegionMetric[] = [
  { code: '410100', indicator: 'gdp', value: 13617, unit: '亿元', yoy: 4.9, period: '2026-09' },
  { code: '410300', indicator: 'gdp', value: 5482, unit: '亿元', yoy: 5.1, period: '2026-09' },
  { code: '411300', indicator: 'gdp', value: null, unit: '亿元', period: '2026-09' },
  { code: '410100', indicator: 'retail', value: 5000, unit: '亿元', period: '2026-10' },
];

function incident(i: number, severity: 1 | 2 | 3 | 4, status: Incident['status'] = 'reported'): Incident {
  return { id: `I${i}`, type: 'fire', severity, title: `火情${i}`, region: '410102', lon: 113.6 + i * 0.001, lat: 34.7, reportedAt: 1_700_000_000_000, status };
}

const incidents: Incident[] = [incident(1, 4), incident(2, 1, 'dispatched'), incident(3, 3), incident(4, 2, 'closed'), incident(5, 4, 'onsite')];

const specs = (raw: unknown[]): LayerSpec[] => raw.map((r) => layerSpec.parse(r));

describe('toDeckLayers', () => {
  const all = specs([
    { type: 'points' },
    { type: 'choropleth', indicators: [{ id: 'gdp', name: 'GDP' }] },
    { type: 'arcs' },
    { type: 'heatmap' },
    { type: 'hexagon' },
    { type: 'columns' },
  ]);
  const data = { choropleth: metrics, incidents };

  it('builds one layer per spec, with stable ids, in draw order (areas first, points last)', () => {
    const layers = toDeckLayers(all, data, view);
    expect(layers.map((l) => l.id)).toEqual(['choropleth', 'heatmap', 'hexagon', 'columns', 'arcs', 'points']);
    const again = toDeckLayers(all, data, view);
    expect(again.map((l) => l.id)).toEqual(layers.map((l) => l.id));
  });

  it('puts the choropleth under the region borders (beforeId) and leaves the rest on top', () => {
    const layers = toDeckLayers(all, data, view);
    const props = (id: string) => layers.find((l) => l.id === id)?.props as unknown as { beforeId?: string };
    expect(props('choropleth').beforeId).toBe('city-border');
    expect(props('points').beforeId).toBeUndefined();
  });

  it('skips layers whose dataset has no records yet', () => {
    const layers = toDeckLayers(all, { choropleth: metrics }, view);
    expect(layers.map((l) => l.id)).toEqual(['choropleth', 'columns']);
  });

  it('keeps data identity for unchanged records (deck.gl then skips the layer)', () => {
    const a = toDeckLayers(all, data, view);
    const b = toDeckLayers(all, data, { ...view });
    for (let i = 0; i < a.length; i++) expect(b[i]?.props.data).toBe(a[i]?.props.data);
    const changed = toDeckLayers(all, { ...data, incidents: [...incidents] }, view);
    expect(changed.find((l) => l.id === 'points')?.props.data).not.toBe(a.find((l) => l.id === 'points')?.props.data);
    expect(changed.find((l) => l.id === 'choropleth')?.props.data).toBe(a.find((l) => l.id === 'choropleth')?.props.data);
  });

  it('feeds points as binary attributes, severity-sorted so red draws last', () => {
    const layer = toDeckLayers(specs([{ type: 'points' }]), data, view)[0];
    const d = layer?.props.data as ReturnType<typeof pointData>;
    // `closed` is not drawn by default.
    expect(d.length).toBe(4);
    expect(d.attributes.getPosition.value).toBeInstanceOf(Float32Array);
    expect(d.attributes.getFillColor.value).toBeInstanceOf(Uint8Array);
    const severities = [...d.index].map((i) => incidents[i]?.severity);
    expect(severities).toEqual([4, 4, 3, 1]);
    expect(d.counts).toEqual([1, 0, 1, 2]);
    // Red is #e5322d.
    expect([...d.attributes.getFillColor.value.slice(12, 15)]).toEqual([0xe5, 0x32, 0x2d]);
  });

  it('changes the choropleth colours through updateTriggers when the indicator or selection changes', () => {
    const [a] = toDeckLayers(
      specs([
        {
          type: 'choropleth',
          indicators: [
            { id: 'gdp', name: 'GDP' },
            { id: 'retail', name: '零售' },
          ],
        },
      ]),
      data,
      view,
    );
    const [b] = toDeckLayers(
      specs([
        {
          type: 'choropleth',
          indicators: [
            { id: 'gdp', name: 'GDP' },
            { id: 'retail', name: '零售' },
          ],
        },
      ]),
      data,
      { ...view, indicator: 'retail' },
    );
    const [c] = toDeckLayers(specs([{ type: 'choropleth', indicators: [{ id: 'gdp', name: 'GDP' }] }]), data, { ...view, selected: '410300' });
    const trigger = (l: typeof a) => (l?.props.updateTriggers as { getFillColor: unknown[] } | undefined)?.getFillColor;
    expect(trigger(a)).not.toEqual(trigger(b));
    expect(trigger(a)).not.toEqual(trigger(c));
    const getFill = a?.props as unknown as { getFillColor: (f: RegionFeature) => number[] };
    // No value → the "no data" grey, dimmer.
    const noData = getFill.getFillColor(regions[2] as RegionFeature);
    const top = getFill.getFillColor(regions[0] as RegionFeature);
    expect(noData[3]).toBeLessThan(top[3] as number);
  });

  it('draws dispatch arcs from the city centre to each dispatched incident', () => {
    const [arcs] = toDeckLayers(specs([{ type: 'arcs' }]), data, view);
    const list = arcs?.props.data as { source: number[]; target: number[]; id: string }[];
    expect(list.map((a) => a.id)).toEqual(['I2']);
    expect(list[0]?.source).toEqual([113.5, 34.5]);
  });

  it('shifts feed coordinates to the base map datum', () => {
    const shift = (p: readonly [number, number]): [number, number] => [p[0] + 1, p[1] + 1];
    const [points] = toDeckLayers(specs([{ type: 'points' }]), data, { ...view, shift });
    const pos = (points?.props.data as ReturnType<typeof pointData> | undefined)?.attributes.getPosition.value ?? new Float32Array();
    expect(pos[0]).toBeCloseTo(113.601 + 1, 4);
  });

  it('describes picks in domain terms, binary points included', () => {
    const [points] = toDeckLayers(specs([{ type: 'points' }]), data, view);
    const spec = specs([{ type: 'points' }])[0];
    const picked = describePick(spec, { index: 3, layer: points as never });
    expect(picked).toEqual({ kind: 'incident', incident: incidents[1] });
    const region = describePick(specs([{ type: 'choropleth', indicators: [{ id: 'gdp', name: 'GDP' }] }])[0], { index: 0, object: regions[1] });
    expect(region).toEqual({ kind: 'region', code: '410300' });
  });
});

describe('map panel options', () => {
  it('applies defaults and rejects duplicate ids, HTML-ish tile URLs and unknown keys', () => {
    const parsed = mapPanelOptions.parse({ layers: [{ type: 'points' }] });
    expect(parsed.drill).toBe('county');
    expect(parsed.layers[0]).toMatchObject({ id: 'points', dataset: 'incidents', radius: 5, minSeverity: 4 });
    expect(() => mapPanelOptions.parse({ layers: [{ type: 'points' }, { type: 'points' }] })).toThrow(/unique/);
    expect(() => mapPanelOptions.parse({ baseMap: { type: 'xyz', tiles: ['javascript:alert(1)/{z}/{x}/{y}'] } })).toThrow();
    expect(() => mapPanelOptions.parse({ baseMap: { type: 'xyz', tiles: ['https://tiles.example/{z}/{x}.png'] } })).toThrow(/\{y\}/);
    expect(mapPanelOptions.parse({ baseMap: { type: 'xyz', tiles: ['tiles/{z}/{x}/{y}.png'] } }).baseMap).toMatchObject({ datum: 'wgs84', tileSize: 256 });
    expect(() => mapPanelOptions.parse({ layers: [{ type: 'points', html: '<b>' }] })).toThrow();
    expect(() => mapPanelOptions.parse({ layers: [{ type: 'sankey' }] })).toThrow();
  });
});
