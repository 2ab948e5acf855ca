import type { SeriesPoint } from '../../data/contracts/index';
import type { ChartView } from '../types';
import { nameOf } from './text';

/** The model behind the chart (pure): also what the panel's data table shows. */
export interface TrendSpec {
  /** Series ids to draw, in order; empty = every series in the records. */
  series: readonly string[];
  kind: 'line' | 'bar';
  /** Draw the target: a dashed reference line (constant target) or a dashed series. */
  showTarget: boolean;
  /** Draw the same period a year earlier as a dashed line (同比). */
  showPrior: boolean;
  /** Fill under lines. */
  area: boolean;
}

interface Group {
  id: string;
  name: string;
  unit: string | undefined;
  values: (number | null)[];
  prior: (number | null)[];
  target: (number | null)[];
}

function uniqueInOrder(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Periods on the x axis (sorted) and one aligned group per series; gaps are null, never 0. */
export function trendGroups(
  records: readonly SeriesPoint[],
  spec: Pick<TrendSpec, 'series'>,
  view: Pick<ChartView, 'locale'>,
): { periods: string[]; groups: Group[] } {
  const ids = spec.series.length ? [...spec.series] : uniqueInOrder(records.map((r) => r.series));
  const selected = records.filter((r) => ids.includes(r.series));
  const periods = uniqueInOrder(selected.map((r) => r.t)).sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const groups: Group[] = [];
  for (const id of ids) {
    const points = selected.filter((r) => r.series === id);
    const first = points[0];
    if (!first) continue;
    const values: (number | null)[] = periods.map(() => null);
    const prior: (number | null)[] = periods.map(() => null);
    const target: (number | null)[] = periods.map(() => null);
    for (const p of points) {
      const i = index.get(p.t);
      if (i === undefined) continue;
      values[i] = p.value;
      prior[i] = p.prior ?? null;
      target[i] = p.target ?? null;
    }
    groups.push({ id, name: nameOf(first, id, view.locale), unit: points.find((p) => p.unit)?.unit, values, prior, target });
  }
  return { periods, groups };
}
