import type { Layer } from '@deck.gl/core';
import type { LayerSpecification } from 'maplibre-gl';
import type { DeckModules } from './deck';
import { type LayerSpec, layerTypeOf } from './layers/index';
import type { AnyLayerType, LayerData, LayerScene } from './layers/layer-type';

/**
 * Layer specs (config) + records + scene → what MapLibre and deck.gl draw.
 * Pure: `prepareLayers` turns records into each layer's model (memoised by the
 * kit on records identity, so an unchanged feed gives the same data objects and
 * deck.gl skips the layer); `drawLayers` describes native style layers and
 * deck.gl layers with stable ids, diffed by MapLibre (by value) and deck.gl (by id).
 */

export interface PreparedLayer {
  spec: LayerSpec;
  type: AnyLayerType;
  model: unknown;
}

/** Every layer whose records are there, in draw order (areas first, points last). */
export function prepareLayers(specs: readonly LayerSpec[], data: LayerData, scene: LayerScene): PreparedLayer[] {
  const out: PreparedLayer[] = [];
  const sorted = specs.map((spec, i) => ({ spec, type: layerTypeOf(spec), i })).sort((a, b) => a.type.order - b.type.order || a.i - b.i);
  for (const { spec, type } of sorted) {
    const model = type.prepare(spec, data, scene);
    if (model !== null && model !== undefined) out.push({ spec, type, model });
  }
  return out;
}

/**
 * The previous prepared list when every layer has the very same spec and model (a tick whose
 * off-thread point build is not in yet): nothing downstream — layers, labels, legend, pulses,
 * deck.gl and MapLibre diffs — runs again for it.
 */
export function samePrepared(prev: readonly PreparedLayer[] | null, next: PreparedLayer[]): PreparedLayer[] {
  if (!prev || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i] as PreparedLayer;
    const b = next[i] as PreparedLayer;
    if (a.spec !== b.spec || a.type !== b.type || a.model !== b.model) return next;
  }
  return prev as PreparedLayer[];
}

export interface DrawnLayers {
  /** MapLibre style layers, drawn natively under the region borders. */
  native: LayerSpecification[];
  /** deck.gl layers, interleaved above them. */
  deck: Layer[];
  /** Ids of the layers drawn, in draw order. */
  ids: string[];
}

/** Describes the layers; deck layers are left out until deck.gl is loaded (`deck` null). */
export function drawLayers(prepared: readonly PreparedLayer[], scene: LayerScene, deck: DeckModules | null): DrawnLayers {
  const out: DrawnLayers = { native: [], deck: [], ids: [] };
  for (const { spec, type, model } of prepared) {
    if (type.engine === 'maplibre') {
      const layers = type.build(spec, model, scene);
      out.native.push(...layers);
      if (layers.length) out.ids.push(spec.id);
    } else if (deck) {
      const layer = type.build(spec, model, scene, deck);
      if (layer) {
        out.deck.push(layer);
        out.ids.push(spec.id);
      }
    }
  }
  return out;
}
