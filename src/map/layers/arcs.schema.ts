import { z } from 'zod';
import { datasetKey, layerId, hexColor, opacity, incidentStatus } from './fields';
import { type LayerSlot, declareLayer } from './layer-type';

// What a config may say of this layer type (read at config load, in the entry chunk): its options schema,
// engine and datasets. How it draws is ./arcs.ts, in the map's lazy chunk (docs/map-layers.md).

/**
 * Dispatch lines: from each dispatched rescue resource to its incident (with
 * `resources`), or from the incident's city command centre (or a fixed point)
 * to each incident in the given statuses. The line runs from `color` to the
 * incident's level colour.
 */
const schema = z
  .object({
    type: z.literal('arcs'),
    id: layerId.default('arcs'),
    /** Incidents (the arcs' targets). */
    dataset: datasetKey.default('incidents'),
    /** Rescue resources (contract `resource`): each dispatched resource naming an `incidentId` draws an arc to it. */
    resources: datasetKey.optional(),
    /** Without `resources`: where dispatches start — `city` (the city's command centre) or a fixed [lon, lat]. */
    from: z.union([z.literal('city'), z.tuple([z.number().min(73).max(136), z.number().min(3).max(54)])]).default('city'),
    /** Incident statuses that get an arc (without `resources`): teams on their way. */
    statuses: z.array(incidentStatus).min(1).default(['dispatched']),
    /** Line width in design pixels. */
    width: z.number().min(0.5).max(12).default(2.5),
    color: hexColor.default('#3ad0ff'),
    opacity: opacity.default(0.85),
  })
  .strict();

export const arcsLayer = declareLayer({
  type: 'arcs',
  schema,
  engine: 'deck',
  datasets: (spec) => {
    const slots: Record<string, LayerSlot> = { [spec.dataset]: { contract: 'incident', purpose: 'incidents the dispatch lines go to' } };
    if (spec.resources) slots[spec.resources] = { contract: 'resource', purpose: 'rescue resources the dispatch lines start from' };
    return slots;
  },
});
