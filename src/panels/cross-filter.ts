import type { Vocabulary } from '../i18n/translate';

/**
 * Cross-filters: dimensions a click on one panel can filter others by. The
 * value lives in the view filters (`?f.type=fire`), so it is in the URL and
 * Back/Forward walk it. A panel type declares which it follows
 * (`follows` in its descriptor); a panel that cannot follow an active one says
 * so on screen instead of showing unfiltered data silently.
 */
export const CROSS_FILTERS = ['type', 'category', 'channel', 'industry'] as const;
export type CrossFilterKey = (typeof CROSS_FILTERS)[number];

/** How a filter's value is named on a chip: through the closed vocabulary of its dimension. */
export const FILTER_VOCABULARY: Readonly<Record<CrossFilterKey, Vocabulary>> = {
  type: 'incident.type',
  category: 'appeal.category',
  channel: 'appeal.channel',
  industry: 'industry',
};

export function isCrossFilter(key: string): key is CrossFilterKey {
  return (CROSS_FILTERS as readonly string[]).includes(key);
}

/** The active cross-filters of a view's filters (other filters, like the map's indicator, are view settings). */
export function activeCrossFilters(filters: Readonly<Record<string, string>>): [CrossFilterKey, string][] {
  return Object.entries(filters).filter((e): e is [CrossFilterKey, string] => isCrossFilter(e[0]) && e[1] !== '');
}
