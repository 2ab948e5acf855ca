import type { RankItem } from '../../data/contracts/index';
import type { ChartView } from '../types';
import { nameOf } from './text';

/** The model behind the chart (pure): also what the panel's data table shows. */
export interface CompositionSpec {
  chart: 'ring' | 'pie' | 'rose' | 'treemap';
  /** Where the legend goes (pie kinds); the legend carries each share in %. */
  legend: 'right' | 'bottom' | 'none';
}

export interface Share {
  key: string;
  name: string;
  value: number;
  unit: string | undefined;
  percent: number;
}

/** Shares of the whole; gaps and negatives are left out (a share cannot be negative). */
export function shares(records: readonly RankItem[], view: Pick<ChartView, 'locale'>): Share[] {
  const valid = records.filter((r): r is RankItem & { value: number } => r.value !== null && r.value > 0);
  const total = valid.reduce((s, r) => s + r.value, 0);
  return valid.map((r) => ({
    key: r.key,
    name: nameOf(r, r.key, view.locale),
    value: r.value,
    unit: r.unit,
    percent: total > 0 ? (r.value / total) * 100 : 0,
  }));
}
