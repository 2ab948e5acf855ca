import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parseRegionIndex } from '../geo/region-index';
import { focusOf, regionsInView } from './base-style';
import { regionGeoFromTopology } from './geo';
import { choroplethModel } from './layer-data';
import { layerSpec } from './layer-specs';
import { activeIndicator, drillTarget, indexForFocus, pulsePoints, regionLabels } from './view-model';

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

  it('names the cities (short) with their values at the province level', () => {
    const focus = focusOf(index, '410000');
    const inView = regionsInView(geo, focus);
    const model = choroplethModel(
      [{ code: '410300', indicator: 'gdp', value: 5482.4, unit: '亿元' }],
      spec.type === 'choropleth' ? spec : (undefined as never),
      'gdp',
      inView,
    );
    const labels = regionLabels(geo, focus, inView, 'zh-CN', model, undefined);
    expect(labels).toHaveLength(18);
    const luoyang = labels.find((l) => l.code === '410300');
    expect(luoyang).toMatchObject({ text: '洛阳', sub: '5,482', kind: 'region' });
    expect(labels.find((l) => l.code === '410100')?.sub).toBeUndefined();
    // The region with a value outranks those without.
    expect(luoyang?.priority).toBeGreaterThan(Math.max(...labels.filter((l) => l.code !== '410300').map((l) => l.priority)));
    expect(regionLabels(geo, focus, inView, 'en', null, undefined).find((l) => l.code === '410300')?.text).toBe('Luoyang');
  });

  it('names the counties in full inside a city, the selected one first, the other cities as context', () => {
    const focus = focusOf(index, '410324');
    const labels = regionLabels(geo, focus, regionsInView(geo, focus), 'zh-CN', null, undefined);
    const selected = labels.find((l) => l.kind === 'selected');
    expect(selected).toMatchObject({ code: '410324', text: '栾川县' });
    expect(Math.max(...labels.map((l) => l.priority))).toBe(selected?.priority);
    const context = labels.filter((l) => l.kind === 'context');
    expect(context).toHaveLength(17);
    expect(new Set(labels.map((l) => l.key)).size).toBe(labels.length);
  });
});

describe('indicator and pulses', () => {
  it('takes the indicator from ?f.indicator= when the layer offers it', () => {
    const spec = layerSpec.parse({
      type: 'choropleth',
      indicators: [
        { id: 'gdp', name: 'GDP' },
        { id: 'tax', name: '税收' },
      ],
      defaultIndicator: 'tax',
    });
    if (spec.type !== 'choropleth') throw new Error('choropleth');
    expect(activeIndicator(spec, 'gdp')).toBe('gdp');
    expect(activeIndicator(spec, 'unknown')).toBe('tax');
    expect(activeIndicator(spec, undefined)).toBe('tax');
    expect(activeIndicator(null, 'gdp')).toBeNull();
  });

  it('pulses only open red incidents', () => {
    const base = { type: 'fire' as const, title: 't', region: '410102', lon: 113.6, lat: 34.7, reportedAt: 0 };
    const incidents = [
      { ...base, id: 'a', severity: 1 as const, status: 'onsite' as const },
      { ...base, id: 'b', severity: 2 as const, status: 'onsite' as const },
      { ...base, id: 'c', severity: 1 as const, status: 'closed' as const },
    ];
    const specs = [layerSpec.parse({ type: 'points' })];
    expect(pulsePoints(specs, { incidents }, null).map((p) => p.key)).toEqual(['a']);
    expect(pulsePoints([layerSpec.parse({ type: 'points', pulse: false })], { incidents }, null)).toEqual([]);
  });
});
