import { evaluateRules, orderBreaches } from '../alert-model';
import { definePanel } from '../types';
import { pickName, term, translate } from '../../i18n/translate';
import { column } from './columns';
import { alertListOptions, alertListSlots } from './economy-options';

/** Threshold rules from config evaluated on region metrics (and province KPIs); four-colour levels. */
export default definePanel({
  type: 'alert-list',
  optionsSchema: alertListOptions,
  datasets: alertListSlots,
  load: () => import('../alert-list-panel'),
  defaultTitle: { zh: '监测预警', en: 'Threshold alerts' },
  toTable: ({ main, kpi }, options, view) => {
    const kpis = kpi.records ?? [];
    const metrics = [
      ...(main.records ?? []),
      ...kpis.map((k) => ({ code: k.region, indicator: k.id, value: k.value, yoy: k.yoy ?? null, unit: k.unit, period: k.period })),
    ];
    const names = new Map(kpis.map((k) => [k.id, pickName(k, view.locale)]));
    const breaches = orderBreaches(evaluateRules(options.rules, metrics), new Map()).slice(0, options.maxItems);
    return {
      columns: [
        column(view, 'level', 'col.level', 'text'),
        column(view, 'region', 'col.region', 'region'),
        column(view, 'indicator', 'col.indicator', 'text'),
        column(view, 'field', 'col.field', 'text'),
        column(view, 'actual', 'col.value', 'number'),
        column(view, 'threshold', 'col.threshold', 'number'),
        column(view, 'unit', 'col.unit', 'text'),
        column(view, 'period', 'col.period', 'period'),
      ],
      rows: breaches.map((b) => ({
        level: term('incident.level', b.level, view.locale),
        region: b.code,
        regionName: view.regionLabel(b.code),
        indicator: names.get(b.indicator) ?? b.indicator,
        field: translate(b.field === 'yoy' ? 'col.yoy' : 'col.value', view.locale),
        actual: b.actual,
        threshold: b.threshold,
        unit: b.field === 'yoy' ? (b.unit === '%' ? 'pp' : '%') : (b.unit ?? null),
        period: b.period ?? null,
      })),
    };
  },
});
