import { pickName } from '../../i18n/translate';
import { rankItems } from '../live-model';
import { definePanel } from '../types';
import { column } from './columns';
import { rankListOptions, rankListSlots } from './live-options';

/** A ranked list of named items (departments, topics) as plain DOM bars. */
export default definePanel({
  type: 'rank-list',
  optionsSchema: rankListOptions,
  datasets: rankListSlots,
  load: async () => ({ default: (await import('../live-list')).RankList }),
  defaultTitle: { zh: '排行', en: 'Ranking' },
  toTable: ({ main }, options, view) => {
    const items = rankItems(main.records, options);
    const units = new Set(items.map((r) => r.unit ?? ''));
    const unit = units.size === 1 ? [...units][0] || undefined : undefined;
    return {
      columns: [
        column(view, 'rank', 'col.rank', 'count'),
        column(view, 'name', 'col.name', 'text'),
        column(view, 'value', 'col.value', 'number', { unit, digits: options.digits }),
      ],
      rows: items.map((r, i) => ({ rank: i + 1, name: pickName(r, view.locale), value: r.value })),
    };
  },
});
