import { rankRows, rankUnit } from '../../charts/models/ranking';
import { definePanel } from '../types';
import { column } from './columns';
import { rankingOptions, rankingSlots } from './economy-options';

/** Regions below the one in view ranked by an indicator; a click drills in. */
export default definePanel({
  type: 'ranking',
  optionsSchema: rankingOptions,
  datasets: rankingSlots,
  load: () => import('../ranking-panel'),
  defaultTitle: { zh: '地区排名', en: 'Regional ranking' },
  toTable: ({ main }, options, view) => {
    const records = main.records ?? [];
    const filter = view.filters.indicator;
    const indicator = options.followFilter && filter && records.some((r) => r.indicator === filter) ? filter : options.indicator;
    const spec = { ...options, indicator };
    const unit = rankUnit(records, spec);
    const rows = rankRows(records, { ...spec, limit: 0 }, view);
    return {
      columns: [
        column(view, 'rank', 'col.rank', 'count'),
        column(view, 'region', 'col.region', 'region'),
        column(view, 'value', options.field === 'yoy' ? 'col.yoy' : 'col.value', 'number', { unit }),
      ],
      rows: rows.map((r) => ({ rank: r.rank, region: r.code, regionName: view.regionLabel(r.code), value: r.value })),
    };
  },
});
