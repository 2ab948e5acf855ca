import { z } from 'zod';
import { datasetKey, layerId, opacity, severityLevel, incidentStatus, OPEN_STATUSES } from './fields';
import { declareLayer } from './layer-type';

// What a config may say of this layer type (read at config load, in the entry chunk): its options schema,
// engine and datasets. How it draws is ./points.ts, in the map's lazy chunk (docs/map-layers.md).

/**
 * Incidents by category and four-colour level (red I … blue IV); more severe
 * points are larger and drawn on top; red points pulse (a CSS ring: the WebGL
 * canvas does not repaint for it). `circle` feeds deck.gl binary attributes
 * (100k+ points at 1 Hz); `icon` draws a glyph per category (≤ ~5,000 points).
 */
const schema = z
  .object({
    type: z.literal('points'),
    id: layerId.default('points'),
    dataset: datasetKey.default('incidents'),
    /** `level`: a shape per level (Ⅰ ◆, Ⅱ ▲, Ⅲ ●, Ⅳ ■) so levels read without colour (≤ ~5,000 points). */
    symbol: z.enum(['circle', 'icon', 'level']).default('circle'),
    /** Radius of a level-IV point in design pixels; higher levels are drawn larger. */
    radius: z.number().min(1).max(40).default(5),
    /** Only draw incidents at this level or more severe (1 = red only, 4 = all). */
    minSeverity: severityLevel.default(4),
    /** Incident types to draw; default all. */
    types: z.array(z.string().min(1).max(20)).max(20).optional(),
    /** Statuses to draw; default every status but `closed`. */
    statuses: z
      .array(incidentStatus)
      .min(1)
      .default([...OPEN_STATUSES]),
    /** Red (level I) incidents pulse (CSS animation; off under prefers-reduced-motion). */
    pulse: z.boolean().default(true),
    opacity: opacity.default(0.9),
  })
  .strict();
export type PointsSpec = z.output<typeof schema>;

export const pointsLayer = declareLayer({
  type: 'points',
  schema,
  engine: 'deck',
  datasets: (spec) => ({ [spec.dataset]: { contract: 'incident', purpose: 'incidents drawn as points' } }),
});

/**
 * The map rings at most this many red (level-I) incidents: the newest (the
 * points layer orders them; label-layer.ts draws the rings). Red is rare; in
 * a storm of thousands the legend still counts them all.
 */
export const MAX_PULSES = 60;
