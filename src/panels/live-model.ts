import type { Alert, Incident, RankItem, TextItem } from '../data/contracts/index';
import type { AlertFeedOptions, AppealTickerOptions, IncidentListOptions, RankListOptions } from './catalog/live-options';

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

/** Incidents the list shows: severity, region and the `type` cross-filter applied, newest first. */
export function incidentItems(
  records: readonly Incident[] | undefined,
  options: IncidentListOptions,
  region: string,
  filters: Filters = NO_FILTERS,
): Incident[] {
  const type = filters.type;
  return [...(records ?? [])]
    .filter((r) => r.severity <= options.minSeverity && (!options.followRegion || inRegion(r.region, region)) && (!type || r.type === type))
    .sort((a, b) => b.reportedAt - a.reportedAt)
    .slice(0, options.max);
}

/** Appeals the ticker shows: region and the `category` / `channel` cross-filters applied, newest first. */
export function appealItems(records: readonly TextItem[] | undefined, options: AppealTickerOptions, region: string, filters: Filters = NO_FILTERS): TextItem[] {
  const { category, channel } = filters;
  return [...(records ?? [])]
    .filter((r) => (!options.followRegion || inRegion(r.region, region)) && (!category || r.category === category) && (!channel || r.channel === channel))
    .sort((a, b) => b.receivedAt - a.receivedAt)
    .slice(0, options.max);
}

export function alertItems(records: readonly Alert[] | undefined, options: AlertFeedOptions, region: string): Alert[] {
  return [...(records ?? [])]
    .filter((r) => r.level <= options.minLevel && (!options.followRegion || !r.region || inRegion(r.region, region)))
    .sort((a, b) => b.at - a.at)
    .slice(0, options.max);
}

/** Ranked named items; gaps are left out (never ranked as zero). */
export function rankItems(records: readonly RankItem[] | undefined, options: Pick<RankListOptions, 'order' | 'max'>): RankItem[] {
  const list = [...(records ?? [])].filter((r): r is RankItem & { value: number } => r.value !== null);
  list.sort((a, b) => (options.order === 'desc' ? b.value - a.value : a.value - b.value));
  return list.slice(0, options.max);
}
