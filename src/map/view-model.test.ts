import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parseRegionIndex } from '../geo/region-index';
import { focusOf } from './base-style';
import { prepareLayers } from './draw';
import { regionGeoFromTopology } from './geo';
import { layerSpec } from './layer-specs';
import { buildScene } from './scene';
import { activeIndicator, drillTarget, indexForFocus, isCompact, labelValuesOf, mapIndicators, primaryDataset, pulsePoints, regionLabels } from './view-model';

const root = join(import.meta.dirname, '../../public/regions');
const topo = JSON.parse(readFileSync(join(root, 'henan.topo.json'), 'utf8')) as Topology;
const regions = parseRegionIndex(JSON.parse(readFileSync(join(root, 'henan.index.json'), 'utf8')), '410000');
const geo = regionGeoFromTopology(topo);
const index = indexForFocus(regions);

describe('drill targets', () => {
  it('drills into any city, selects a county of the city in view, never the province', () => {
    const province = focusOf(index, '410000');
    const luoyang = focusOf(index, '410300');
    expect(drillTarget('410300', province, 'county', regions)).toBe('410300');
    expect(drillTarget('410324', luoyang, 'county', regions)).toBe('410324');
    expect(drillTarget('410324', luoyang, 'city', regions)).toBeNull();
    expect(drillTarget('410100', luoyang, 'county', regions)).toBe('410100');
    expect(drillTarget('410000', province, 'county', regions)).toBeNull();
    expect(drillTarget('410300', province, 'none', regions)).toBeNull();
    expect(drillTarget('410102', luoyang, 'county', regions)).toBeNull();
  });
});

describe('labels', () => {
  const spec = layerSpec.parse({ type: 'choropleth', indicators: [{ id: 'gdp', name: 'GDP' }] });
  const sceneAt = (region: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    buildScene({ geo, focus: focusOf(index, region), locale, u: 1, indicator: 'gdp', indicators: [], shift: null, cityCentre: () => null });

  it('names the cities (short) with their values at the province level', () => {
    const scene = sceneAt('410000');
    const values = labelValuesOf(prepareLayers([spec], { choropleth: [{ code: '410300', indicator: 'gdp', value: 5482.4, unit: '亿元' }] }, scene), scene);
    const labels = regionLabels(geo, scene.focus, scene.regions, 'zh-CN', values);
    expect(labels).toHaveLength(18);
    const luoyang = labels.find((l) => l.code === '410300');
    expect(luoyang).toMatchObject({ text: '洛阳', sub: '5,482', kind: 'region' });
    expect(labels.find((l) => l.code === '410100')?.sub).toBeUndefined();
    // The region with a value outranks those without.
    expect(luoyang?.priority).toBeGreaterThan(Math.max(...labels.filter((l) => l.code !== '410300').map((l) => l.priority)));
    expect(regionLabels(geo, scene.focus, scene.regions, 'en', null).find((l) => l.code === '410300')?.text).toBe('Luoyang');
  });

  it('shows no values when the choropleth says so', () => {
    const scene = sceneAt('410000');
    const quiet = layerSpec.parse({ type: 'choropleth', indicators: [{ id: 'gdp', name: 'GDP' }], showValues: false });
    expect(labelValuesOf(prepareLayers([quiet], { choropleth: [{ code: '410300', indicator: 'gdp', value: 1 }] }, scene), scene)).toBeNull();
  });

  it('names the counties in full inside a city, the selected one first, the other cities as context', () => {
    const scene = sceneAt('410324');
    const labels = regionLabels(geo, scene.focus, scene.regions, 'zh-CN', null);
    const selected = labels.find((l) => l.kind === 'selected');
    expect(selected).toMatchObject({ code: '410324', text: '栾川县' });
    expect(Math.max(...labels.map((l) => l.priority))).toBe(selected?.priority);
    const context = labels.filter((l) => l.kind === 'context');
    expect(context).toHaveLength(17);
    expect(new Set(labels.map((l) => l.key)).size).toBe(labels.length);
  });
});

describe('indicator, freshness and pulses', () => {
  it('takes the indicator from ?f.indicator= when the choropleth offers it', () => {
    const specs = [
      layerSpec.parse({ type: 'points' }),
      layerSpec.parse({
        type: 'choropleth',
        indicators: [
          { id: 'gdp', name: 'GDP' },
          { id: 'tax', name: '税收' },
        ],
        defaultIndicator: 'tax',
      }),
    ];
    const offered = mapIndicators(specs);
    expect(offered?.list.map((i) => i.id)).toEqual(['gdp', 'tax']);
    expect(activeIndicator(offered, 'gdp')).toBe('gdp');
    expect(activeIndicator(offered, 'unknown')).toBe('tax');
    expect(activeIndicator(offered, undefined)).toBe('tax');
    expect(activeIndicator(mapIndicators([layerSpec.parse({ type: 'points' })]), 'gdp')).toBeNull();
    // The choropleth's dataset speaks for the panel, wherever it is listed.
    expect(primaryDataset(specs)).toBe('choropleth');
    expect(primaryDataset([layerSpec.parse({ type: 'points', dataset: 'live' })])).toBe('live');
  });

  it('pulses only open red incidents', () => {
    const scene = buildScene({
      geo,
      focus: focusOf(index, '410000'),
      locale: 'zh-CN',
      u: 1,
      indicator: null,
      indicators: [],
      shift: null,
      cityCentre: () => null,
    });
    const base = { type: 'fire' as const, title: 't', region: '410102', lon: 113.6, lat: 34.7, reportedAt: 0 };
    const incidents = [
      { ...base, id: 'a', severity: 1 as const, status: 'onsite' as const },
      { ...base, id: 'b', severity: 2 as const, status: 'onsite' as const },
      { ...base, id: 'c', severity: 1 as const, status: 'closed' as const },
    ];
    expect(pulsePoints(prepareLayers([layerSpec.parse({ type: 'points' })], { incidents }, scene), scene).map((p) => p.key)).toEqual(['a']);
    expect(pulsePoints(prepareLayers([layerSpec.parse({ type: 'points', pulse: false })], { incidents }, scene), scene)).toEqual([]);
  });
});

describe('compact maps', () => {
  it('is judged in design units, so a 1080p and a 4K wall show the same', () => {
    // The economy map: 966 × 460 CSS px at u = 1, 1932 × 920 at u = 2.
    expect(isCompact(966, 460, 1)).toBe(true);
    expect(isCompact(1932, 920, 2)).toBe(true);
    expect(isCompact(1300, 900, 1)).toBe(false);
    expect(isCompact(2600, 1800, 2)).toBe(false);
    expect(isCompact(0, 0, 1)).toBe(false);
  });
});
