import type { MapMessageKey } from '../i18n/catalog/map';
import { translate } from '../i18n/translate';
import type { Locale } from '../lib/locale';

/**
 * The map's words, from the one catalogue. Map-only strings are `map.*` keys
 * (src/i18n/catalog/map.ts); incident types, levels and statuses and resource
 * kinds are the shared vocabulary (`term('incident.type', 'traffic', locale)`),
 * so the map says what the incident list says. Table headers are `col.*`.
 */
export function mapText(key: MapMessageKey, locale: Locale, vars?: Record<string, string | number>): string {
  return translate(key, locale, vars);
}

export { levelWithColour, term, translate } from '../i18n/translate';
