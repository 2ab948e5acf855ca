import { z } from 'zod';
import { definePanel, type SlotMap } from '../types';

export const levelsOptions = z
  .object({
    /** River gauges, reservoirs or both. */
    kind: z.enum(['river', 'reservoir', 'all']).default('all'),
    /** Most stations shown (worst first). */
    max: z.number().int().min(1).max(60).default(12),
  })
  .strict();
export type LevelsOptions = z.output<typeof levelsOptions>;
export const levelsSlots = { main: { contract: 'water-level' } } as const satisfies SlotMap;

/** River gauges against warning / guaranteed levels, reservoirs against the flood-limit (or normal pool) level; worst first. */
export default definePanel({
  type: 'levels',
  optionsSchema: levelsOptions,
  datasets: levelsSlots,
  load: () => import('../levels-panel'),
  defaultTitle: { zh: '水情', en: 'Water levels' },
});
