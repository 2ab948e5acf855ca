import { definePanel } from '../types';
import { kpiRowOptions, kpiRowSlots } from './economy-options';

/** Headline indicators: value, unit, period, YoY/MoM, sparkline, progress to target. */
export default definePanel({
  type: 'kpi-row',
  optionsSchema: kpiRowOptions,
  datasets: kpiRowSlots,
  load: () => import('../kpi-row'),
  defaultTitle: { zh: '核心指标', en: 'Headline indicators' },
});
