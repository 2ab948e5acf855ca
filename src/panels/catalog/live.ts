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

/** Live lists (incidents, 12345 appeals, warnings) and a plain ranked list for non-region items. */
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
  {
    type: 'alert-feed',
    optionsSchema: listOptions.extend({ minLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).default(4) }),
    load: () => import('../live-list').then((m) => ({ default: m.AlertFeed })),
    defaultTitle: { zh: '预警信息', en: 'Warnings' },
  },
  {
    type: 'rank-list',
    optionsSchema: z
      .object({
        max: z.number().int().min(1).max(50).default(10),
        order: z.enum(['desc', 'asc']).default('desc'),
        digits: z.number().int().min(0).max(3).default(1),
      })
      .strict(),
    load: () => import('../live-list').then((m) => ({ default: m.RankList })),
    defaultTitle: { zh: '排行', en: 'Ranking' },
  },
];
