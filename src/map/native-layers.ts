import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';

/**
 * Native (MapLibre) data layers by diff: a layer whose type and source are
 * unchanged gets only its changed filter / paint / layout properties (a new
 * colour expression is a paint update, not a new layer); others are removed
 * and added again under `beforeId`. `applied` remembers what the map holds.
 */

export interface StyleTarget {
  getLayer(id: string): unknown;
  addLayer(layer: LayerSpecification, beforeId?: string): unknown;
  removeLayer(id: string): unknown;
  setFilter(id: string, filter: FilterSpecification | null): unknown;
  setPaintProperty(id: string, name: string, value: unknown): unknown;
  setLayoutProperty(id: string, name: string, value: unknown): unknown;
}

type Props = Record<string, unknown>;
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const sourceOf = (l: LayerSpecification) => ('source' in l ? l.source : undefined);

function syncProps(map: StyleTarget, id: string, prev: Props | undefined, next: Props | undefined, set: 'setPaintProperty' | 'setLayoutProperty'): void {
  const p = prev ?? {};
  const n = next ?? {};
  for (const key of new Set([...Object.keys(p), ...Object.keys(n)])) if (!same(p[key], n[key])) map[set](id, key, n[key]);
}

export function syncNativeLayers(map: StyleTarget, applied: Map<string, LayerSpecification>, next: readonly LayerSpecification[], beforeId: string): void {
  const keep = new Set(next.map((l) => l.id));
  for (const id of [...applied.keys()]) {
    if (keep.has(id)) continue;
    if (map.getLayer(id)) map.removeLayer(id);
    applied.delete(id);
  }
  for (const layer of next) {
    const prev = applied.get(layer.id);
    if (prev && same(prev, layer)) continue;
    if (prev && map.getLayer(layer.id) && prev.type === layer.type && sourceOf(prev) === sourceOf(layer)) {
      const f = (l: LayerSpecification) => ('filter' in l ? (l.filter ?? null) : null);
      if (!same(f(prev), f(layer))) map.setFilter(layer.id, f(layer));
      syncProps(map, layer.id, prev.paint as Props | undefined, layer.paint as Props | undefined, 'setPaintProperty');
      syncProps(map, layer.id, prev.layout as Props | undefined, layer.layout as Props | undefined, 'setLayoutProperty');
    } else {
      if (map.getLayer(layer.id)) map.removeLayer(layer.id);
      map.addLayer(layer, beforeId);
    }
    applied.set(layer.id, layer);
  }
}
