import { z } from 'zod';
import { datasetKey, layerId, hexColor, opacity, indicatorSpec } from './fields';
import { declareLayer } from './layer-type';

// What a config may say of this layer type (read at config load, in the entry chunk): its options schema,
// engine and datasets. How it draws is ./choropleth.ts, in the map's lazy chunk (docs/map-layers.md).

/**
 * Regions coloured by an indicator, drawn natively by MapLibre (a `fill` layer
 * whose colour is a `match` on the region code): a map of choropleths alone
 * loads no deck.gl. Region names and values are the map's DOM labels.
 */
const schema = z
  .object({
    type: z.literal('choropleth'),
    id: layerId.default('choropleth'),
    dataset: datasetKey.default('choropleth'),
    /** Indicators the user can colour the map by (the first is the default). */
    indicators: z.array(indicatorSpec).min(1).max(12),
    defaultIndicator: z.string().optional(),
    /** Class breaks: quantile (equal counts), quantize (equal intervals) or log (equal ratios). */
    scale: z.enum(['quantile', 'quantize', 'log']).default('quantile'),
    classes: z.number().int().min(3).max(7).default(5),
    /** Colour ramp, dark to bright; default: the theme ramp. */
    ramp: z.array(hexColor).min(3).max(9).optional(),
    opacity: opacity.default(0.82),
    /** Show each region's value under its label. */
    showValues: z.boolean().default(true),
  })
  .strict();
export type ChoroplethSpec = z.output<typeof schema>;

export const choroplethLayer = declareLayer({
  type: 'choropleth',
  schema,
  engine: 'maplibre',
  datasets: (spec) => ({ [spec.dataset]: { contract: 'region-metric', scope: 'parent', purpose: 'values to colour the regions by' } }),
});
