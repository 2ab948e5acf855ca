import { z } from 'zod';
import { Registry } from '../lib/registry';
import { economyPanels } from './catalog/economy';
import { livePanels } from './catalog/live';
import { mapPanels } from './catalog/map';
import type { PanelDescriptor } from './types';

// biome-ignore lint/suspicious/noExplicitAny: descriptors are heterogeneous; options are validated by each schema
export const panels = new Registry<PanelDescriptor<any>>('panel type');

/** Built-in panel types. Components load lazily; schemas are checked at config load. */
panels.register('kpi-row', {
  type: 'kpi-row',
  optionsSchema: z
    .object({
      /** Indicator ids in display order; default: all, in feed order. */
      indicators: z.array(z.string()).default([]),
      columns: z.number().int().min(1).max(12).default(5),
    })
    .strict(),
  load: () => import('./kpi-row'),
});

// Catalogues owned by their feature areas; each lists descriptors, nothing registers as a side effect.

for (const d of [...economyPanels, ...mapPanels, ...livePanels]) panels.register(d.type, d);
