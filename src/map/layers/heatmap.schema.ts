import { z } from 'zod';
import { datasetKey, layerId, opacity, incidentStatus, OPEN_STATUSES } from './fields';
import { declareLayer } from './layer-type';

// What a config may say of this layer type (read at config load, in the entry chunk): its options schema,
// engine and datasets. How it draws is ./heatmap.ts, in the map's lazy chunk (docs/map-layers.md).

/** Incident density (deck.gl HeatmapLayer), weighted by severity or counted. */
const schema = z
  .object({
    type: z.literal('heatmap'),
    id: layerId.default('heatmap'),
    dataset: datasetKey.default('incidents'),
    /** Kernel radius in design pixels. */
    radiusPixels: z.number().min(5).max(200).default(36),
    intensity: z.number().min(0.1).max(10).default(1),
    threshold: z.number().min(0).max(1).default(0.04),
    /** Weight each incident by severity (red 4 … blue 1) or count them equally. */
    weightBy: z.enum(['severity', 'count']).default('severity'),
    statuses: z
      .array(incidentStatus)
      .min(1)
      .default([...OPEN_STATUSES]),
    opacity: opacity.default(0.75),
  })
  .strict();

export const heatmapLayer = declareLayer({
  type: 'heatmap',
  schema,
  engine: 'deck',
  datasets: (spec) => ({ [spec.dataset]: { contract: 'incident', purpose: 'incidents whose density is drawn' } }),
});
