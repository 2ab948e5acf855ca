import { pickName } from '../../i18n/translate';
import type { Locale } from '../../lib/locale';

/**
 * Text from feeds goes into the canvas only (tooltips use `renderMode:
 * 'richText'`, never HTML). Rich-text markup is `{style|text}`: braces in feed
 * text are swapped for full-width ones so a name cannot restyle a label.
 */
export function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝')).replace(/\|/g, '｜');
}

/** The localised name of a record that carries `name`/`nameEn`. */
export function nameOf(r: { name?: string | undefined; nameEn?: string | undefined }, fallback: string, locale: Locale): string {
  const name = r.name ?? fallback;
  return plain(pickName({ name, nameEn: r.nameEn ?? name }, locale));
}
