import { z } from 'zod';
import { isSafeLink } from '../lib/safe-object';

/**
 * The map panel's options: base map, behaviour and data layers, all declared
 * in config (serialisable, after kepler.gl). This module is plain zod — no
 * MapLibre or deck.gl — so the panel registry can validate configs without
 * pulling the map stack into the entry chunk.
 */

const localized = z.union([z.string().min(1).max(80), z.object({ zh: z.string().min(1).max(80), en: z.string().min(1).max(80) }).strict()]);
export type LocalizedLabel = z.output<typeof localized>;

/** A key of the panel config's `datasets` map (not a dataset id). */
const datasetKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,40}$/, 'use letters, digits, "-" and "_"');
const layerId = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'use lower-case letters, digits and dashes');
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #3ad0ff');
const opacity = z.number().min(0).max(1);
const severityLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const incidentStatus = z.enum(['reported', 'dispatched', 'onsite', 'controlled', 'closed']);

export const indicatorSpec = z
  .object({
    id: z.string().min(1).max(64),
    name: localized,
    /** Unit shown in the legend when the records carry none. */
    unit: z.string().max(12).optional(),
    /** Decimal places in the legend and labels; default from the magnitude. */
    digits: z.number().int().min(0).max(4).optional(),
  })
  .strict();
export type IndicatorSpec = z.output<typeof indicatorSpec>;

export const choroplethSpec = z
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

export const pointsSpec = z
  .object({
    type: z.literal('points'),
    id: layerId.default('points'),
    dataset: datasetKey.default('incidents'),
    /** `circle` scales to 100k+ points (binary attributes); `icon` draws a glyph per category (≤ 5,000 points). */
    symbol: z.enum(['circle', 'icon']).default('circle'),
    /** Radius of a level-IV point in design pixels; higher levels are drawn larger. */
    radius: z.number().min(1).max(40).default(5),
    /** Only draw incidents at this level or more severe (1 = red only, 4 = all). */
    minSeverity: severityLevel.default(4),
    /** Incident types to draw; default all. */
    types: z.array(z.string().min(1).max(20)).max(20).optional(),
    /** Statuses to draw; default every status but `closed`. */
    statuses: z.array(incidentStatus).min(1).default(['reported', 'dispatched', 'onsite', 'controlled']),
    /** Red (level I) incidents pulse (CSS animation; off under prefers-reduced-motion). */
    pulse: z.boolean().default(true),
    opacity: opacity.default(0.9),
  })
  .strict();

export const heatmapSpec = z
  .object({
    type: z.literal('heatmap'),
    id: layerId.default('heatmap'),
    dataset: datasetKey.default('incidents'),
    radiusPixels: z.number().min(5).max(200).default(36),
    intensity: z.number().min(0.1).max(10).default(1),
    threshold: z.number().min(0).max(1).default(0.04),
    /** Weight each incident by severity (red 4 … blue 1) or count them equally. */
    weightBy: z.enum(['severity', 'count']).default('severity'),
    statuses: z.array(incidentStatus).min(1).default(['reported', 'dispatched', 'onsite', 'controlled']),
    opacity: opacity.default(0.75),
  })
  .strict();

export const hexagonSpec = z
  .object({
    type: z.literal('hexagon'),
    id: layerId.default('hexagon'),
    dataset: datasetKey.default('incidents'),
    /** Hexagon radius in metres. */
    radius: z.number().min(500).max(100_000).default(9000),
    extruded: z.boolean().default(true),
    elevationScale: z.number().min(0).max(10_000).default(60),
    coverage: z.number().min(0.1).max(1).default(0.85),
    statuses: z.array(incidentStatus).min(1).default(['reported', 'dispatched', 'onsite', 'controlled']),
    opacity: opacity.default(0.8),
  })
  .strict();

export const arcsSpec = z
  .object({
    type: z.literal('arcs'),
    id: layerId.default('arcs'),
    /** Incidents (the arcs' targets). */
    dataset: datasetKey.default('incidents'),
    /**
     * Rescue resources (contract `resource`): when given, each dispatched
     * resource naming an `incidentId` draws an arc from where it is to that incident.
     */
    resources: datasetKey.optional(),
    /**
     * Without `resources`: where dispatches start — `city` = the command centre
     * of the incident's city (the centre of its urban districts), or a fixed [lon, lat].
     */
    from: z.union([z.literal('city'), z.tuple([z.number().min(73).max(136), z.number().min(3).max(54)])]).default('city'),
    /** Incident statuses that get an arc (without `resources`): teams on their way. */
    statuses: z.array(incidentStatus).min(1).default(['dispatched']),
    width: z.number().min(0.5).max(12).default(2.5),
    color: hexColor.default('#3ad0ff'),
    opacity: opacity.default(0.85),
  })
  .strict();

export const columnsSpec = z
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

export const layerSpec = z.discriminatedUnion('type', [choroplethSpec, pointsSpec, heatmapSpec, hexagonSpec, arcsSpec, columnsSpec]);
export type LayerSpec = z.output<typeof layerSpec>;
export type ChoroplethSpec = z.output<typeof choroplethSpec>;
export type PointsSpec = z.output<typeof pointsSpec>;
export type HeatmapSpec = z.output<typeof heatmapSpec>;
export type HexagonSpec = z.output<typeof hexagonSpec>;
export type ArcsSpec = z.output<typeof arcsSpec>;
export type ColumnsSpec = z.output<typeof columnsSpec>;
export type LayerType = LayerSpec['type'];

export type MapContract = 'region-metric' | 'incident' | 'resource';

/** The dataset keys a layer reads, with the record contract of each. */
export function layerDatasets(layer: LayerSpec): [key: string, contract: MapContract][] {
  switch (layer.type) {
    case 'choropleth':
    case 'columns':
      return [[layer.dataset, 'region-metric']];
    case 'arcs':
      return layer.resources
        ? [
            [layer.dataset, 'incident'],
            [layer.resources, 'resource'],
          ]
        : [[layer.dataset, 'incident']];
    default:
      return [[layer.dataset, 'incident']];
  }
}

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

export const mapPanelOptions = z
  .object({
    layers: z
      .array(layerSpec)
      .max(8)
      .default([])
      .refine((layers) => new Set(layers.map((l) => l.id)).size === layers.length, 'layer ids must be unique')
      .refine((layers) => layers.filter((l) => l.type === 'choropleth').length <= 1, 'at most one choropleth layer'),
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
  })
  .strict();
export type MapPanelOptions = z.output<typeof mapPanelOptions>;

/** Dataset keys the layers read, with the contract each needs; throws on a key used with two contracts. */
export function datasetNeeds(layers: readonly LayerSpec[]): Map<string, MapContract> {
  const needs = new Map<string, MapContract>();
  for (const layer of layers) {
    for (const [key, contract] of layerDatasets(layer)) {
      const prev = needs.get(key);
      if (prev && prev !== contract) throw new Error(`map layer "${layer.id}": dataset key "${key}" is already used with contract "${prev}"`);
      needs.set(key, contract);
    }
  }
  return needs;
}
