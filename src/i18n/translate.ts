import { pickText } from '../lib/format';
import type { Locale } from '../lib/locale';
import { type MessageKey, messageOf, messagePartsLoaded } from './messages';

/**
 * Pure lookups in the one catalogue (no React, no store): importable from
 * option builders, the map room and panel descriptors.
 */
export { INTL_TAG, pickName, pickText } from '../lib/format';

export function hasMessage(key: string): key is MessageKey {
  return messageOf(key) !== undefined;
}

const reported = new Set<string>();
/**
 * A key whose lazy part is not loaded yet: a chunk said a word of a part it
 * did not load first (messages.ts). Reported once per key as an error (every
 * e2e test fails on a console error), shown as the key.
 */
function notLoaded(key: string): { zh: string; en: string } {
  if (!reported.has(key)) {
    reported.add(key);
    console.error(`message "${key}" ${messagePartsLoaded() ? 'is not in the catalogue' : 'is in a part of the catalogue not loaded yet'}`);
  }
  return { zh: key, en: key };
}

/** The catalogue entry in a locale, `{name}` placeholders filled from `vars`. */
export function translate(key: MessageKey, locale: Locale, vars?: Readonly<Record<string, string | number>>): string {
  let text = pickText(messageOf(key) ?? notLoaded(key), locale);
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/**
 * Closed (or commonly closed) vocabularies of the catalogue: `<vocabulary>.<value>` keys.
 * Values come from feeds: incident types and statuses, levels, resource kinds,
 * appeal statuses/channels/categories, project statuses, industries, units.
 */
export type Vocabulary =
  | 'incident.type'
  | 'incident.level'
  | 'incident.status'
  | 'resource.kind'
  | 'resource.status'
  | 'appeal.status'
  | 'appeal.channel'
  | 'appeal.category'
  | 'project.status'
  | 'industry'
  | 'unit'
  | 'unitShort';

export const vocabularies: readonly Vocabulary[] = [
  'incident.type',
  'incident.level',
  'incident.status',
  'resource.kind',
  'resource.status',
  'appeal.status',
  'appeal.channel',
  'appeal.category',
  'project.status',
  'industry',
  'unit',
  'unitShort',
];

/** Whether the catalogue knows `value` in `vocabulary`. */
export function hasTerm(vocabulary: Vocabulary, value: string | number): boolean {
  return hasMessage(`${vocabulary}.${value}`);
}

/**
 * A term of a closed vocabulary in a locale, or the value itself when the
 * catalogue does not know it (a feed's own category, an unknown unit):
 * `term('industry', '电子信息', 'en')` → "Electronics"; `term('industry', '陶瓷', 'en')` → "陶瓷".
 */
export function term(vocabulary: Vocabulary, value: string | number, locale: Locale): string {
  const key = `${vocabulary}.${value}`;
  return hasMessage(key) ? translate(key, locale) : String(value);
}

/** A four-colour level with its colour: "Ⅰ级 红色" / "Level I · Red". */
export function levelWithColour(level: 1 | 2 | 3 | 4, locale: Locale): string {
  return translate('incident.level.withColour', locale, {
    level: translate(`incident.level.${level}`, locale),
    colour: translate(`incident.level.${level}.colour`, locale),
  });
}

/** The other locale (the language switch). */
export function otherLocale(locale: Locale): Locale {
  return OTHER[locale];
}
const OTHER: Readonly<Record<Locale, Locale>> = { 'zh-CN': 'en', en: 'zh-CN' };
