import type { PanelDescriptor } from '../types';
import { alertListOptions, compositionOptions, gaugeOptions, rankingOptions, tableOptions, trendOptions } from './economy-options';

/**
 * Panel types of the economy panel library. Components load lazily (and with
 * them the chart layer); schemas are checked at config load. See docs/panels.md.
 */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous descriptors
export const economyPanels: PanelDescriptor<any>[] = [
  {
    type: 'trend',
    optionsSchema: trendOptions,
    load: () => import('../trend-panel'),
    defaultTitle: { zh: '走势', en: 'Trend' },
  },
  {
    type: 'ranking',
    optionsSchema: rankingOptions,
    load: () => import('../ranking-panel'),
    defaultTitle: { zh: '地区排名', en: 'Regional ranking' },
  },
  {
    type: 'composition',
    optionsSchema: compositionOptions,
    load: () => import('../composition-panel'),
    defaultTitle: { zh: '构成', en: 'Composition' },
  },
  {
    type: 'gauge',
    optionsSchema: gaugeOptions,
    load: () => import('../gauge-panel'),
    defaultTitle: { zh: '目标完成', en: 'Progress to target' },
  },
  {
    type: 'table',
    optionsSchema: tableOptions,
    load: () => import('../table-panel'),
    defaultTitle: { zh: '重点项目', en: 'Key projects' },
  },
  {
    type: 'alert-list',
    optionsSchema: alertListOptions,
    load: () => import('../alert-list-panel'),
    defaultTitle: { zh: '监测预警', en: 'Threshold alerts' },
  },
];
