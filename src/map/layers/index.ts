import { z } from 'zod';
import { Registry } from '../../lib/registry';
import { arcs } from './arcs';
import { choropleth } from './choropleth';
import { columns } from './columns';
import { heatmap } from './heatmap';
import { hexagon } from './hexagon';
import type { AnyLayerType, Engine, LayerSlot } from './layer-type';
import { points } from './points';
import { stations } from './stations';

/**
 * The map layer types. Adding one is a file in this folder (see
 * docs/map-layers.md) plus its line in `LAYER_TYPES`: the list is explicit so
 * that the union of the schemas below keeps its static types.
 */
const LAYER_TYPES = [choropleth, points, heatmap, hexagon, arcs, columns, stations] as const;

export const layerTypes = new Registry<AnyLayerType>('map layer type');
for (const t of LAYER_TYPES) layerTypes.register(t.type, t);

type Schemas<T extends readonly { schema: unknown }[]> = { -readonly [K in keyof T]: T[K]['schema'] };

/** One layer of the map panel's `layers`: a discriminated union on `type` of every layer type's schema. */
export const layerSpec = z.discriminatedUnion('type', LAYER_TYPES.map((t) => t.schema) as unknown as Schemas<typeof LAYER_TYPES>);
export type LayerSpec = z.output<typeof layerSpec>;
export type LayerTypeName = LayerSpec['type'];

/** The registered type of a (parsed) layer spec. */
export function layerTypeOf(spec: { type: string }): AnyLayerType {
  return layerTypes.get(spec.type);
}

/** Whether a set of layers needs deck.gl (a map of `engine: 'maplibre'` layers alone never loads it). */
export function needsDeck(layers: readonly { type: string }[]): boolean {
  return layers.some((l) => engineOf(l) === 'deck');
}

export function engineOf(spec: { type: string }): Engine {
  return layerTypeOf(spec).engine;
}

/** Dataset keys the layers read, with their contracts; throws on a key used with two contracts. */
export function layerSlots(layers: readonly LayerSpec[]): Record<string, LayerSlot> {
  const slots: Record<string, LayerSlot> = {};
  for (const layer of layers) {
    for (const [key, slot] of Object.entries(layerTypeOf(layer).datasets(layer))) {
      const prev = slots[key];
      if (prev && prev.contract !== slot.contract)
        throw new Error(`map layer "${layer.id}": dataset "${key}" is already read as "${prev.contract}", this layer needs "${slot.contract}"`);
      // One request per key: `parent` scope wins if any layer wants it (the map's regions are the parent's children).
      slots[key] = prev && slot.scope === 'parent' ? { ...prev, scope: 'parent' } : (prev ?? { ...slot });
    }
  }
  return slots;
}
