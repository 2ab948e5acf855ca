import { insightsOptions, insightsSlots } from './insights-options';
import { definePanel } from '../types';

/** A short ranked list of plain-language findings for the region in view, each linked to the panel that shows it. */
export default definePanel({
  type: 'insights',
  optionsSchema: insightsOptions,
  datasets: insightsSlots,
  load: () => import('../insights-panel'),
  defaultTitle: { zh: '研判发现', en: 'Insights' },
});
