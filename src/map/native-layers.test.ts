import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { type StyleTarget, syncNativeLayers } from './native-layers';

function fakeMap(initial: LayerSpecification[] = []) {
  const layers = new Map(initial.map((l) => [l.id, l]));
  const calls: string[] = [];
  const map: StyleTarget = {
    getLayer: (id) => layers.get(id),
    addLayer: (l, before) => {
      calls.push(`add ${l.id} before ${before}`);
      layers.set(l.id, l);
    },
    removeLayer: (id) => {
      calls.push(`remove ${id}`);
      layers.delete(id);
    },
    setFilter: (id, f) => calls.push(`filter ${id} ${JSON.stringify(f)}`),
    setPaintProperty: (id, k, v) => calls.push(`paint ${id} ${k} ${JSON.stringify(v)}`),
    setLayoutProperty: (id, k, v) => calls.push(`layout ${id} ${k} ${JSON.stringify(v)}`),
  };
  return { map, calls };
}

const fill = (color: unknown, source = 'cities', filter?: unknown): LayerSpecification =>
  ({ id: 'choropleth', type: 'fill', source, ...(filter ? { filter } : {}), paint: { 'fill-color': color, 'fill-opacity': 0.8 } }) as LayerSpecification;

describe('native layers by diff', () => {
  it('updates only what changed: a new colour is a paint update, not a new layer', () => {
    const first = fill(['match', ['get', 'code'], '410100', '#111111', '#2a3a55']);
    const { map, calls } = fakeMap([first]);
    const applied = new Map([[first.id, first]]);
    syncNativeLayers(map, applied, [first], 'city-border');
    expect(calls).toEqual([]);
    syncNativeLayers(map, applied, [fill(['match', ['get', 'code'], '410100', '#222222', '#2a3a55'])], 'city-border');
    expect(calls).toEqual(['paint choropleth fill-color ["match",["get","code"],"410100","#222222","#2a3a55"]']);
  });

  it('re-adds a layer whose source changes (cities → counties) under the borders, and removes dropped ones', () => {
    const { map, calls } = fakeMap();
    const applied = new Map<string, LayerSpecification>();
    syncNativeLayers(map, applied, [fill('#111111')], 'city-border');
    syncNativeLayers(map, applied, [fill('#111111', 'counties', ['==', ['get', 'parent'], '410300'])], 'city-border');
    syncNativeLayers(map, applied, [], 'city-border');
    expect(calls).toEqual(['add choropleth before city-border', 'remove choropleth', 'add choropleth before city-border', 'remove choropleth']);
    expect(applied.size).toBe(0);
  });

  it('changes the filter in place when the source stays', () => {
    const a = fill('#111111', 'counties', ['==', ['get', 'parent'], '410300']);
    const { map, calls } = fakeMap([a]);
    syncNativeLayers(map, new Map([[a.id, a]]), [fill('#111111', 'counties', ['==', ['get', 'parent'], '410100'])], 'city-border');
    expect(calls).toEqual(['filter choropleth ["==",["get","parent"],"410100"]']);
  });
});
