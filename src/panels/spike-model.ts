import { detectSpikes } from '../analysis/index';
import type { SeriesPoint } from '../data/contracts/index';

/**
 * Spikes in daily appeal volumes by category and region, raised as alerts.
 *
 * Method: each (region, category) series of daily counts goes through the
 * analysis module's `detectSpikes` (running-median trend + seasonal median by
 * weekday — the weekly rhythm — + a robust z of the residual against its MAD;
 * see src/analysis/spikes.ts). A flagged day becomes an alert only when it is
 * recent (the last `recentDays` complete days), upwards, its robust z is at
 * least `threshold`, and it exceeds the expected value by at least
 * `minExcess` appeals and `minRatio` × expected — so the ordinary weekly swing
 * and day-to-day noise of small series raise nothing. Daily data have no daily
 * rhythm to respect; today's partial day is not in the feed.
 *
 * Calibration (seeded demo feed without surges, 72 region views over a year):
 * threshold 6, minExcess 30, minRatio 0.6 raised no alert; the planted heating
 * spike (≈ 3× expected in Zhengzhou on 16 November) scores z ≈ 13.
 */
export interface SpikeRules {
  threshold: number;
  minExcess: number;
  minRatio: number;
  recentDays: number;
}

export interface SpikeAlert {
  key: string;
  category: string;
  name: string;
  nameEn: string | undefined;
  region: string;
  t: string;
  observed: number;
  expected: number;
  lo: number;
  hi: number;
  score: number;
  unit: string;
}

export interface SpikeSeries {
  key: string;
  category: string;
  name: string;
  nameEn: string | undefined;
  region: string;
  unit: string;
  t: string[];
  y: (number | null)[];
  mid: number[] | null;
  lo: number[] | null;
  hi: number[] | null;
  /** Days of this series flagged as alerts. */
  flagged: string[];
}

export interface SpikeReport {
  alerts: SpikeAlert[];
  /** The series of each alert, by key (for the chart). */
  series: Map<string, SpikeSeries>;
  /** Series the detector refused (too short, too many gaps). */
  refused: number;
  checked: number;
  method: string;
}

export function seriesKey(region: string, category: string): string {
  return `${region}|${category}`;
}

export function spikeReport(records: readonly SeriesPoint[] | undefined, rules: SpikeRules): SpikeReport {
  const groups = new Map<string, SeriesPoint[]>();
  for (const r of records ?? []) {
    if (!r.region || !/^\d{4}-\d{2}-\d{2}$/.test(r.t)) continue;
    const key = seriesKey(r.region, r.series);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const alerts: SpikeAlert[] = [];
  const series = new Map<string, SpikeSeries>();
  let refused = 0;
  let method = '';
  for (const [key, points] of groups) {
    points.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
    const t = points.map((p) => p.t);
    const y = points.map((p) => p.value);
    const first = points[0] as SeriesPoint;
    const result = detectSpikes({ grain: 'day', t, y }, { seasons: [7], threshold: rules.threshold });
    if (!result.ok) {
      refused++;
      continue;
    }
    method = result.method;
    const recent = new Set(t.slice(-rules.recentDays));
    const flagged = result.spikes.filter(
      (s) =>
        s.direction === 'up' && recent.has(s.t) && s.score >= rules.threshold && s.y - s.expected >= Math.max(rules.minExcess, rules.minRatio * s.expected),
    );
    if (!flagged.length) continue;
    const base = { category: first.series, name: first.name ?? first.series, nameEn: first.nameEn, region: first.region as string, unit: first.unit ?? '件' };
    series.set(key, { key, ...base, t, y, mid: result.expected.mid, lo: result.expected.lo, hi: result.expected.hi, flagged: flagged.map((s) => s.t) });
    for (const s of flagged) alerts.push({ key, ...base, t: s.t, observed: s.y, expected: s.expected, lo: Math.max(0, s.lo), hi: s.hi, score: s.score });
  }
  // Newest first, the strongest first within a day.
  alerts.sort((a, b) => (a.t === b.t ? b.score - a.score : a.t < b.t ? 1 : -1));
  return { alerts, series, refused, checked: groups.size, method };
}
