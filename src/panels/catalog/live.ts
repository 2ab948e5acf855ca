import { z } from 'zod';
import type { PanelDescriptor } from '../types';

const listOptions = z
  .object({
    /** Most items shown. */
    max: z.number().int().min(1).max(200).default(30),
    /** Only items inside the region in view (by code prefix). */
    followRegion: z.boolean().default(true),
    /** Wall mode: scroll slowly through the list. */
    autoScroll: z.boolean().default(true),
  })
  .strict();

/** Live lists: incidents (emergency) and 12345 appeals (public sentiment). */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous descriptors
export const livePanels: PanelDescriptor<any>[] = [
  {
    type: 'incident-list',
    optionsSchema: listOptions.extend({ minSeverity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).default(4) }),
    load: () => import('../live-list').then((m) => ({ default: m.IncidentList })),
    defaultTitle: { zh: '实时事件', en: 'Live incidents' },
  },
  {
    type: 'appeal-ticker',
    optionsSchema: listOptions,
    load: () => import('../live-list').then((m) => ({ default: m.AppealTicker })),
    defaultTitle: { zh: '最新诉求', en: 'Latest appeals' },
  },
];
