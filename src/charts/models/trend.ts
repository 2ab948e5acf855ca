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
  /** Name of the `prior` series when it is not the year before (e.g. 上周同期); default 上年同期. */
  priorName?: string | undefined;
  /** Draw the previous period (the month before) as a dotted line (环比). */
  showPrevious?: boolean | undefined;
  /** Fill under lines. */
  area: boolean;
}

interface Group {
  id: string;
  name: string;
  unit: string | undefined;
  values: (number | null)[];
  prior: (number | null)[];
  /** The value one period earlier (环比), aligned; null for the first period shown or after a gap. */
  previous: (number | null)[];
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
    const previous = periods.map((p, i) => (i > 0 && isNextPeriod(periods[i - 1] as string, p) ? (values[i - 1] ?? null) : null));
    groups.push({ id, name: nameOf(first, id, view.locale), unit: points.find((p) => p.unit)?.unit, values, prior, previous, target });
  }
  return { periods, groups };
}

/** Whether `b` directly follows `a` ("2026-09" → "2026-10", "2026-11-19" → "2026-11-20"); other steps are gaps. */
export function isNextPeriod(a: string, b: string): boolean {
  const m = /^(\d{4})-(\d{2})$/;
  const ma = m.exec(a);
  const mb = m.exec(b);
  if (ma && mb) return Number(mb[1]) * 12 + Number(mb[2]) - (Number(ma[1]) * 12 + Number(ma[2])) === 1;
  const ta = Date.parse(a.length === 13 ? `${a}:00:00Z` : `${a}T00:00:00Z`);
  const tb = Date.parse(b.length === 13 ? `${b}:00:00Z` : `${b}T00:00:00Z`);
  if (!Number.isFinite(ta) || !Number.isFinite(tb)) return false;
  const step = a.length === 13 ? 3600_000 : 86_400_000;
  return tb - ta === step;
}

/** A compared region's series aligned on the main chart's periods (gaps where it has none). */
export function alignedValues(records: readonly SeriesPoint[], seriesId: string, periods: readonly string[]): (number | null)[] {
  const byPeriod = new Map(records.filter((r) => r.series === seriesId).map((r) => [r.t, r.value]));
  return periods.map((p) => byPeriod.get(p) ?? null);
}
