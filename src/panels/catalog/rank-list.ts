import { definePanel } from '../types';
import { rankListOptions, rankListSlots } from './live-options';

/** A ranked list of named items (departments, topics) as plain DOM bars. */
export default definePanel({
  type: 'rank-list',
  optionsSchema: rankListOptions,
  datasets: rankListSlots,
  load: async () => ({ default: (await import('../live-list')).RankList }),
  defaultTitle: { zh: '排行', en: 'Ranking' },
});
