import { definePanel } from '../types';
import { appealTickerOptions, appealTickerSlots } from './live-options';

/** The 12345 hotline's latest appeals (push), newest first, as plain text. */
export default definePanel({
  type: 'appeal-ticker',
  optionsSchema: appealTickerOptions,
  datasets: appealTickerSlots,
  load: async () => ({ default: (await import('../live-list')).AppealTicker }),
  defaultTitle: { zh: '最新诉求', en: 'Latest appeals' },
  follows: ['category', 'channel'],
});
