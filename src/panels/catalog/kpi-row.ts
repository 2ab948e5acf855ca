import { pickName } from '../../i18n/translate';
import { definePanel } from '../types';
import { column } from './columns';
import { kpiRowOptions, kpiRowSlots } from './economy-options';

/** Headline indicators: value, unit, period, YoY/MoM, sparkline, progress to target. */
export default definePanel({
  type: 'kpi-row',
  optionsSchema: kpiRowOptions,
  datasets: kpiRowSlots,
  load: () => import('../kpi-row'),
  defaultTitle: { zh: '核心指标', en: 'Headline indicators' },
  toTable: ({ main }, options, view) => {
    const records = main.records ?? [];
    const byId = new Map(records.map((r) => [r.id, r]));
    const ordered = options.indicators.length ? options.indicators.flatMap((id) => byId.get(id) ?? []) : records;
    return {
      columns: [
        column(view, 'indicator', 'col.indicator', 'text'),
        column(view, 'period', 'col.period', 'period'),
        column(view, 'value', 'col.value', 'number'),
        column(view, 'unit', 'col.unit', 'text'),
        column(view, 'yoy', 'col.yoy', 'number', { digits: 1 }),
        column(view, 'mom', 'col.mom', 'number', { digits: 1 }),
        column(view, 'changeUnit', 'col.changeUnit', 'text'),
        column(view, 'target', 'col.target', 'number'),
        column(view, 'progress', 'col.progress', 'percent', { unit: '%', digits: 1 }),
      ],
      rows: ordered.map((r) => ({
        indicator: pickName(r, view.locale),
        period: r.period,
        value: r.value,
        unit: r.unit,
        yoy: r.yoy ?? null,
        mom: r.mom ?? null,
        // A rate's change is in percentage points, a level's in per cent.
        changeUnit: r.unit === '%' ? 'pp' : '%',
        target: r.target ?? null,
        progress: r.target && r.value !== null ? (r.value / r.target) * 100 : null,
      })),
    };
  },
});
