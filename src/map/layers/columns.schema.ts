import { z } from 'zod';
import { datasetKey, layerId, hexColor, opacity } from './fields';
import { declareLayer } from './layer-type';

// What a config may say of this layer type (read at config load, in the entry chunk): its options schema,
// engine and datasets. How it draws is ./columns.ts, in the map's lazy chunk (docs/map-layers.md).

/** Extruded values at region centres: one column per region in view, the tallest `maxHeight` metres. */
const schema = z
  .object({
    type: z.literal('columns'),
    id: layerId.default('columns'),
    dataset: datasetKey.default('choropleth'),
    /** Indicator to extrude; default: the one the map is coloured by. */
    indicator: z.string().min(1).max(64).optional(),
    /** Column radius in metres. */
    radius: z.number().min(500).max(50_000).default(5000),
    /** Height of the tallest column in metres (values are scaled linearly). */
    maxHeight: z.number().min(1000).max(1_000_000).default(90_000),
    color: hexColor.default('#36e2b4'),
    opacity: opacity.default(0.9),
  })
  .strict();

export const columnsLayer = declareLayer({
  type: 'columns',
  schema,
  engine: 'deck',
  datasets: (spec) => ({ [spec.dataset]: { contract: 'region-metric', scope: 'parent', purpose: 'values extruded at region centres' } }),
});
