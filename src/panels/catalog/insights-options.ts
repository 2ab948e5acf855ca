import { z } from 'zod';
import type { SlotMap } from '../types';

/** Options of the `insights` panel (docs/insights.md). */
export const insightsOptions = z
  .object({
    /** Monthly series of the region in view to look at for spikes and trend breaks. */
    indicators: z
      .array(z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/))
      .max(12)
      .default(['retail', 'industry', 'fai', 'unemployment', 'budget']),
    /** The alert-list panel (same screen) whose rules give the threshold breaches and forecast warnings. */
    alertsPanel: z.string().min(1).max(60).optional(),
    /** Which panel a finding focuses: per indicator, and for region comparisons (ranking), alerts and headline cards. */
    links: z
      .object({
        indicators: z.record(z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/), z.string().min(1).max(60)).default({}),
        regions: z.string().min(1).max(60).optional(),
        kpis: z.string().min(1).max(60).optional(),
      })
      .strict()
      .prefault({}),
    maxItems: z.number().int().min(1).max(6).default(6),
  })
  .strict();
export type InsightsOptions = z.output<typeof insightsOptions>;

export const insightsSlots = {
  main: { contract: 'region-metric', purpose: 'indicators of the regions below the one in view (movers, breaches)' },
  kpi: { contract: 'kpi', optional: true, purpose: 'headline indicators of the region in view (names, targets, pace)' },
  history: { contract: 'series', optional: true, purpose: 'monthly history of the region in view (spikes, trend breaks, pace)' },
  children: { contract: 'series', optional: true, purpose: 'monthly history of each region below (forecast warnings)' },
} as const satisfies SlotMap;
