import { definePanel } from '../types';
import { rankingOptions, rankingSlots } from './economy-options';

/** Regions below the one in view ranked by an indicator; a click drills in. */
export default definePanel({
  type: 'ranking',
  optionsSchema: rankingOptions,
  datasets: rankingSlots,
  load: () => import('../ranking-panel'),
  defaultTitle: { zh: '地区排名', en: 'Regional ranking' },
});
