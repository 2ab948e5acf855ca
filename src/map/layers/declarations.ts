import { z } from 'zod';
import { Registry } from '../../lib/registry';
import { arcsLayer } from './arcs.schema';
import { choroplethLayer } from './choropleth.schema';
import { columnsLayer } from './columns.schema';
import { heatmapLayer } from './heatmap.schema';
import { hexagonLayer } from './hexagon.schema';
import type { AnyLayerDeclaration, Engine, LayerSlot } from './layer-type';
import { pointsLayer } from './points.schema';
import { stationsLayer } from './stations.schema';

/**
 * The map layer types as config sees them (entry chunk): each type's options
 * schema, engine and datasets, from its `<name>.schema.ts`. How they draw is
 * the registry in ./index.ts, in the map's lazy chunk. Adding a type is its two
 * files (docs/map-layers.md) plus its line here and in ./index.ts: the list is
 * explicit so that the union of the schemas keeps its static types.
 */
export const LAYER_DECLARATIONS = [choroplethLayer, pointsLayer, heatmapLayer, hexagonLayer, arcsLayer, columnsLayer, stationsLayer] as const;

const declarations = new Registry<AnyLayerDeclaration>('map layer type');
for (const d of LAYER_DECLARATIONS) declarations.register(d.type, d);

type Schemas<T extends readonly { schema: unknown }[]> = { -readonly [K in keyof T]: T[K]['schema'] };

/** One layer of the map panel's `layers`: a discriminated union on `type` of every layer type's schema. */
export const layerSpec = z.discriminatedUnion('type', LAYER_DECLARATIONS.map((t) => t.schema) as unknown as Schemas<typeof LAYER_DECLARATIONS>);
export type LayerSpec = z.output<typeof layerSpec>;
export type LayerTypeName = LayerSpec['type'];

/** Every declared layer type's name. */
export function declaredLayerTypes(): string[] {
  return declarations.ids();
}

/** Whether a set of layers needs deck.gl (a map of `engine: 'maplibre'` layers alone never loads it). */
export function needsDeck(layers: readonly { type: string }[]): boolean {
  return layers.some((l) => engineOf(l) === 'deck');
}

export function engineOf(spec: { type: string }): Engine {
  return declarations.get(spec.type).engine;
}

/** Dataset keys the layers read, with their contracts; throws on a key used with two contracts. */
export function layerSlots(layers: readonly LayerSpec[]): Record<string, LayerSlot> {
  const slots: Record<string, LayerSlot> = {};
  for (const layer of layers) {
    for (const [key, slot] of Object.entries(declarations.get(layer.type).datasets(layer))) {
      const prev = slots[key];
      if (prev && prev.contract !== slot.contract)
        throw new Error(`map layer "${layer.id}": dataset "${key}" is already read as "${prev.contract}", this layer needs "${slot.contract}"`);
      // One request per key: `parent` scope wins if any layer wants it (the map's regions are the parent's children).
      slots[key] = prev && slot.scope === 'parent' ? { ...prev, scope: 'parent' } : (prev ?? { ...slot });
    }
  }
  return slots;
}
