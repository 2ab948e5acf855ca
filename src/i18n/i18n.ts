import type { LocalizedText } from '../config/schema';
import type { Locale } from '../lib/locale';
import { useView } from '../state/view-store';
import type { MessageKey } from './messages';
import { pickText, translate } from './translate';

export type { Locale } from '../lib/locale';
export { locales } from '../lib/locale';
export type { MessageKey } from './messages';
export { hasTerm, levelWithColour, pickName, pickText, otherLocale, term, translate, type Vocabulary } from './translate';

/** Config text: a plain string (same in both locales) or `{ zh, en }`. */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return pickText(text, locale);
}

export function useLocale(): Locale {
  return useView((s) => s.locale);
}

/** `const t = useT(); t('panel.loading')` */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const locale = useLocale();
  return (key, vars) => translate(key, locale, vars);
}
