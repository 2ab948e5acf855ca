import { definePanel } from '../types';
import { gaugeOptions, gaugeSlots } from './economy-options';

/** One KPI on a dial: progress to its annual target, with the share of the year elapsed. */
export default definePanel({
  type: 'gauge',
  optionsSchema: gaugeOptions,
  datasets: gaugeSlots,
  load: () => import('../gauge-panel'),
  defaultTitle: { zh: '目标完成', en: 'Progress to target' },
});
