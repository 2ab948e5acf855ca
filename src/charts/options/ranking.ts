import type { RegionMetric } from '../../data/contracts/index';
import { translate } from '../../i18n/translate';
import { COUNT_UNITS, formatNumber } from '../../lib/format';
import type { ChartTheme } from '../theme';
import type { ChartView, CockpitOption } from '../types';
import { axisLabelStyle, digitsFor, tickText, tooltipBase, valueText } from './common';
import { rankUnit, rankRows } from '../models/ranking';
import type { RankingSpec, RankRow } from '../models/ranking';

export { rankUnit, rankRows };
export type { RankingSpec, RankRow };

/**
 * Horizontal (or vertical) bars of regions — the children of the region in
 * view — with the region in view highlighted. The bars carry no HTML; names
 * come from the region pack.
 */
export function rankingOption(records: readonly RegionMetric[], spec: RankingSpec, view: ChartView, theme: ChartTheme): CockpitOption {
  const { locale } = view;
  const rows = rankRows(records, spec, view);
  const unit = rankUnit(records, spec);
  const values = rows.map((r) => r.value);
  // Counts (起, 件…) that are whole numbers are shown whole: "41", never "41.0".
  const whole = unit !== undefined && COUNT_UNITS.has(unit) && values.every((v) => v === null || Number.isInteger(v));
  const digits = spec.field === 'yoy' || unit === '%' ? 1 : whole ? 0 : digitsFor(values);
  const horizontal = spec.orientation === 'horizontal';
  const normal = {
    type: 'linear' as const,
    x: 0,
    y: horizontal ? 0 : 1,
    x2: horizontal ? 1 : 0,
    y2: 0,
    colorStops: [
      { offset: 0, color: 'rgba(47, 126, 245, 0.35)' },
      { offset: 1, color: theme.accent },
    ],
  };
  const highlight = {
    ...normal,
    colorStops: [
      { offset: 0, color: 'rgba(255, 211, 107, 0.35)' },
      { offset: 1, color: theme.highlight },
    ],
  };
  const labelText = (v: number | null) =>
    v === null ? '—' : spec.field === 'yoy' && v > 0 ? `+${formatNumber(v, locale, digits)}` : formatNumber(v, locale, digits);
  const longest = Math.max(3, ...rows.map((r) => labelText(r.value).length));
  const categoryLabel = {
    ...axisLabelStyle(theme),
    color: theme.text,
    formatter: (value: string, index: number) => {
      const row = rows[index];
      if (!row) return value;
      const style = row.highlighted ? 'hl' : row.rank <= 3 ? 'top' : 'rank';
      const nameStyle = row.highlighted ? 'nameHl' : row.compared ? 'nameCmp' : 'name';
      return horizontal ? `{${style}|${row.rank}} {${nameStyle}|${row.name}}` : `{${nameStyle}|${row.name}}`;
    },
    rich: {
      rank: { width: theme.px(22), align: 'center' as const, color: theme.textDim, fontSize: theme.px(14), fontFamily: theme.numberFamily },
      top: {
        width: theme.px(22),
        align: 'center' as const,
        color: '#04122b',
        backgroundColor: theme.accent,
        borderRadius: theme.px(3),
        fontSize: theme.px(14),
        fontFamily: theme.numberFamily,
      },
      hl: {
        width: theme.px(22),
        align: 'center' as const,
        color: '#04122b',
        backgroundColor: theme.highlight,
        borderRadius: theme.px(3),
        fontSize: theme.px(14),
        fontFamily: theme.numberFamily,
      },
      name: { color: theme.text, fontSize: theme.px(15) },
      nameHl: { color: theme.highlight, fontSize: theme.px(15), fontWeight: 'bold' as const },
      nameCmp: { color: theme.compare, fontSize: theme.px(15), fontWeight: 'bold' as const },
    },
    interval: 0,
    hideOverlap: !horizontal,
    // Names longer than a few hanzi (English names) tilt under vertical bars rather than drop out.
    rotate: !horizontal && Math.max(0, ...rows.map((r) => r.name.length)) > 5 ? 35 : 0,
  };
  const category = {
    type: 'category' as const,
    data: rows.map((r) => r.name),
    inverse: horizontal,
    triggerEvent: true,
    axisLabel: categoryLabel,
    axisTick: { show: false },
  };
  const value = {
    type: 'value' as const,
    show: !horizontal,
    splitNumber: 4,
    axisLabel: { ...axisLabelStyle(theme), formatter: (v: number) => tickText(v, locale, digits === 0 ? 0 : 1) },
    splitLine: { lineStyle: { color: theme.grid } },
  };
  return {
    animationDurationUpdate: 600,
    grid: horizontal
      ? { left: theme.px(4), right: theme.px(14 + longest * 9), top: theme.px(4), bottom: theme.px(4), outerBoundsMode: 'same', outerBoundsContain: 'all' }
      : { left: theme.px(6), right: theme.px(10), top: theme.px(28), bottom: theme.px(4), outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: {
      ...tooltipBase(theme),
      trigger: 'item',
      formatter: (raw) => {
        const p = raw as { dataIndex?: number };
        const row = rows[p.dataIndex ?? -1];
        if (!row) return '';
        return `${row.name}  ${translate('ranking.rank', locale, { n: row.rank })}\n${valueText(row.value, unit, locale, digits)}`;
      },
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [
      {
        id: 'ranking',
        type: 'bar',
        data: rows.map((r) => ({ value: r.value, itemStyle: { color: r.highlighted ? highlight : r.compared ? theme.compare : normal } })),
        barMaxWidth: theme.px(horizontal ? 14 : 22),
        showBackground: true,
        backgroundStyle: { color: 'rgba(143, 168, 200, 0.08)', borderRadius: theme.px(2) },
        itemStyle: { borderRadius: theme.px(2) },
        label: {
          show: true,
          position: horizontal ? 'right' : 'top',
          distance: theme.px(6),
          color: theme.text,
          fontSize: theme.px(14),
          fontFamily: theme.numberFamily,
          formatter: (p: { value?: unknown }) => labelText(typeof p.value === 'number' ? p.value : null),
        },
        cursor: 'pointer',
      },
    ],
  };
}
