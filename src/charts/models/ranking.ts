import type { RegionMetric } from '../../data/contracts/index';
import type { ChartView } from '../types';
import { plain } from './text';

/** The model behind the chart (pure): also what the panel's data table shows. */
export interface RankingSpec {
  indicator: string;
  /** Rank by the value or by its YoY change. */
  field: 'value' | 'yoy';
  /** 'desc': biggest first (GDP); 'asc': smallest first (unemployment). */
  order: 'desc' | 'asc';
  /** Show at most this many regions; 0 = all. The region in view is always kept. */
  limit: number;
  /** Regions compared with the one in view (analyst mode): marked, and kept beyond `limit` like it. */
  compared?: readonly string[] | undefined;
  orientation: 'horizontal' | 'vertical';
}

export interface RankRow {
  code: string;
  name: string;
  value: number | null;
  unit: string | undefined;
  rank: number;
  highlighted: boolean;
  /** One of the regions being compared. */
  compared: boolean;
}

/** Unit of the ranked figure: the record's unit, or % / pp for YoY. */
export function rankUnit(records: readonly RegionMetric[], spec: Pick<RankingSpec, 'indicator' | 'field'>): string | undefined {
  const unit = records.find((r) => r.indicator === spec.indicator && r.unit)?.unit;
  if (spec.field === 'yoy') return unit === '%' ? 'pp' : '%';
  return unit;
}

/**
 * Regions of one indicator, ranked. Gaps (null) go last and are never shown
 * as zero. The region in view is highlighted and kept even beyond `limit`.
 */
export function rankRows(records: readonly RegionMetric[], spec: RankingSpec, view: Pick<ChartView, 'region' | 'regionLabel'>): RankRow[] {
  const unit = rankUnit(records, spec);
  const pick = (r: RegionMetric) => (spec.field === 'yoy' ? (r.yoy ?? null) : r.value);
  const seen = new Set<string>();
  const rows = records
    .filter((r) => r.indicator === spec.indicator && !seen.has(r.code) && seen.add(r.code))
    .map((r) => ({
      code: r.code,
      name: plain(view.regionLabel(r.code, true)),
      value: pick(r),
      unit,
      rank: 0,
      highlighted: r.code === view.region,
      compared: spec.compared?.includes(r.code) ?? false,
    }));
  rows.sort((a, b) => {
    if (a.value === null) return b.value === null ? a.code.localeCompare(b.code) : 1;
    if (b.value === null) return -1;
    return spec.order === 'desc' ? b.value - a.value : a.value - b.value;
  });
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  if (spec.limit > 0 && rows.length > spec.limit) {
    const top = rows.slice(0, spec.limit);
    const selected = rows.find((r) => r.highlighted);
    if (selected && !top.includes(selected)) top[top.length - 1] = selected;
    return top;
  }
  return rows;
}
