import type { LocalizedText } from '../config/schema';
import { useView } from '../state/view-store';
import { type MessageKey, messages } from './messages';

export type Locale = 'zh-CN' | 'en';

export function translate(key: MessageKey, locale: Locale, vars?: Record<string, string | number>): string {
  const entry = messages[key];
  let text: string = locale === 'en' ? entry.en : entry.zh;
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return locale === 'en' ? text.en : text.zh;
}

export function useLocale(): Locale {
  return useView((s) => s.locale);
}

/** `const t = useT(); t('panel.loading')` */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const locale = useLocale();
  return (key, vars) => translate(key, locale, vars);
}
