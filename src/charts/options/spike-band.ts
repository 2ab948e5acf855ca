import { formatNumber, periodTick } from '../../lib/format';
import type { Locale } from '../../lib/locale';
import type { ChartTheme } from '../theme';
import type { CockpitOption } from '../types';
import { axisLabelStyle, legendBase, tickText, tooltipBase } from './common';

/** One series with its expected band and the flagged days (pure input of the chart). */
export interface SpikeBandInput {
  t: readonly string[];
  y: readonly (number | null)[];
  mid: readonly number[] | null;
  lo: readonly number[] | null;
  hi: readonly number[] | null;
  flagged: readonly string[];
  unit: string;
  names: { observed: string; expected: string; band: string; spike: string };
}

/**
 * Observed daily volumes against the expected band (lo–hi of the spike
 * detector, drawn as a stacked area from lo), the expected line, and the
 * flagged days as large markers. The value axis starts at zero. Text only:
 * every label comes from the catalogue or numbers.
 */
export function spikeBandOption(input: SpikeBandInput, locale: Locale, theme: ChartTheme): CockpitOption {
  const { t, y, mid, lo, hi } = input;
  const flagged = new Set(input.flagged);
  const lower = lo ? lo.map((v) => Math.max(0, v)) : null;
  const width = lower && hi ? hi.map((v, i) => Math.max(0, v - (lower[i] ?? 0))) : null;
  return {
    animation: false,
    grid: { left: theme.px(8), right: theme.px(14), top: theme.px(30), bottom: theme.px(4), outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { ...legendBase(theme), top: 0, right: 0, data: [input.names.observed, input.names.expected, input.names.spike] },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'axis',
      formatter: (raw) => {
        const list = (Array.isArray(raw) ? raw : [raw]) as { dataIndex?: number }[];
        const i = list[0]?.dataIndex ?? -1;
        if (i < 0) return '';
        const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, locale, 0));
        const lines = [
          `${t[i] ?? ''}`,
          `${input.names.observed}  ${n(y[i])} ${input.unit}`,
          `${input.names.expected}  ${n(mid?.[i])} ${input.unit}（${input.names.band} ${n(lower?.[i])}–${n(hi?.[i])}）`,
        ];
        if (flagged.has(t[i] ?? '')) lines.push(input.names.spike);
        return lines.join('\n');
      },
    },
    xAxis: {
      type: 'category',
      data: [...t],
      boundaryGap: false,
      axisLabel: { ...axisLabelStyle(theme), formatter: (v: string) => periodTick(v, locale) },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      splitNumber: 3,
      axisLabel: { ...axisLabelStyle(theme), formatter: (v: number) => tickText(v, locale, 0) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      ...(lower && width
        ? [
            {
              id: 'band-base',
              type: 'line' as const,
              data: [...lower],
              stack: 'band',
              symbol: 'none',
              lineStyle: { opacity: 0 },
              silent: true,
              tooltip: { show: false },
            },
            {
              id: 'band',
              name: input.names.band,
              type: 'line' as const,
              data: [...width],
              stack: 'band',
              symbol: 'none',
              lineStyle: { opacity: 0 },
              areaStyle: { color: 'rgba(58, 208, 255, 0.16)' },
              silent: true,
            },
          ]
        : []),
      ...(mid
        ? [
            {
              id: 'expected',
              name: input.names.expected,
              type: 'line' as const,
              data: [...mid],
              symbol: 'none',
              lineStyle: { color: theme.textDim, type: 'dashed' as const, width: theme.px(1.5) },
            },
          ]
        : []),
      {
        id: 'observed',
        name: input.names.observed,
        type: 'line',
        data: [...y],
        symbol: 'circle',
        symbolSize: theme.px(4),
        lineStyle: { color: theme.accent, width: theme.px(2) },
        itemStyle: { color: theme.accent },
      },
      {
        id: 'spikes',
        name: input.names.spike,
        // Flagged days only (nulls between them): a line series without a line, its symbols the markers.
        type: 'line',
        data: t.map((d, i) => (flagged.has(d) ? (y[i] ?? null) : null)),
        showSymbol: true,
        lineStyle: { width: 0, opacity: 0 },
        symbol: 'triangle',
        symbolSize: theme.px(16),
        itemStyle: { color: theme.severity[2], borderColor: '#fff', borderWidth: theme.px(1) },
        label: {
          show: true,
          position: 'top',
          color: theme.text,
          fontSize: theme.px(13),
          fontFamily: theme.numberFamily,
          formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value, locale, 0) : ''),
        },
        z: 5,
      },
    ],
  };
}
