import { z } from 'zod';
import { isSafeLink } from '../lib/safe-object';
import { opacity } from './layers/fields';

/** Optional raster base maps under the region boundaries (plain zod: read at config load). */

/** Tile URLs: http(s), protocol-relative or relative, with {z}/{x}/{y}. Never javascript:/data:. */
const tileUrl = z
  .string()
  .max(500)
  .refine((u) => isSafeLink(u), 'only http(s) or relative tile URLs')
  .refine((u) => u.includes('{z}') && u.includes('{x}') && (u.includes('{y}') || u.includes('{-y}')), 'the URL needs {z}, {x} and {y}');

export const xyzBaseMap = z
  .object({
    type: z.literal('xyz'),
    /** One or more URL templates (several hosts spread the load). */
    tiles: z.array(tileUrl).min(1).max(8),
    tileSize: z.union([z.literal(256), z.literal(512)]).default(256),
    minzoom: z.number().int().min(0).max(22).default(0),
    maxzoom: z.number().int().min(0).max(22).default(18),
    /** Plain text; shown as text, never as HTML. */
    attribution: z.string().max(200).default(''),
    /** Datum of the tiles: intranet/Tianditu tiles are WGS-84 (CGCS2000); AMap-style tiles are GCJ-02. */
    datum: z.enum(['wgs84', 'gcj02']).default('wgs84'),
    opacity: opacity.default(1),
  })
  .strict();

export const tiandituBaseMap = z
  .object({
    type: z.literal('tianditu'),
    /** Tianditu (天地图) key; the tiles come from t0-t7.tianditu.gov.cn (needs that network). */
    key: z.string().regex(/^[a-zA-Z0-9]{8,64}$/, 'expected a Tianditu key'),
    layer: z.enum(['vec', 'img', 'ter']).default('img'),
    /** Add the Chinese annotation layer (cva/cia/cta). */
    annotation: z.boolean().default(false),
    opacity: opacity.default(1),
  })
  .strict();

export const baseMapSpec = z.discriminatedUnion('type', [xyzBaseMap, tiandituBaseMap]);
export type BaseMapSpec = z.output<typeof baseMapSpec>;

/** Datum of the tiles (Tianditu is always WGS-84). */
export function baseMapDatum(baseMap: BaseMapSpec | undefined): 'wgs84' | 'gcj02' | null {
  if (!baseMap) return null;
  return baseMap.type === 'xyz' ? baseMap.datum : 'wgs84';
}
