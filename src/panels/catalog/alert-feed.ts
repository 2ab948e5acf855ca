import { definePanel } from '../types';
import { alertFeedOptions, alertFeedSlots } from './live-options';

/** Weather warnings and sensor alarms, newest first, four-colour levels. */
export default definePanel({
  type: 'alert-feed',
  optionsSchema: alertFeedOptions,
  datasets: alertFeedSlots,
  load: async () => ({ default: (await import('../live-list')).AlertFeed }),
  defaultTitle: { zh: '预警信息', en: 'Warnings' },
});
