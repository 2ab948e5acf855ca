import { definePanel } from '../types';
import { compositionOptions, compositionSlots } from './economy-options';

/** Parts of a whole: ring, pie, rose or treemap, each part with its share. */
export default definePanel({
  type: 'composition',
  optionsSchema: compositionOptions,
  datasets: compositionSlots,
  load: () => import('../composition-panel'),
  defaultTitle: { zh: '构成', en: 'Composition' },
  follows: (options) => (options.crossFilter ? [options.crossFilter.key] : []),
});
