import { definePanel } from '../types';
import { alertListOptions, alertListSlots } from './economy-options';

/** Threshold rules from config evaluated on region metrics (and province KPIs); four-colour levels. */
export default definePanel({
  type: 'alert-list',
  optionsSchema: alertListOptions,
  datasets: alertListSlots,
  load: () => import('../alert-list-panel'),
  defaultTitle: { zh: '监测预警', en: 'Threshold alerts' },
});
