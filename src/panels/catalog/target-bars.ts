import { z } from 'zod';
import { definePanel, type SlotMap } from '../types';

const indicatorId = z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/, 'an indicator id like "arrival"');
const text = z.object({ zh: z.string().min(1).max(40), en: z.string().min(1).max(60) }).strict();

export const targetBarsOptions = z
  .object({
    /** Indicator of the `region-metric` dataset. */
    indicator: indicatorId,
    /** The target in the indicator's unit, and which side of it is good ("below": arrival minutes; "above": coverage). */
    target: z.object({ value: z.number().finite(), better: z.enum(['below', 'above']) }).strict(),
    /** What the mark is called when it is not a target (e.g. {"zh": "警戒线", "en": "Alert line"}). */
    targetName: text.optional(),
    order: z.enum(['desc', 'asc']).default('desc'),
    /** Show at most this many regions (0 = all). */
    limit: z.number().int().min(0).max(200).default(0),
    /** Top of the scale (bars always start at 0); default: 100 for %, else the largest value or target × 1.1. */
    max: z.number().positive().optional(),
    digits: z.number().int().min(0).max(3).default(1),
    /** A click on a region drills into it. */
    drill: z.boolean().default(true),
  })
  .strict();
export type TargetBarsOptions = z.output<typeof targetBarsOptions>;
export const targetBarsSlots = { main: { contract: 'region-metric', scope: 'parent' } } as const satisfies SlotMap;

/** Regions' values against a target as bars from zero with the target marked; misses said in words and shape. */
export default definePanel({
  type: 'target-bars',
  optionsSchema: targetBarsOptions,
  datasets: targetBarsSlots,
  load: () => import('../target-bars-panel'),
  defaultTitle: { zh: '目标对比', en: 'Against target' },
});
