import { z } from 'zod';

/**
 * Option fields shared by the layer types' schemas. Plain zod: a layer file's
 * schema is read at config load (entry chunk), so nothing here may import map code.
 */

export const localized = z.union([z.string().min(1).max(80), z.object({ zh: z.string().min(1).max(80), en: z.string().min(1).max(80) }).strict()]);
export type LocalizedLabel = z.output<typeof localized>;

/** A key of the panel config's `datasets` map (a dataset slot of the map panel), not a dataset id. */
export const datasetKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,40}$/, 'use letters, digits, "-" and "_"');
export const layerId = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'use lower-case letters, digits and dashes');
export const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #3ad0ff');
export const opacity = z.number().min(0).max(1);
export const severityLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const incidentStatus = z.enum(['reported', 'dispatched', 'onsite', 'controlled', 'closed']);
/** Every status but `closed`: what a map of open incidents draws. */
export const OPEN_STATUSES = ['reported', 'dispatched', 'onsite', 'controlled'] as const;

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
