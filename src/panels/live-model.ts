import type { Alert, Incident, RankItem, SensorAlarm, TextItem } from '../data/contracts/index';
import { maskPersonalData } from '../lib/mask';
import type { AlertFeedOptions, AppealTickerOptions, IncidentListOptions, RankListOptions, SensorListOptions } from './catalog/live-options';

/**
 * What the live lists show, as pure functions of their records and the view:
 * the same items on the wall, in the data table and in an export.
 */

/** Region codes share prefixes: 410000 ⊃ 410300 ⊃ 410324. */
export function inRegion(code: string, region: string): boolean {
  if (region.endsWith('0000')) return code.startsWith(region.slice(0, 2));
  if (region.endsWith('00')) return code.startsWith(region.slice(0, 4));
  return code === region;
}

type Filters = Readonly<Record<string, string>>;
const NO_FILTERS: Filters = {};

/**
 * The first `max` records that `accept` keeps, in `compare` order — exactly
 * what filter + stable sort + slice(0, max) gives, in one pass without
 * copying or sorting the whole buffer (a push buffer holds up to thousands of
 * records and changes several times a second; a list shows tens). Ties keep
 * the records' order.
 */
export function firstInOrder<T>(records: readonly T[] | undefined, accept: (r: T) => boolean, compare: (a: T, b: T) => number, max: number): T[] {
  const kept: T[] = [];
  if (!records || max <= 0) return kept;
  for (const r of records) {
    if (!accept(r)) continue;
    const n = kept.length;
    // Full and not before the last kept one: out (a tie goes after it, as a stable sort would put it).
    if (n >= max && compare(r, kept[n - 1] as T) >= 0) continue;
    // Upper bound: after every kept record that is not after r.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(r, kept[mid] as T) < 0) hi = mid;
      else lo = mid + 1;
    }
    kept.splice(lo, 0, r);
    if (kept.length > max) kept.pop();
  }
  return kept;
}

/** Incidents the list shows: severity, region and the `type` cross-filter applied, newest first. */
export function incidentItems(
  records: readonly Incident[] | undefined,
  options: IncidentListOptions,
  region: string,
  filters: Filters = NO_FILTERS,
): Incident[] {
  const type = filters.type;
  return firstInOrder(
    records,
    (r) => r.severity <= options.minSeverity && (!options.followRegion || inRegion(r.region, region)) && (!type || r.type === type),
    (a, b) => b.reportedAt - a.reportedAt,
    options.max,
  );
}

/**
 * Appeals the ticker shows: region and the `category` / `channel` cross-filters
 * applied, newest first, personal numbers in the text masked (`lib/mask.ts`) —
 * the ticker, its data table and every export read this model.
 */
export function appealItems(records: readonly TextItem[] | undefined, options: AppealTickerOptions, region: string, filters: Filters = NO_FILTERS): TextItem[] {
  const { category, channel } = filters;
  return firstInOrder(
    records,
    (r) => (!options.followRegion || inRegion(r.region, region)) && (!category || r.category === category) && (!channel || r.channel === channel),
    (a, b) => b.receivedAt - a.receivedAt,
    options.max,
  ).map((r) => {
    const text = maskPersonalData(r.text);
    return text === r.text ? r : { ...r, text };
  });
}

export function alertItems(records: readonly Alert[] | undefined, options: AlertFeedOptions, region: string): Alert[] {
  return firstInOrder(
    records,
    (r) => r.level <= options.minLevel && (!options.followRegion || !r.region || inRegion(r.region, region)),
    (a, b) => b.at - a.at,
    options.max,
  );
}

/** Ranked named items; gaps are left out (never ranked as zero). */
export function rankItems(records: readonly RankItem[] | undefined, options: Pick<RankListOptions, 'order' | 'max'>): RankItem[] {
  const list = [...(records ?? [])].filter((r): r is RankItem & { value: number } => r.value !== null);
  list.sort((a, b) => (options.order === 'desc' ? b.value - a.value : a.value - b.value));
  return list.slice(0, options.max);
}

/**
 * Where the bars of a ranked list start. Counts start at zero. Rates (all in
 * %) cluster near 100 %, so their bars start at a round 5 % step below the
 * smallest value — and the panel says so in its header ("条形自 95% 起"):
 * a bar never silently exaggerates a difference.
 */
export function rankBarScale(items: readonly RankItem[]): { max: number; floor: number } {
  const values = items.map((r) => r.value ?? 0);
  const max = Math.max(...values, 0);
  const min = Math.min(...values, max);
  const isRate = items.length > 0 && items.every((r) => r.unit === '%');
  if (!isRate || min <= 0) return { max, floor: 0 };
  const floor = Math.max(0, Math.floor((min - Math.max(max - min, 2)) / 5) * 5);
  return { max, floor };
}

/** Sensor alarms the list shows: active ones first (newest first), then cleared ones if asked for; inside the region in view. */
export function sensorItems(records: readonly SensorAlarm[] | undefined, options: SensorListOptions, region: string): SensorAlarm[] {
  return firstInOrder(
    records,
    (r) => (!options.followRegion || inRegion(r.region, region)) && (options.showCleared || r.status === 'active'),
    (a, b) => (a.status === b.status ? b.at - a.at : a.status === 'active' ? -1 : 1),
    options.max,
  );
}

/** How far a reading is over its threshold, as a multiple (1.24 → "1.24×"); null when either is missing. */
export function overThreshold(r: Pick<SensorAlarm, 'reading' | 'threshold'>): number | null {
  return r.reading !== null && r.threshold !== null && r.threshold > 0 ? Math.round((r.reading / r.threshold) * 100) / 100 : null;
}
