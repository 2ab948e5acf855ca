import { shares } from '../../charts/models/composition';
import { definePanel } from '../types';
import { column } from './columns';
import { compositionOptions, compositionSlots } from './economy-options';

/** Parts of a whole: ring, pie, rose or treemap, each part with its share. */
export default definePanel({
  type: 'composition',
  optionsSchema: compositionOptions,
  datasets: compositionSlots,
  load: () => import('../composition-panel'),
  defaultTitle: { zh: '构成', en: 'Composition' },
  follows: (options) => (options.crossFilter ? [options.crossFilter.key] : []),
  toTable: ({ main }, _options, view) => {
    const parts = shares(main.records ?? [], view);
    const units = new Set(parts.map((p) => p.unit ?? ''));
    const unit = units.size === 1 ? [...units][0] || undefined : undefined;
    return {
      columns: [
        column(view, 'item', 'col.item', 'text'),
        column(view, 'value', 'col.value', 'number', { unit }),
        column(view, 'share', 'col.share', 'percent', { unit: '%', digits: 1 }),
      ],
      rows: parts.map((p) => ({ item: p.name, value: p.value, share: p.percent })),
    };
  },
});
