import { describe, expect, it } from 'vitest';
import type { Incident, RegionMetric } from '../data/contracts/index';
import type { MapFocus } from './base-style';
import type { DeckModules } from './deck';
import { drawLayers, prepareLayers, samePrepared } from './draw';
import type { RegionFeature } from './geo';
import { kit } from './kit';
import type { PointData } from './layer-data';
import { type LayerSpec, layerSpec } from './layer-specs';
import type { LayerScene } from './layers/layer-type';
import { legendBlocks, pickTooltip, pulsePoints, regionTooltip } from './view-model';

function square(code: string, x: number, y: number, name: string, parent = '410000'): RegionFeature {
  return {
    type: 'Feature',
    properties: { code, name, short: name.slice(0, 2), nameEn: code, parent, label: [x + 0.5, y + 0.5] },
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

const regions = [square('410100', 113, 34, '郑州市'), square('410300', 111, 34, '洛阳市'), square('411300', 112, 32, '南阳市')];
const province: MapFocus = { region: '410000', parent: '410000', level: 'city', selected: null };

function scene(extra: Partial<LayerScene> = {}): LayerScene {
  return {
    locale: 'zh-CN',
    u: 1,
    focus: province,
    regions,
    indicator: 'gdp',
    indicatorName: (id) => ({ gdp: '地区生产总值', retail: '社零总额' })[id] ?? id,
    regionName: (code) => regions.find((r) => r.properties.code === code)?.properties.name ?? code,
    cityCentre: (code) => (code.startsWith('4103') ? [111.5, 34.5] : [113.5, 34.5]),
    shift: null,
    iconAtlas: () => null,
    regionSource: { source: 'cities', filter: null },
    kit,
    ...extra,
  };
}

const metrics: RegionMetric[] = [
  { code: '410100', indicator: 'gdp', value: 13617, unit: '亿元', yoy: 4.9, period: '2026-09' },
  { code: '410300', indicator: 'gdp', value: 5482, unit: '亿元', yoy: -1.2, period: '2026-09' },
  { code: '411300', indicator: 'gdp', value: null, unit: '亿元', period: '2026-09' },
  { code: '410100', indicator: 'retail', value: 5000, unit: '亿元', period: '2026-10' },
];

function incident(i: number, severity: 1 | 2 | 3 | 4, status: Incident['status'] = 'reported'): Incident {
  return {
    id: `I${i}`,
    type: 'traffic',
    severity,
    title: `事故${i}`,
    region: '410102',
    lon: 113.6 + i * 0.001,
    lat: 34.7,
    reportedAt: 1_763_604_000_000,
    status,
  };
}
const incidents: Incident[] = [incident(1, 4), incident(2, 1, 'dispatched'), incident(3, 3), incident(4, 2, 'closed'), incident(5, 4, 'onsite')];

const paintOf = (l: { paint?: unknown } | undefined) => (l?.paint ?? {}) as Record<string, unknown>;
const specs = (raw: unknown[]): LayerSpec[] => raw.map((r) => layerSpec.parse(r));
const all = specs([
  { type: 'points' },
  { type: 'choropleth', indicators: [{ id: 'gdp', name: '地区生产总值' }] },
  { type: 'arcs' },
  { type: 'heatmap' },
  { type: 'hexagon' },
  { type: 'columns' },
]);
const data = { choropleth: metrics, incidents };

async function deckModules(): Promise<DeckModules> {
  const [layers, aggregation, mapbox] = await Promise.all([import('@deck.gl/layers'), import('@deck.gl/aggregation-layers'), import('@deck.gl/mapbox')]);
  return { layers, aggregation, mapbox };
}

describe('drawing the layers', () => {
  it('draws the choropleth natively and the rest with deck.gl, in draw order (areas first, points last)', async () => {
    const s = scene();
    const drawn = drawLayers(prepareLayers(all, data, s), s, await deckModules());
    expect(drawn.native.map((l) => [l.id, l.type])).toEqual([['choropleth', 'fill']]);
    expect(drawn.deck.map((l) => l.id)).toEqual(['heatmap', 'hexagon', 'columns', 'arcs', 'points']);
    expect(drawn.ids).toEqual(['choropleth', 'heatmap', 'hexagon', 'columns', 'arcs', 'points']);
  });

  it('without deck.gl (not loaded, or not needed) draws the native layers alone', () => {
    const s = scene();
    const drawn = drawLayers(prepareLayers(all, data, s), s, null);
    expect(drawn.deck).toEqual([]);
    expect(drawn.ids).toEqual(['choropleth']);
  });

  it('colours each region in view by its class: a match on the code, no data grey and dimmer, a selection dims the others', () => {
    const s = scene();
    const [fill] = drawLayers(prepareLayers(all.slice(1, 2), data, s), s, null).native;
    // Two distinct values → two classes, the ends of the ramp; 南阳 has no value.
    expect(fill).toEqual({
      id: 'choropleth',
      type: 'fill',
      source: 'cities',
      paint: {
        'fill-color': ['match', ['get', 'code'], '410100', '#7fd6f5', '410300', '#0b2a55', '411300', '#2a3a55', '#2a3a55'],
        'fill-opacity': ['match', ['get', 'code'], '410100', 0.82, '410300', 0.82, '411300', 0.82 * 0.6, 0.82 * 0.6],
        'fill-antialias': false,
      },
    });
    const county: LayerScene = scene({
      focus: { region: '410300', parent: '410000', level: 'city', selected: '410300' },
      regionSource: { source: 'counties', filter: ['==', ['get', 'parent'], '410300'] },
    });
    const [dimmed] = drawLayers(prepareLayers(all.slice(1, 2), data, county), county, null).native;
    expect(dimmed).toMatchObject({ source: 'counties', filter: ['==', ['get', 'parent'], '410300'] });
    expect(paintOf(dimmed)['fill-opacity']).toEqual(['match', ['get', 'code'], '410100', 0.82 * 0.45, '410300', 0.82, '411300', 0.82 * 0.6 * 0.45, 0.82 * 0.6]);
  });

  it('recolours by the indicator in view', () => {
    const choropleth = specs([
      {
        type: 'choropleth',
        indicators: [
          { id: 'gdp', name: 'GDP' },
          { id: 'retail', name: '零售' },
        ],
      },
    ]);
    const s = scene({ indicator: 'retail' });
    const [fill] = drawLayers(prepareLayers(choropleth, data, s), s, null).native;
    expect(paintOf(fill)['fill-color']).toEqual(['match', ['get', 'code'], '410100', '#7fd6f5', '410300', '#2a3a55', '411300', '#2a3a55', '#2a3a55']);
  });

  it('leaves out layers whose records have not arrived', async () => {
    const s = scene();
    expect(drawLayers(prepareLayers(all, { choropleth: metrics }, s), s, await deckModules()).ids).toEqual(['choropleth', 'columns']);
  });

  it('keeps data identity for unchanged records (deck.gl then skips the layer)', async () => {
    const deck = await deckModules();
    const s = scene();
    const a = drawLayers(prepareLayers(all, data, s), s, deck).deck;
    // Another scene with the same inputs (a re-render): the same data objects.
    const b = drawLayers(prepareLayers(all, data, { ...s }), { ...s }, deck).deck;
    for (let i = 0; i < a.length; i++) expect(b[i]?.props.data).toBe(a[i]?.props.data);
    const changed = drawLayers(prepareLayers(all, { ...data, incidents: [...incidents] }, s), s, deck).deck;
    expect(changed.find((l) => l.id === 'points')?.props.data).not.toBe(a.find((l) => l.id === 'points')?.props.data);
    expect(changed.find((l) => l.id === 'columns')?.props.data).toBe(a.find((l) => l.id === 'columns')?.props.data);
  });

  it('feeds points as binary attributes, severity-sorted so red draws last, sized in design units', async () => {
    const s = scene({ u: 2 });
    const [layer] = drawLayers(prepareLayers(specs([{ type: 'points', radius: 5 }]), data, s), s, await deckModules()).deck;
    const d = layer?.props.data as PointData;
    // `closed` is not drawn by default.
    expect(d.length).toBe(4);
    expect(d.attributes.getPosition.value).toBeInstanceOf(Float32Array);
    expect([...d.index].map((i) => incidents[i]?.severity)).toEqual([4, 4, 3, 1]);
    expect(d.counts).toEqual([1, 0, 1, 2]);
    // Red is #e5322d.
    expect([...d.attributes.getFillColor.value.slice(12, 15)]).toEqual([0xe5, 0x32, 0x2d]);
    expect((layer?.props as unknown as { radiusScale: number } | undefined)?.radiusScale).toBe(10);
  });

  it('draws dispatch arcs from the city centre to each dispatched incident, widths in design units', async () => {
    const s = scene({ u: 2 });
    const [arcs] = drawLayers(prepareLayers(specs([{ type: 'arcs', width: 2.5 }]), data, s), s, await deckModules()).deck;
    const list = arcs?.props.data as { source: number[]; target: number[]; id: string }[];
    expect(list.map((a) => a.id)).toEqual(['I2']);
    expect(list[0]?.source).toEqual([113.5, 34.5]);
    expect((arcs?.props as unknown as { getWidth: number } | undefined)?.getWidth).toBe(5);
  });

  it('shifts feed coordinates to the base map datum', async () => {
    const s = scene({ shift: (p) => [p[0] + 1, p[1] + 1] });
    const [points] = drawLayers(prepareLayers(specs([{ type: 'points' }]), data, s), s, await deckModules()).deck;
    expect((points?.props.data as PointData | undefined)?.attributes.getPosition.value[0]).toBeCloseTo(113.601 + 1, 4);
    const [pulse, ...more] = pulsePoints(prepareLayers(specs([{ type: 'points' }]), data, s), s);
    expect(more).toEqual([]);
    expect(pulse?.key).toBe('I2');
    expect(pulse?.lon).toBeCloseTo(114.602, 6);
  });
});

describe('legend and tooltips', () => {
  it('shows the choropleth classes with unit, no data, incident levels with counts, density once', () => {
    const s = scene();
    const blocks = legendBlocks(prepareLayers([...all, ...specs([{ type: 'heatmap', id: 'heat-2' }])], data, s), s);
    expect(blocks.map((b) => b.key)).toEqual(['choropleth', 'incident-levels', 'line-#3ad0ff', 'column-columns', 'density-bins', 'density']);
    expect(blocks[0]).toEqual({
      kind: 'classes',
      key: 'choropleth',
      title: '地区生产总值',
      unit: '（亿元）',
      items: [
        { color: '#7fd6f5', label: '≥ 9,500' },
        { color: '#0b2a55', label: '< 9,500' },
        { color: '#2a3a55', label: '无数据' },
      ],
    });
    const levels = blocks.find((b) => b.kind === 'levels');
    expect(levels?.kind === 'levels' && levels.items.map((i) => `${i.label} ${i.count}`)).toEqual(['Ⅰ级 红色 1', 'Ⅱ级 橙色 0', 'Ⅲ级 黄色 1', 'Ⅳ级 蓝色 2']);
    expect(blocks.find((b) => b.key === 'column-columns')).toMatchObject({ label: '柱高：地区生产总值' });
  });

  it('names a region with its value and YoY; an incident with the shared vocabulary', async () => {
    const s = scene();
    const prepared = prepareLayers(all, data, s);
    expect(regionTooltip('410300', prepared, s)).toEqual({
      title: '洛阳市',
      lines: [
        { label: '地区生产总值', value: '5,482 亿元' },
        { label: '同比', value: '−1.2%', tone: 'down' },
      ],
    });
    expect(regionTooltip('411300', prepared, s).lines).toEqual([{ label: '地区生产总值', value: '无数据' }]);
    // Binary points pick by drawn index: 3 is the red one (drawn last).
    expect(pickTooltip('points', { object: undefined, index: 3 }, prepared, s)).toEqual({
      popup: true,
      content: {
        title: '事故2',
        lines: [{ value: '交通事故 · 已调度' }, { value: 'Ⅰ级 红色', tone: 'sev1' }, { label: '接报', value: '2025/11/20 10:00' }],
      },
    });
    const en = scene({ locale: 'en' });
    expect(pickTooltip('points', { object: undefined, index: 3 }, prepareLayers(all, data, en), en)?.content.lines[0]).toEqual({
      value: 'Traffic accident · Dispatched',
    });
    expect(pickTooltip('hexagon', { object: { count: 3 }, index: 0 }, prepared, s)).toEqual({
      popup: false,
      content: { title: '区域内事件', lines: [{ value: '3 起' }] },
    });
  });
});

describe('samePrepared (a render with nothing new keeps every layer as it was)', () => {
  it('keeps the previous list when no model changed, and takes the new one when one did', () => {
    const s = scene();
    const first = prepareLayers(all, data, s);
    // Same records, a re-render: every model is the same object, so the list is the previous one.
    expect(samePrepared(first, prepareLayers(all, data, s))).toBe(first);
    // New incident records: the points model is new, so is the list.
    const moved = prepareLayers(all, { ...data, incidents: [...incidents, incident(6, 1)] }, s);
    expect(samePrepared(first, moved)).toBe(moved);
    expect(samePrepared(null, first)).toBe(first);
  });
});
