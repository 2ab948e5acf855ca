import { z } from 'zod';
import { definePanel, type SlotMap } from '../types';

/** Options, checked at config load: which indicator of the KPI dataset to show. */
export const statOptions = z
  .object({
    /** KPI id of the `kpi` dataset, e.g. "gdp". */
    indicator: z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/, 'an indicator id like "gdp"'),
  })
  .strict();
export type StatOptions = z.output<typeof statOptions>;

/** One slot: the panel reads `kpi` records from the dataset its config names in `dataset`. */
export const statSlots = { main: { contract: 'kpi' } } as const satisfies SlotMap;

/** A single headline figure (one KPI card, large): for overview walls and briefings. */
export default definePanel({
  type: 'stat',
  optionsSchema: statOptions,
  datasets: statSlots,
  load: () => import('../stat-panel'),
  defaultTitle: { zh: '核心指标', en: 'Headline figure' },
});
