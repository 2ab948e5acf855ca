import { definePanel } from '../types';
import { trendOptions, trendSlots } from './economy-options';

/** Lines or bars over the view's time range, with target, prior-year comparison, forecast, spikes and trend breaks. */
export default definePanel({
  type: 'trend',
  optionsSchema: trendOptions,
  datasets: trendSlots,
  load: () => import('../trend-panel'),
  defaultTitle: { zh: '走势', en: 'Trend' },
});
