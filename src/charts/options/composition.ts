import type { RankItem } from '../../data/contracts/index';
import { formatNumber } from '../../lib/format';
import type { ChartTheme } from '../theme';
import type { ChartView, CockpitOption } from '../types';
import { legendBase, tooltipBase, valueText } from './common';
import { shares } from '../models/composition';
import type { CompositionSpec, Share } from '../models/composition';

export { shares };
export type { CompositionSpec, Share };

/** Pie, ring, Nightingale rose or treemap of a whole's parts (`share` contract). */
export function compositionOption(records: readonly RankItem[], spec: CompositionSpec, view: ChartView, theme: ChartTheme): CockpitOption {
  const { locale } = view;
  const parts = shares(records, view);
  const pct = (n: number) => `${formatNumber(n, locale, 1)}%`;
  const byName = new Map(parts.map((p) => [p.name, p]));
  const tooltip = {
    ...tooltipBase(theme),
    trigger: 'item' as const,
    formatter: (raw: unknown) => {
      const p = raw as { dataIndex?: number; marker?: unknown };
      const part = parts[p.dataIndex ?? -1];
      if (!part) return '';
      return `${typeof p.marker === 'string' ? p.marker : ''}${part.name}\n${valueText(part.value, part.unit, locale)} · ${pct(part.percent)}`;
    },
  };
  if (spec.chart === 'treemap') {
    return {
      tooltip,
      series: [
        {
          id: 'composition',
          type: 'treemap',
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          width: '100%',
          height: '100%',
          top: 0,
          left: 0,
          itemStyle: { borderColor: '#050d1f', borderWidth: theme.px(2), gapWidth: theme.px(2) },
          label: {
            show: true,
            color: '#fff',
            fontSize: theme.px(14),
            formatter: (p: { dataIndex?: number; name?: string }) => `${p.name ?? ''}\n${pct(byName.get(p.name ?? '')?.percent ?? 0)}`,
          },
          data: parts.map((p, i) => ({ name: p.name, value: p.value, itemStyle: { color: theme.palette[i % theme.palette.length] } })),
        },
      ],
    };
  }
  const right = spec.legend === 'right';
  const bottom = spec.legend === 'bottom';
  const center: [string, string] = right ? ['27%', '50%'] : bottom ? ['50%', '40%'] : ['50%', '50%'];
  const outer = right ? '72%' : bottom ? '62%' : '75%';
  return {
    tooltip,
    legend:
      spec.legend === 'none'
        ? { show: false }
        : {
            ...legendBase(theme),
            show: true,
            type: 'scroll',
            orient: right ? 'vertical' : 'horizontal',
            top: right ? 'middle' : undefined,
            bottom: bottom ? 0 : undefined,
            left: right ? '54%' : 'center',
            itemGap: theme.px(right ? 12 : 10),
            pageIconColor: theme.accent,
            pageTextStyle: { color: theme.textDim },
            formatter: (name: string) => `${name}  ${pct(byName.get(name)?.percent ?? 0)}`,
            textStyle: { ...legendBase(theme).textStyle, width: right ? theme.px(190) : undefined, overflow: 'truncate' as const },
          },
    series: [
      {
        id: 'composition',
        type: 'pie',
        center,
        radius: spec.chart === 'pie' ? [0, outer] : spec.chart === 'rose' ? ['18%', outer] : ['48%', outer],
        roseType: spec.chart === 'rose' ? 'radius' : undefined,
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#061630', borderWidth: theme.px(2) },
        label:
          spec.legend === 'none'
            ? {
                show: true,
                color: theme.text,
                fontSize: theme.px(14),
                formatter: (p: { name?: string }) => `${p.name ?? ''}\n${pct(byName.get(p.name ?? '')?.percent ?? 0)}`,
              }
            : { show: false },
        labelLine: { show: spec.legend === 'none', length: theme.px(8), length2: theme.px(8) },
        labelLayout: { hideOverlap: true },
        data: parts.map((p, i) => ({ name: p.name, value: p.value, itemStyle: { color: theme.palette[i % theme.palette.length] } })),
      },
    ],
  };
}
