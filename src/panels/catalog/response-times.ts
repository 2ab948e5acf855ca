import { z } from 'zod';
import { definePanel, type SlotMap } from '../types';

export const responseTimesOptions = z
  .object({
    /** Also show the share of incidents on scene within target as a column (it is always in the data table). */
    showOnTarget: z.boolean().default(false),
  })
  .strict();
export type ResponseTimesOptions = z.output<typeof responseTimesOptions>;
export const responseTimesSlots = { main: { contract: 'response-time' } } as const satisfies SlotMap;

/** Time to dispatch and time to scene by incident level (Ⅰ–Ⅳ) against their targets, minutes. */
export default definePanel({
  type: 'response-times',
  optionsSchema: responseTimesOptions,
  datasets: responseTimesSlots,
  load: () => import('../response-times'),
  defaultTitle: { zh: '响应时效', en: 'Response times' },
});
