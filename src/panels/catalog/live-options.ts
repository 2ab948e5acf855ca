import { z } from 'zod';
import type { SlotMap } from '../types';

/** Options of the live list panel types, checked at config load (unknown keys are errors). */
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const listOptions = z
  .object({
    /** Most items shown. */
    max: z.number().int().min(1).max(200).default(30),
    /** Only items inside the region in view (by code prefix). */
    followRegion: z.boolean().default(true),
    /** Wall mode: scroll slowly through the list. */
    autoScroll: z.boolean().default(true),
  })
  .strict();

export const incidentListOptions = listOptions.extend({ minSeverity: level.default(4) });
export type IncidentListOptions = z.output<typeof incidentListOptions>;

export const appealTickerOptions = listOptions;
export type AppealTickerOptions = z.output<typeof appealTickerOptions>;

export const alertFeedOptions = listOptions.extend({ minLevel: level.default(4) });
export type AlertFeedOptions = z.output<typeof alertFeedOptions>;

export const sensorListOptions = listOptions.extend({
  /** Also list alarms that have cleared (greyed, marked 已消除). */
  showCleared: z.boolean().default(true),
});
export type SensorListOptions = z.output<typeof sensorListOptions>;

export const rankListOptions = z
  .object({
    max: z.number().int().min(1).max(50).default(10),
    order: z.enum(['desc', 'asc']).default('desc'),
    digits: z.number().int().min(0).max(3).default(1),
  })
  .strict();
export type RankListOptions = z.output<typeof rankListOptions>;

/** Dataset slots of the live list types (the component's props and the descriptor share them). */
export const incidentListSlots = { main: { contract: 'incident' } } as const satisfies SlotMap;
export const appealTickerSlots = { main: { contract: 'text-item' } } as const satisfies SlotMap;
export const alertFeedSlots = { main: { contract: 'alert' } } as const satisfies SlotMap;
export const rankListSlots = { main: { contract: 'rank' } } as const satisfies SlotMap;
export const sensorListSlots = { main: { contract: 'sensor-alarm' } } as const satisfies SlotMap;
