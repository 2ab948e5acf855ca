import { z } from 'zod';
import { term } from '../../i18n/translate';
import { spikeReport } from '../spike-model';
import { definePanel, type SlotMap } from '../types';
import { column } from './columns';

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
  toTable: ({ main }, options, view) => ({
    columns: [
      column(view, 'day', 'spike.col.day', 'text'),
      column(view, 'category', 'col.category', 'text'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'observed', 'spike.col.observed', 'number', { unit: '件', digits: 0 }),
      column(view, 'expected', 'spike.col.expected', 'number', { unit: '件', digits: 0 }),
      column(view, 'lo', 'spike.col.lo', 'number', { unit: '件', digits: 0 }),
      column(view, 'hi', 'spike.col.hi', 'number', { unit: '件', digits: 0 }),
      column(view, 'score', 'spike.col.score', 'number', { digits: 1 }),
    ],
    rows: spikeReport(main.records, options)
      .alerts.slice(0, options.max)
      .map((a) => ({
        day: a.t,
        category: term('appeal.category', a.name, view.locale),
        region: a.region,
        regionName: view.regionLabel(a.region),
        observed: a.observed,
        expected: Math.round(a.expected),
        lo: Math.round(a.lo),
        hi: Math.round(a.hi),
        score: Math.round(a.score * 10) / 10,
      })),
  }),
});
