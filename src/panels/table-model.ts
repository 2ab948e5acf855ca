import type { ProjectRow } from '../data/contracts/index';
import type { RegionIndex } from '../geo/region-index';
import { INTL_TAG } from '../lib/format';
import type { Locale } from '../lib/locale';
import type { TableColumn } from './catalog/economy-options';

/**
 * Pure helpers of the key-projects table: which rows a region shows, how they
 * sort, what a location cell says, which links may render. No DOM.
 */
export type ProjectStatus = ProjectRow['status'];
export type SortDir = 'asc' | 'desc';

/** Problems rank higher: sorting by status descending puts stopped, then delayed, first. */
const STATUS_RANK: Record<ProjectStatus, number> = { on_track: 0, delayed: 1, stopped: 2 };

/** Rows inside the region in view (the region itself or a descendant), optionally only some statuses. */
export function rowsInRegion(
  rows: readonly ProjectRow[],
  region: string,
  regions: Pick<RegionIndex, 'path'>,
  statuses: readonly ProjectStatus[] = [],
): ProjectRow[] {
  return rows.filter((r) => (statuses.length === 0 || statuses.includes(r.status)) && regions.path(r.region).some((p) => p.code === region));
}

export function completion(r: ProjectRow): number | null {
  return r.investmentPlan > 0 ? r.investmentDone / r.investmentPlan : null;
}

/**
 * Location as seen from the region in view: at province level the city, in a
 * city the county — the level a reader at this view compares.
 */
export function locationCode(code: string, view: string, regions: Pick<RegionIndex, 'path'>): string {
  const path = regions.path(code);
  const i = path.findIndex((p) => p.code === view);
  return (path[i + 1] ?? path[path.length - 1])?.code ?? code;
}

export function sortRows(rows: readonly ProjectRow[], key: TableColumn, dir: SortDir, label: (code: string) => string, locale: Locale): ProjectRow[] {
  const collator = new Intl.Collator(INTL_TAG[locale].collation);
  const value = (r: ProjectRow): number | string | null => {
    switch (key) {
      case 'name':
        return r.name;
      case 'region':
        return label(r.region);
      case 'industry':
        return r.industry;
      case 'owner':
        return r.owner ?? null;
      case 'status':
        return STATUS_RANK[r.status];
      case 'progress':
        return completion(r);
      case 'plan':
        return r.investmentPlan;
      case 'done':
        return r.investmentDone;
      case 'startYear':
        return r.startYear ?? null;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Gaps sort last whatever the direction.
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    if (c !== 0) return c * sign;
    // Ties: bigger plans first, then id, so the order is stable between refreshes.
    return b.investmentPlan - a.investmentPlan || a.id.localeCompare(b.id);
  });
}

/** Only http(s) and same-origin relative links may be rendered (no `javascript:`, `data:`…). */
export function safeHref(link: string | undefined): string | null {
  if (!link) return null;
  const trimmed = link.trim();
  if (/^(\/(?!\/)|\.{1,2}\/|#|\?)/.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** The window of rows to render for a scroll position (hand-rolled virtualisation). */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 4): { start: number; end: number } {
  if (rowHeight <= 0 || count === 0) return { start: 0, end: 0 };
  const first = Math.floor(scrollTop / rowHeight);
  const last = Math.ceil((scrollTop + viewport) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}
