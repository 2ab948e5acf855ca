import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { RegionMetric } from '../../data/contracts/index';
import { localize } from '../../i18n/i18n';
import { formatNumber, formatPercentChange, formatWithUnit, unitLabel } from '../../lib/format';
import type { ChoroplethModel } from '../layer-data';
import { mapText, translate } from '../map-text';
import type { IndicatorSpec } from './fields';
import { defineLayer, type LayerData, type LayerScene, recordsOf, type TooltipLine } from './layer-type';
import { choroplethLayer, type ChoroplethSpec } from './choropleth.schema';

export type { ChoroplethSpec };

interface Model extends ChoroplethModel {
  indicator: IndicatorSpec;
  digits: number;
}

/** The indicator the map shows: `?f.indicator=` when this layer offers it, else the default, else the first. */
export function activeIndicator(spec: Pick<ChoroplethSpec, 'indicators' | 'defaultIndicator'>, filter: string | undefined): IndicatorSpec {
  const offered = (id: string | undefined) => (id ? spec.indicators.find((i) => i.id === id) : undefined);
  return offered(filter) ?? offered(spec.defaultIndicator) ?? (spec.indicators[0] as IndicatorSpec);
}

/** Latest value per region of one indicator (records may carry several periods). Pure, kit-free: also used for tables. */
function latest(records: readonly RegionMetric[], indicator: string): Map<string, RegionMetric> {
  const out = new Map<string, RegionMetric>();
  for (const r of records) {
    if (r.indicator !== indicator) continue;
    const prev = out.get(r.code);
    if (prev && (prev.period ?? '') > (r.period ?? '')) continue;
    out.set(r.code, r);
  }
  return out;
}

function valueText(model: Model, code: string, scene: LayerScene): string {
  const v = model.values.get(code);
  return v && v.value !== null ? formatWithUnit(v.value, v.unit ?? model.unit, scene.locale, model.digits) : mapText('map.noData', scene.locale);
}

export function yoyLine(yoy: number | null | undefined, locale: LayerScene['locale']): TooltipLine | null {
  if (yoy === null || yoy === undefined) return null;
  return { label: mapText('map.yoy', locale), value: formatPercentChange(yoy, locale, 1), tone: yoy > 0 ? 'up' : yoy < 0 ? 'down' : undefined };
}

export const choropleth = defineLayer(choroplethLayer, {
  order: 0,
  primary: true,
  indicators: (spec) => ({ list: spec.indicators, initial: spec.defaultIndicator }),

  prepare(spec, data: LayerData, scene): Model | null {
    const rows = recordsOf(data, spec.dataset, 'region-metric');
    if (!rows) return null;
    const indicator = activeIndicator(spec, scene.indicator ?? undefined);
    const model = scene.kit.choroplethModel(rows, { ...spec, ramp: spec.ramp ?? scene.kit.CHOROPLETH_RAMP }, indicator.id, scene.regions);
    // The same model object while the values and indicator are the same (renders change nothing downstream).
    return scene.kit.cached(model, `view|${scene.kit.identity(indicator)}`, () => ({
      ...model,
      indicator,
      digits: scene.kit.legendDigits(model.scale.domain, indicator.digits),
    }));
  },

  build(spec, model, scene): LayerSpecification[] {
    // One colour and opacity per region in view; no value → the "no data" grey, dimmer; a selection dims the others.
    const colors: string[] = [];
    const opacities: (string | number)[] = [];
    const { selected } = scene.focus;
    for (const f of scene.regions) {
      const code = f.properties.code;
      const c = model.scale.classOf(model.values.get(code)?.value);
      colors.push(code, c < 0 ? scene.kit.NO_DATA_COLOR : (model.scale.colors[c] as string));
      const base = c < 0 ? spec.opacity * 0.6 : spec.opacity;
      opacities.push(code, selected !== null && code !== selected ? base * 0.45 : base);
    }
    const byCode = <T extends string | number>(pairs: (string | T)[], fallback: T): ExpressionSpecification | T =>
      pairs.length ? (['match', ['get', 'code'], ...pairs, fallback] as unknown as ExpressionSpecification) : fallback;
    const { source, filter } = scene.regionSource;
    return [
      {
        id: spec.id,
        type: 'fill',
        source,
        ...(filter ? { filter } : {}),
        paint: { 'fill-color': byCode(colors, scene.kit.NO_DATA_COLOR), 'fill-opacity': byCode(opacities, spec.opacity * 0.6), 'fill-antialias': false },
      },
    ];
  },

  legend(_spec, model, scene) {
    const { locale } = scene;
    const fmt = (v: number) => formatNumber(v, locale, model.digits);
    const items = [...model.scale.classes].reverse().map((c) => ({ color: c.color, label: scene.kit.classLabel(c, fmt) || fmt(model.scale.domain?.[0] ?? 0) }));
    if (model.values.size > model.covered || model.scale.classes.length === 0)
      items.push({ color: scene.kit.NO_DATA_COLOR, label: mapText('map.noData', locale) });
    const unit = model.unit ? unitLabel(model.unit, locale) : '';
    return {
      kind: 'classes',
      key: 'choropleth',
      title: localize(model.indicator.name, locale),
      unit: unit ? mapText('map.unit', locale, { unit }) : '',
      items,
    };
  },

  regionLines(_spec, model, code, scene) {
    const lines: TooltipLine[] = [{ label: localize(model.indicator.name, scene.locale), value: valueText(model, code, scene) }];
    const yoy = yoyLine(model.values.get(code)?.yoy, scene.locale);
    if (yoy) lines.push(yoy);
    return lines;
  },

  labelValues(spec, model, scene) {
    if (!spec.showValues) return null;
    const text = new Map<string, string>();
    // Where labels collide, the larger values win (the capital, the big economies).
    const ranked = [...model.values.entries()].filter(([, v]) => v.value !== null).sort((a, b) => (b[1].value as number) - (a[1].value as number));
    const rank = new Map(ranked.map(([code], i) => [code, 1 - i / Math.max(1, ranked.length)]));
    for (const [code, v] of ranked) text.set(code, formatNumber(v.value, scene.locale, model.digits));
    return { text, rank };
  },

  /** One row per region in view: code and name, the indicator's value with its unit, YoY. */
  table(spec, data, view) {
    const rows = recordsOf(data, spec.dataset, 'region-metric');
    const indicator = activeIndicator(spec, view.filters.indicator);
    const values = [...latest(rows ?? [], indicator.id).values()].sort((a, b) => a.code.localeCompare(b.code));
    const unit = values.find((r) => r.unit)?.unit ?? indicator.unit;
    const name = localize(indicator.name, view.locale);
    return {
      columns: [
        { key: 'region', label: translate('col.region', view.locale), kind: 'region' },
        { key: 'indicator', label: translate('col.indicator', view.locale), kind: 'text' },
        { key: 'period', label: translate('col.period', view.locale), kind: 'period' },
        { key: 'value', label: name, kind: 'number', unit, digits: indicator.digits },
        { key: 'yoy', label: translate('col.yoy', view.locale), kind: 'percent', unit: '%', digits: 1 },
      ],
      rows: values.map((r) => ({
        region: r.code,
        regionName: view.regionLabel(r.code),
        indicator: name,
        period: r.period ?? null,
        value: r.value,
        yoy: r.yoy ?? null,
      })),
    };
  },
});
