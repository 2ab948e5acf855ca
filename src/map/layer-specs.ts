import { z } from 'zod';
import { baseMapSpec } from './base-map';
import { layerId } from './layers/fields';
import { type LayerSpec, layerSlots, layerSpec } from './layers/declarations';
import type { LayerSlot } from './layers/layer-type';

/**
 * The map panel's options: base map, behaviour and data layers, all declared in
 * config (serialisable, after kepler.gl). The layer union is assembled from the
 * layer registry's schemas (src/map/layers/). Plain zod and layer files: no
 * MapLibre or deck.gl, so the panel registry validates configs without the map stack.
 */
export const mapPanelOptions = z
  .object({
    layers: z
      .array(layerSpec)
      .max(8)
      .default([])
      .refine((layers) => new Set(layers.map((l) => l.id)).size === layers.length, 'layer ids must be unique')
      .refine((layers) => layers.filter((l) => l.type === 'choropleth').length <= 1, 'at most one choropleth layer')
      .superRefine((layers, ctx) => {
        try {
          layerSlots(layers);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
    /** Optional raster base map under the region boundaries (none: the boundaries alone, fully offline). */
    baseMap: baseMapSpec.optional(),
    /** Datum of the region pack and of the point feeds; overlays are shifted to the base map's datum. */
    dataDatum: z.enum(['gcj02', 'wgs84']).default('gcj02'),
    /** Deepest level a click drills to: `city` (counties shown, no county selection), `county`, or `none`. */
    drill: z.enum(['county', 'city', 'none']).default('county'),
    labels: z.boolean().default(true),
    legend: z.boolean().default(true),
    /** Let the user switch the choropleth indicator (stored as `?f.indicator=`). */
    indicatorPicker: z.boolean().default(true),
    /** Camera pitch in degrees; 3D layers (columns, extruded hexagons) want 35–50. */
    pitch: z.number().min(0).max(60).default(0),
    /** Space kept around the region in view, design pixels. */
    padding: z.number().min(0).max(200).default(28),
    /** Layer (id) whose data is the panel's table and export; default: the topmost layer that has one. */
    table: layerId.optional(),
  })
  .strict()
  .refine((o) => o.table === undefined || o.layers.some((l) => l.id === o.table), { message: 'names no layer of this map', path: ['table'] });
export type MapPanelOptions = z.output<typeof mapPanelOptions>;

export { layerSpec, type LayerSpec };
export type { BaseMapSpec } from './base-map';
export type { ChoroplethSpec } from './layers/choropleth.schema';
export type { PointsSpec } from './layers/points.schema';
export type { IndicatorSpec, LocalizedLabel } from './layers/fields';

/** The map panel's dataset slots: one per dataset key its layers read (`choropleth`, `incidents`, `resources`…). */
export function mapSlots(options: Pick<MapPanelOptions, 'layers'>): Record<string, LayerSlot> {
  return layerSlots(options.layers);
}
