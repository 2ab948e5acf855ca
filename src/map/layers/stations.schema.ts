import { z } from 'zod';
import { datasetKey, layerId, hexColor, opacity } from './fields';
import { declareLayer } from './layer-type';

// What a config may say of this layer type (read at config load, in the entry chunk): its options schema,
// engine and datasets. How it draws is ./stations.ts, in the map's lazy chunk (docs/map-layers.md).

/**
 * Fire stations (rescue teams of category `fire` in a `resource` feed) with
 * their engines: one layer per status, so the legend names each and counts it.
 * Stations in station are hollow rings, stations whose engines are out are
 * filled and larger — told apart by shape and size, not by colour alone. The
 * tooltip names the station, its status and engines in station / total.
 */
const schema = z
  .object({
    type: z.literal('stations'),
    id: layerId.default('stations'),
    dataset: datasetKey.default('stations'),
    /** Which stations this layer draws. */
    status: z.enum(['standby', 'dispatched']).default('standby'),
    /** Team categories drawn (the feed's `category`); default fire. */
    categories: z.array(z.string().min(1).max(20)).min(1).max(10).default(['fire']),
    /** Radius in design pixels. */
    radius: z.number().min(1).max(40).default(5),
    color: hexColor.default('#36e2b4'),
    opacity: opacity.default(0.95),
  })
  .strict();
export type StationsSpec = z.output<typeof schema>;

export const stationsLayer = declareLayer({
  type: 'stations',
  schema,
  engine: 'deck',
  datasets: (spec) => ({ [spec.dataset]: { contract: 'resource', purpose: 'fire stations and their engines' } }),
});
