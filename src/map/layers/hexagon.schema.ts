import { z } from 'zod';
import { datasetKey, layerId, opacity, incidentStatus, OPEN_STATUSES } from './fields';
import { declareLayer } from './layer-type';

// What a config may say of this layer type (read at config load, in the entry chunk): its options schema,
// engine and datasets. How it draws is ./hexagon.ts, in the map's lazy chunk (docs/map-layers.md).

/** Incidents binned in hexagons (deck.gl HexagonLayer, CPU aggregation), optionally extruded. */
const schema = z
  .object({
    type: z.literal('hexagon'),
    id: layerId.default('hexagon'),
    dataset: datasetKey.default('incidents'),
    /** Hexagon radius in metres. */
    radius: z.number().min(500).max(100_000).default(9000),
    extruded: z.boolean().default(true),
    elevationScale: z.number().min(0).max(10_000).default(60),
    coverage: z.number().min(0.1).max(1).default(0.85),
    statuses: z
      .array(incidentStatus)
      .min(1)
      .default([...OPEN_STATUSES]),
    opacity: opacity.default(0.8),
  })
  .strict();

export const hexagonLayer = declareLayer({
  type: 'hexagon',
  schema,
  engine: 'deck',
  datasets: (spec) => ({ [spec.dataset]: { contract: 'incident', purpose: 'incidents binned in hexagons' } }),
});
