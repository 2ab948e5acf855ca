import type { SeriesPoint } from '../../data/contracts/index';
import { translate } from '../../i18n/translate';
import { formatPercentChange, formatWithUnit } from '../../lib/format';
import type { ChartTheme } from '../theme';
import type { LineSeriesOption } from 'echarts/charts';
import type { ChartView, CockpitOption } from '../types';
import { axisLabelStyle, digitsFor, legendBase, monthTick, periodTitle, tickText, tooltipBase, valueText } from './common';
import { alignedValues, analysedTrend, trendGroups } from '../models/trend';
import type { SeriesAnalysis, TrendSpec } from '../models/trend';

export { analysedTrend, trendGroups };
export type { SeriesAnalysis, TrendSpec };

const SEVERITY_SERIES: Readonly<Record<string, number>> = { red: 1, orange: 2, yellow: 3, blue: 4 };

function constantOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (!present.length) return null;
  const first = present[0] as number;
  return present.every((v) => v === first) ? first : null;
}

/**
 * Lines or bars over time for one or more series of the `series` contract,
 * with the prior-year series dashed (同比) and the target as a dashed line.
 * Series ids are stable (`value:<id>`, `prior:<id>`, `target:<id>`) so
 * `replaceMerge` updates them in place. Analyst mode adds dataZoom.
 */
export interface ComparedSeries {
  /** Short region name, e.g. "洛阳". */
  name: string;
  code: string;
  records: readonly SeriesPoint[];
}

export function trendOption(
  records: readonly SeriesPoint[],
  spec: TrendSpec,
  view: ChartView,
  theme: ChartTheme,
  compared: readonly ComparedSeries[] = [],
  analysis: Readonly<Record<string, SeriesAnalysis>> = {},
): CockpitOption {
  const { locale } = view;
  const comparing = compared.length > 0;
  // Compared with other regions the chart stays a plain comparison (no forecast or spike overlays).
  const { periods, observed, groups } = analysedTrend(records, spec, view, comparing ? {} : analysis);
  const here = view.regionLabel(view.region, true);
  const unit = groups[0]?.unit;
  const digits = digitsFor(groups.flatMap((g) => g.values));
  const isRate = unit === '%';
  const series: NonNullable<CockpitOption['series']> = [];
  const legend: string[] = [];
  // One series: the panel title names it, so the legend says only 本期 / 上年同期 / 目标.
  const single = groups.length === 1;
  groups.forEach((g, i) => {
    // Warning-level series (red/orange/yellow/blue) keep the four-colour scale; red is reserved for red.
    // Compared with other regions, colour says the region and the line pattern says the series.
    const color = comparing
      ? (theme.palette[0] ?? theme.accent)
      : SEVERITY_SERIES[g.id]
        ? theme.severity[SEVERITY_SERIES[g.id] as 1 | 2 | 3 | 4]
        : (theme.palette[i % theme.palette.length] ?? theme.accent);
    const pattern = comparing && i > 0 ? ([theme.px(10), theme.px(3), theme.px(2), theme.px(3)] as number[]) : ('solid' as const);
    const constantTarget = spec.showTarget ? constantOf(g.target) : null;
    const hasTarget = spec.showTarget && g.target.some((v) => v !== null);
    // Compared with other regions, each line says whose it is.
    const name = comparing ? (single ? here : `${here} · ${g.name}`) : single ? translate('trend.current', locale) : g.name;
    legend.push(name);
    // Several constant targets: each in its series' colour, labels alternating ends so they never overlap.
    const markColor = single ? theme.target : color;
    const markData: NonNullable<NonNullable<LineSeriesOption['markLine']>['data']> = [];
    if (constantTarget !== null) {
      const targetText = `${translate('gauge.target', locale)} ${valueText(constantTarget, g.unit, locale, isRate ? 1 : digits)}`;
      markData.push({
        yAxis: constantTarget,
        lineStyle: { color: markColor, type: 'dashed' as const, width: theme.px(1.5), opacity: 0.9 },
        label: {
          position: i % 2 === 0 ? ('insideEndTop' as const) : ('insideStartTop' as const),
          color: markColor,
          fontSize: theme.px(14),
          backgroundColor: 'rgba(6, 22, 48, 0.78)',
          padding: [theme.px(1), theme.px(4)],
          borderRadius: theme.px(2),
          formatter: () => targetText,
        },
      });
    }
    // Trend breaks: a vertical dash-dot line at the first period of the new regime, labelled in words.
    for (const cp of g.breaks) {
      const breakText = translate('an.changepoint', locale);
      markData.push({
        xAxis: cp.t,
        lineStyle: { color: theme.textDim, type: [theme.px(8), theme.px(3), theme.px(2), theme.px(3)], width: theme.px(1.5), opacity: 0.9 },
        label: {
          position: 'insideEndTop' as const,
          color: theme.text,
          fontSize: theme.px(13),
          backgroundColor: 'rgba(6, 22, 48, 0.78)',
          padding: [theme.px(1), theme.px(4)],
          formatter: () => `◇ ${breakText}`,
        },
      });
    }
    const markLine = markData.length ? { silent: true, symbol: 'none', data: markData } : undefined;
    if (spec.kind === 'bar') {
      series.push({
        id: `value:${g.id}`,
        type: 'bar',
        name,
        data: g.values,
        barMaxWidth: theme.px(18),
        itemStyle: {
          borderRadius: [theme.px(3), theme.px(3), 0, 0],
          color: {
            type: 'linear',
            x: 0,
            y: 0,
            x2: 0,
            y2: 1,
            colorStops: [
              { offset: 0, color },
              { offset: 1, color: 'rgba(58, 208, 255, 0.12)' },
            ],
          },
        },
        ...(markLine ? { markLine } : {}),
      });
    } else {
      series.push({
        id: `value:${g.id}`,
        type: 'line',
        name,
        data: g.values,
        color,
        symbol: 'circle',
        symbolSize: theme.px(6),
        showSymbol: periods.length <= 24,
        lineStyle: { width: theme.px(2.5), color, type: pattern },
        ...(spec.area
          ? {
              areaStyle: {
                color: {
                  type: 'linear',
                  x: 0,
                  y: 0,
                  x2: 0,
                  y2: 1,
                  colorStops: [
                    { offset: 0, color: `${color}55` },
                    { offset: 1, color: `${color}05` },
                  ],
                },
              },
            }
          : {}),
        ...(markLine ? { markLine } : {}),
      });
    }
    if (spec.showPrior && g.prior.some((v) => v !== null)) {
      const priorName = spec.priorName
        ? single
          ? spec.priorName
          : `${g.name} · ${spec.priorName}`
        : single
          ? translate('trend.prior', locale)
          : translate('trend.priorOf', locale, { name: g.name });
      legend.push(priorName);
      series.push({
        id: `prior:${g.id}`,
        type: 'line',
        name: priorName,
        data: g.prior,
        color,
        symbol: 'none',
        lineStyle: { width: theme.px(1.5), type: 'dashed', color, opacity: 0.7 },
      });
    }
    if (spec.showPrevious && g.previous.some((v) => v !== null)) {
      const previousName = single ? translate('trend.previous', locale) : translate('trend.previousOf', locale, { name: g.name });
      legend.push(previousName);
      series.push({
        id: `previous:${g.id}`,
        type: 'line',
        name: previousName,
        data: g.previous,
        color,
        symbol: 'none',
        lineStyle: { width: theme.px(1.5), type: 'dotted', color, opacity: 0.8 },
      });
    }
    compared.forEach((c, k) => {
      const values = alignedValues(c.records, g.id, periods);
      if (!values.some((v) => v !== null)) return;
      const compareName = single ? c.name : `${c.name} · ${g.name}`;
      const compareColor = theme.palette[(k + 1) % theme.palette.length] ?? theme.accent;
      legend.push(compareName);
      series.push({
        id: `compare:${c.code}:${g.id}`,
        type: 'line',
        name: compareName,
        data: values,
        color: compareColor,
        symbol: 'emptyCircle',
        symbolSize: theme.px(5),
        showSymbol: periods.length <= 24,
        lineStyle: { width: theme.px(2), color: compareColor, type: pattern },
      });
    });
    if (g.method !== null) {
      // Forecast: dashed mean with its 80 % and 95 % bands (stacked areas: base + width), one legend entry.
      const forecastName = single ? translate('an.forecastLegend', locale, { method: g.method }) : translate('an.forecastOf', locale, { name: g.name });
      legend.push(forecastName);
      series.push({
        id: `forecast:${g.id}`,
        type: 'line',
        name: forecastName,
        data: g.forecast,
        color,
        symbol: 'emptyCircle',
        symbolSize: theme.px(5),
        showSymbol: periods.length <= 36,
        lineStyle: { width: theme.px(2), type: [theme.px(6), theme.px(4)], color },
        z: 3,
      });
      for (const [level, lo, hi, alpha] of [
        ['95', g.lo95, g.hi95, '26'],
        ['80', g.lo80, g.hi80, '4d'],
      ] as const) {
        series.push({
          id: `band${level}-base:${g.id}`,
          type: 'line',
          name: forecastName,
          data: lo,
          stack: `band${level}:${g.id}`,
          symbol: 'none',
          silent: true,
          lineStyle: { opacity: 0 },
          color,
        });
        series.push({
          id: `band${level}:${g.id}`,
          type: 'line',
          name: forecastName,
          data: hi.map((h, k) => (h === null || lo[k] === null ? null : h - (lo[k] as number))),
          stack: `band${level}:${g.id}`,
          symbol: 'none',
          silent: true,
          lineStyle: { opacity: 0 },
          areaStyle: { color: `${color}${alpha}` },
          color,
        });
      }
    }
    if (g.spikes.length || g.expectedLo.some((v) => v !== null)) {
      const expectedName = translate('an.expected', locale);
      if (g.expectedLo.some((v) => v !== null)) {
        legend.push(expectedName);
        series.push({
          id: `expected-base:${g.id}`,
          type: 'line',
          name: expectedName,
          data: g.expectedLo,
          stack: `expected:${g.id}`,
          symbol: 'none',
          silent: true,
          lineStyle: { opacity: 0 },
          color: theme.textDim,
        });
        series.push({
          id: `expected:${g.id}`,
          type: 'line',
          name: expectedName,
          data: g.expectedHi.map((h, k) => (h === null || g.expectedLo[k] === null ? null : h - (g.expectedLo[k] as number))),
          stack: `expected:${g.id}`,
          symbol: 'none',
          silent: true,
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(143, 168, 200, 0.16)' },
          color: theme.textDim,
        });
      }
      if (g.spikes.length) {
        // A shape, not colour alone: ▲ a spike above the expected band, ▼ a dip below it.
        const spikeName = translate('an.spike', locale);
        legend.push(spikeName);
        series.push({
          id: `spikes:${g.id}`,
          type: 'line',
          name: spikeName,
          data: g.spike.map((d, k) =>
            d === null ? null : { value: g.values[k] ?? null, symbol: 'triangle', symbolRotate: d === 'down' ? 180 : 0 },
          ) as LineSeriesOption['data'],
          symbol: 'triangle',
          symbolSize: theme.px(16),
          showSymbol: true,
          connectNulls: false,
          lineStyle: { width: 0, opacity: 0 },
          itemStyle: { color: theme.severity[2], borderColor: '#fff', borderWidth: theme.px(1.5) },
          z: 5,
        });
      }
    }
    if (hasTarget && constantTarget === null) {
      const targetName = single ? translate('gauge.target', locale) : translate('trend.targetOf', locale, { name: g.name });
      legend.push(targetName);
      series.push({
        id: `target:${g.id}`,
        type: 'line',
        name: targetName,
        data: g.target,
        color: theme.target,
        symbol: 'none',
        lineStyle: { width: theme.px(1.5), type: [theme.px(6), theme.px(4)], color: theme.target },
      });
    }
  });
  const analyst = view.mode === 'analyst';
  return {
    animationDurationUpdate: 600,
    legend: { ...legendBase(theme), type: 'scroll', data: legend, right: theme.px(4), pageIconColor: theme.accent, pageTextStyle: { color: theme.textDim } },
    grid: {
      left: theme.px(6),
      right: theme.px(14),
      top: theme.px(32),
      bottom: analyst ? theme.px(34) : theme.px(2),
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      axisPointer: { type: spec.kind === 'bar' ? 'shadow' : 'line', lineStyle: { color: theme.axis }, shadowStyle: { color: 'rgba(58, 208, 255, 0.08)' } },
      formatter: (raw) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number; seriesId?: string; seriesName?: string; marker?: unknown; value?: unknown }[];
        const i = params[0]?.dataIndex ?? 0;
        const lines = [periodTitle(periods[i] ?? '', locale)];
        for (const p of params) {
          const pid = p.seriesId ?? '';
          if (pid.startsWith('band') || pid.startsWith('expected')) continue;
          if (pid.startsWith('forecast:')) {
            const g = groups.find((x) => `forecast:${x.id}` === pid);
            if (!g || i < observed || g.forecast[i] === null) continue;
            const d = isRate ? 1 : digits;
            const fmt = (n: number | null) => valueText(n, unit, locale, d);
            lines.push(
              `${typeof p.marker === 'string' ? p.marker : ''}${translate('an.forecastTip', locale, {
                method: g.method ?? '',
                mean: fmt(g.forecast[i] ?? null),
                lo80: fmt(g.lo80[i] ?? null),
                hi80: fmt(g.hi80[i] ?? null),
                lo95: fmt(g.lo95[i] ?? null),
                hi95: fmt(g.hi95[i] ?? null),
              })}`,
            );
            continue;
          }
          if (pid.startsWith('spikes:')) {
            const g = groups.find((x) => `spikes:${x.id}` === pid);
            const sp = g?.spikes.find((x) => x.t === periods[i]);
            if (!sp) continue;
            const d = isRate ? 1 : digits;
            lines.push(
              `${typeof p.marker === 'string' ? p.marker : ''}${translate('an.spikeTip', locale, {
                kind: translate(sp.direction === 'up' ? 'an.spike' : 'an.spikeLow', locale),
                value: valueText(sp.y, unit, locale, d),
                lo: valueText(sp.lo, unit, locale, d),
                hi: valueText(sp.hi, unit, locale, d),
              })}`,
            );
            continue;
          }
          const v = typeof p.value === 'number' ? p.value : null;
          if (v === null && i >= observed) continue;
          let line = `${typeof p.marker === 'string' ? p.marker : ''}${p.seriesName ?? ''}${translate('punct.colon', locale)}${valueText(v, unit, locale, isRate ? 1 : digits)}`;
          const id = p.seriesId ?? '';
          if (id.startsWith('value:')) {
            const g = groups.find((x) => `value:${x.id}` === id);
            const prior = g?.prior[i] ?? null;
            if (v !== null && prior !== null && prior !== 0) {
              const change = isRate ? formatWithUnit(v - prior, 'pp', locale, 1, { signed: true }) : formatPercentChange((v / prior - 1) * 100, locale, 1);
              line += `  ${translate('kpi.yoy', locale)} ${change}`;
            }
          }
          lines.push(line);
        }
        return lines.join('\n');
      },
    },
    xAxis: {
      type: 'category',
      data: periods,
      boundaryGap: spec.kind === 'bar',
      axisLabel: { ...axisLabelStyle(theme), hideOverlap: true, formatter: (value: string) => monthTick(value, locale) },
    },
    yAxis: {
      type: 'value',
      // The unit is in the panel header (单位：亿元), not on the axis: the plot keeps its height.
      scale: isRate,
      splitNumber: 3,
      axisLabel: { ...axisLabelStyle(theme), formatter: (v: number) => tickText(v, locale, isRate ? 1 : 0) },
    },
    dataZoom: analyst
      ? [
          { type: 'inside', id: 'zoom-inside', xAxisIndex: 0 },
          {
            type: 'slider',
            id: 'zoom-slider',
            xAxisIndex: 0,
            height: theme.px(18),
            bottom: theme.px(6),
            borderColor: theme.axis,
            textStyle: { color: theme.textDim, fontSize: theme.px(12) },
            labelFormatter: (_: number, value: string) => periodTitle(value, locale),
          },
        ]
      : [],
    series,
  };
}

/**
 * Effect view (analyst): the series actual against the counterfactual the
 * pre-period model projects after the intervention month, with its 80 % and
 * 95 % bands, and the intervention marked. Ids stable for `replaceMerge`.
 */
export function effectOption(
  history: { t: readonly string[]; y: readonly (number | null)[] },
  effect: {
    at: string;
    counterfactual: {
      t: readonly string[];
      mean: readonly number[];
      lo80: readonly number[];
      hi80: readonly number[];
      lo95: readonly number[];
      hi95: readonly number[];
    };
  },
  names: { actual: string; counterfactual: string; at: string; unit: string | undefined },
  view: ChartView,
  theme: ChartTheme,
): CockpitOption {
  const { locale } = view;
  const periods = [...history.t];
  const index = new Map(periods.map((p, i) => [p, i]));
  const align = (values: readonly number[]) => {
    const out: (number | null)[] = periods.map(() => null);
    effect.counterfactual.t.forEach((t, k) => {
      const i = index.get(t);
      if (i !== undefined) out[i] = values[k] ?? null;
    });
    return out;
  };
  const mean = align(effect.counterfactual.mean);
  const lo80 = align(effect.counterfactual.lo80);
  const hi80 = align(effect.counterfactual.hi80);
  const lo95 = align(effect.counterfactual.lo95);
  const hi95 = align(effect.counterfactual.hi95);
  const digits = digitsFor(history.y);
  const isRate = names.unit === '%';
  const color = theme.palette[0] ?? theme.accent;
  const cf = theme.target;
  const width = (hi: (number | null)[], lo: (number | null)[]) => hi.map((h, k) => (h === null || lo[k] === null ? null : h - (lo[k] as number)));
  const band = (id: string, lo: (number | null)[], hi: (number | null)[], alpha: string): LineSeriesOption[] => [
    { id: `${id}-base`, type: 'line', name: names.counterfactual, data: lo, stack: id, symbol: 'none', silent: true, lineStyle: { opacity: 0 }, color: cf },
    {
      id,
      type: 'line',
      name: names.counterfactual,
      data: width(hi, lo),
      stack: id,
      symbol: 'none',
      silent: true,
      lineStyle: { opacity: 0 },
      areaStyle: { color: `${cf}${alpha}` },
      color: cf,
    },
  ];
  const atText = names.at;
  return {
    animationDurationUpdate: 400,
    legend: { ...legendBase(theme), data: [names.actual, names.counterfactual], right: theme.px(4) },
    grid: { left: theme.px(6), right: theme.px(14), top: theme.px(32), bottom: theme.px(4), outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      formatter: (raw) => {
        const params = (Array.isArray(raw) ? raw : [raw]) as { dataIndex: number }[];
        const i = params[0]?.dataIndex ?? 0;
        const d = isRate ? 1 : digits;
        const lines = [
          periodTitle(periods[i] ?? '', locale),
          `${names.actual}${translate('punct.colon', locale)}${valueText(history.y[i] ?? null, names.unit, locale, d)}`,
        ];
        if (mean[i] !== null) {
          lines.push(
            `${names.counterfactual}${translate('punct.colon', locale)}${valueText(mean[i] ?? null, names.unit, locale, d)}（95% ${valueText(lo95[i] ?? null, names.unit, locale, d)}–${valueText(hi95[i] ?? null, names.unit, locale, d)}）`,
          );
        }
        return lines.join('\n');
      },
    },
    xAxis: {
      type: 'category',
      data: periods,
      boundaryGap: false,
      axisLabel: { ...axisLabelStyle(theme), hideOverlap: true, formatter: (v: string) => monthTick(v, locale) },
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitNumber: 3,
      axisLabel: { ...axisLabelStyle(theme), formatter: (v: number) => tickText(v, locale, isRate ? 1 : 0) },
    },
    series: [
      {
        id: 'actual',
        type: 'line',
        name: names.actual,
        data: [...history.y],
        color,
        symbol: 'circle',
        symbolSize: theme.px(4),
        lineStyle: { width: theme.px(2.5), color },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            {
              xAxis: effect.at,
              lineStyle: { color: theme.text, type: 'dashed', width: theme.px(1.5) },
              label: { position: 'insideEndTop', color: theme.text, fontSize: theme.px(13), formatter: () => atText },
            },
          ],
        },
      },
      {
        id: 'counterfactual',
        type: 'line',
        name: names.counterfactual,
        data: mean,
        color: cf,
        symbol: 'none',
        lineStyle: { width: theme.px(2), type: [theme.px(6), theme.px(4)], color: cf },
      },
      ...band('cf95', lo95, hi95, '26'),
      ...band('cf80', lo80, hi80, '40'),
    ],
  };
}
