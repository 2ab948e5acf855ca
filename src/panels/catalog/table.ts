import { definePanel } from '../types';
import { tableOptions, tableSlots } from './economy-options';

/** Key projects: sortable, auto-scrolling on the wall, status in words and colour. */
export default definePanel({
  type: 'table',
  optionsSchema: tableOptions,
  datasets: tableSlots,
  load: () => import('../table-panel'),
  defaultTitle: { zh: '重点项目', en: 'Key projects' },
});
