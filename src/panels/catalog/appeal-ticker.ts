import { appealItems } from '../live-model';
import { definePanel } from '../types';
import { term } from '../../i18n/translate';
import { column } from './columns';
import { appealTickerOptions, appealTickerSlots } from './live-options';

/** The 12345 hotline's latest appeals (push), newest first, as plain text. */
export default definePanel({
  type: 'appeal-ticker',
  optionsSchema: appealTickerOptions,
  datasets: appealTickerSlots,
  load: async () => ({ default: (await import('../live-list')).AppealTicker }),
  defaultTitle: { zh: '最新诉求', en: 'Latest appeals' },
  follows: ['category', 'channel'],
  toTable: ({ main }, options, view) => ({
    columns: [
      column(view, 'time', 'col.time', 'time'),
      column(view, 'channel', 'col.channel', 'text'),
      column(view, 'category', 'col.category', 'text'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'text', 'col.text', 'text'),
      column(view, 'status', 'col.status', 'text'),
      column(view, 'department', 'col.department', 'text'),
    ],
    rows: appealItems(main.records, options, view.region, view.filters).map((r) => ({
      time: r.receivedAt,
      channel: term('appeal.channel', r.channel, view.locale),
      category: term('appeal.category', r.category, view.locale),
      region: r.region,
      regionName: view.regionLabel(r.region),
      text: r.text,
      status: term('appeal.status', r.status, view.locale),
      department: r.department ?? null,
    })),
  }),
});
