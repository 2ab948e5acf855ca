import { z } from 'zod';
import { definePanel, type SlotMap } from '../types';

export const spikeAlertsOptions = z
  .object({
    /** Robust z (the analysis module's spike score) a day must reach. */
    threshold: z.number().min(2).max(20).default(6),
    /** Appeals over the expected value a day must add. */
    minExcess: z.number().min(0).max(100_000).default(30),
    /** …and at least this multiple of the expected value. */
    minRatio: z.number().min(0).max(20).default(0.6),
    /** Only days among the last n complete days raise alerts. */
    recentDays: z.number().int().min(1).max(21).default(7),
    /** Most alerts listed. */
    max: z.number().int().min(1).max(50).default(8),
  })
  .strict();
export type SpikeAlertsOptions = z.output<typeof spikeAlertsOptions>;
export const spikeAlertsSlots = { main: { contract: 'series' } } as const satisfies SlotMap;

/** Spikes of daily appeal volumes by category and region (seasonal median + MAD), raised as alerts, the strongest drawn against its band. */
export default definePanel({
  type: 'spike-alerts',
  optionsSchema: spikeAlertsOptions,
  datasets: spikeAlertsSlots,
  load: () => import('../spike-alerts'),
  defaultTitle: { zh: '诉求激增预警', en: 'Appeal spike alerts' },
});
