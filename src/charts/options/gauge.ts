import type { KpiRecord } from '../../data/contracts/index';
import { formatNumber } from '../../lib/format';
import type { ChartTheme } from '../theme';
import type { ChartView, CockpitOption } from '../types';
import { tooltipBase, valueText } from './common';
import { gaugeReading } from '../models/gauge';
import type { GaugeSpec, GaugeReading } from '../models/gauge';

export { gaugeReading };
export type { GaugeSpec, GaugeReading };

/** A progress arc (ECharts gauge) with the big figure in the middle. */
export function gaugeOption(record: KpiRecord | undefined, spec: GaugeSpec, view: ChartView, theme: ChartTheme): CockpitOption {
  const { locale } = view;
  const reading = gaugeReading(record, spec, view);
  const progress = spec.metric === 'progress';
  const min = progress ? 0 : spec.min;
  const max = progress ? Math.max(100, spec.max) : spec.max;
  const dial = reading ? Math.min(max, Math.max(min, reading.dial)) : min;
  const time = spec.showTimeProgress && reading?.timeProgress != null ? (reading.timeProgress - min) / (max - min) : null;
  const track = 'rgba(143, 168, 200, 0.16)';
  const trackColors: [number, string][] =
    time !== null
      ? [
          [time, 'rgba(246, 196, 69, 0.35)'],
          [1, track],
        ]
      : [[1, track]];
  const detail = reading ? (progress ? `${formatNumber(reading.dial, locale, 1)}%` : valueText(reading.value, reading.unit, locale)) : '—';
  return {
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'item',
      formatter: () =>
        reading
          ? `${reading.name}\n${valueText(reading.value, reading.unit, locale)}${reading.target !== null ? ` / ${valueText(reading.target, reading.unit, locale)}` : ''}`
          : '',
    },
    series: [
      {
        id: 'gauge',
        type: 'gauge',
        min,
        max,
        startAngle: 210,
        endAngle: -30,
        radius: '96%',
        center: ['50%', '56%'],
        splitNumber: progress ? 5 : 4,
        progress: {
          show: true,
          width: theme.px(14),
          roundCap: true,
          itemStyle: {
            color: {
              type: 'linear',
              x: 0,
              y: 0,
              x2: 1,
              y2: 0,
              colorStops: [
                { offset: 0, color: '#2f7ef5' },
                { offset: 1, color: theme.accent },
              ],
            },
          },
        },
        axisLine: { roundCap: true, lineStyle: { width: theme.px(14), color: trackColors } },
        pointer: { show: false },
        anchor: { show: false },
        axisTick: { show: false },
        // A small dial reads best bare: the arc, the big figure and the name; no tick labels to collide with it.
        splitLine: { show: false },
        axisLabel: { show: false },
        title: { show: true, offsetCenter: [0, '74%'], color: theme.textDim, fontSize: theme.px(14), fontFamily: theme.fontFamily },
        detail: {
          valueAnimation: false,
          offsetCenter: [0, '4%'],
          color: '#fff',
          fontSize: theme.px(30),
          fontWeight: 'bold',
          fontFamily: theme.numberFamily,
          formatter: () => detail,
        },
        data: [{ value: Math.round(dial * 10) / 10, name: reading?.name ?? '' }],
      },
    ],
  };
}
