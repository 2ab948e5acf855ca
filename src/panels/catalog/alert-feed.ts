import { alertItems } from '../live-model';
import { definePanel } from '../types';
import { term } from '../../i18n/translate';
import { column } from './columns';
import { alertFeedOptions, alertFeedSlots } from './live-options';

/** Weather warnings and sensor alarms, newest first, four-colour levels. */
export default definePanel({
  type: 'alert-feed',
  optionsSchema: alertFeedOptions,
  datasets: alertFeedSlots,
  load: async () => ({ default: (await import('../live-list')).AlertFeed }),
  defaultTitle: { zh: '预警信息', en: 'Warnings' },
  toTable: ({ main }, options, view) => ({
    columns: [
      column(view, 'time', 'col.time', 'time'),
      column(view, 'level', 'col.level', 'text'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'message', 'col.message', 'text'),
    ],
    rows: alertItems(main.records, options, view.region).map((r) => ({
      time: r.at,
      level: term('incident.level', r.level, view.locale),
      region: r.region ?? null,
      regionName: r.region ? view.regionLabel(r.region) : null,
      message: r.message,
    })),
  }),
});
