/**
 * Masks personal numbers in free text from the public (12345 appeals) before
 * the product shows it anywhere: on the wall, in a table, in an export, in a
 * tooltip. The feed is expected to mask too; this is the product's own guard.
 *
 * What is masked (digits may be separated by a space or a hyphen as people
 * write them):
 * - 18-digit resident ID numbers (GB 11643, last character may be X):
 *   first 6 and last 4 kept → `410102********123X`;
 * - bank cards, 16–19 digits: first 4 and last 4 kept → `6222 **** **** 1234`;
 * - mobile numbers, 11 digits `1[3-9]…` (an optional +86 prefix kept):
 *   → `138****5678`;
 * - landlines with an area code `0xx(x)-` and 7–8 digits → `0371-****5678`.
 *
 * What is left alone: any shorter digit run (amounts, counts, percentages,
 * dates such as 2026年11月 or 2026-11-20, the 12345 hotline, case numbers
 * such as 2026-110-000123). A digit run glued to other digits or to a hyphen
 * on either side is never taken for a phone number, so parts of longer codes
 * are not masked by mistake. Names are the feed's job, not this function's.
 *
 * Pure and idempotent: masking masked text changes nothing.
 */

const SEP = '[ -]?';
/** Not preceded by a digit (nor by a hyphen for the short patterns). */
const NOT_AFTER_DIGIT = '(?<![0-9])';
const NOT_BEFORE_DIGIT = '(?![0-9])';

// ID: 6-digit area, birth date 18xx/19xx/20xx MM DD, 3-digit sequence, check digit or X.
const ID = new RegExp(
  `${NOT_AFTER_DIGIT}([1-9][0-9]{5})((?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))([0-9]{3}[0-9Xx])${NOT_BEFORE_DIGIT}`,
  'g',
);
// Anything else shaped like an ID (17 digits and an X) is masked the same way.
const ID_LOOSE = new RegExp(`${NOT_AFTER_DIGIT}([0-9]{6})([0-9]{8})([0-9]{3}[Xx])(?![0-9A-Za-z])`, 'g');
// Bank card: 16–19 digits, written continuously or in groups of four.
const CARD_GROUPED = new RegExp(`${NOT_AFTER_DIGIT}([0-9]{4})[ -]([0-9]{4})[ -]([0-9]{4})[ -]([0-9]{4})(?:[ -]([0-9]{1,3}))?${NOT_BEFORE_DIGIT}`, 'g');
const CARD_PLAIN = new RegExp(`${NOT_AFTER_DIGIT}([0-9]{16,19})${NOT_BEFORE_DIGIT}`, 'g');
// Mobile: 1[3-9]x xxxx xxxx, optionally +86 / 86 in front.
const MOBILE = new RegExp(`(?<![0-9-])((?:\\+?86${SEP})?)(1[3-9][0-9])${SEP}([0-9]{4})${SEP}([0-9]{4})(?![0-9-])`, 'g');
// Landline: area code 0 + 2–3 digits (in parentheses or followed by a separator), local number 7–8 digits not starting with 0/1.
const LANDLINE = new RegExp(`(?<![0-9-])(\\(0[0-9]{2,3}\\)|0[0-9]{2,3})${SEP}([2-9][0-9]{2,3})([0-9]{4})(?![0-9-])`, 'g');

const STARS = '****';

export function maskPersonalData(text: string): string {
  if (!/[0-9]{7}|[0-9][ -][0-9]{4}/.test(text)) return text;
  return text
    .replace(ID, (_m, area: string, birth: string, tail: string) => `${area}${'*'.repeat(birth.length)}${tail.toUpperCase()}`)
    .replace(ID_LOOSE, (_m, area: string, birth: string, tail: string) => `${area}${'*'.repeat(birth.length)}${tail.toUpperCase()}`)
    .replace(CARD_GROUPED, (_m, a: string, _b: string, _c: string, d: string, e: string | undefined) => `${a} ${STARS} ${STARS} ${(d + (e ?? '')).slice(-4)}`)
    .replace(CARD_PLAIN, (m: string) => `${m.slice(0, 4)} ${STARS} ${STARS} ${m.slice(-4)}`)
    .replace(MOBILE, (_m, prefix: string, head: string, _mid: string, tail: string) => `${prefix}${head}${STARS}${tail}`)
    .replace(LANDLINE, (_m, area: string, _local: string, tail: string) => `${area}-${STARS}${tail}`);
}

/** True when the text still holds something `maskPersonalData` would mask. */
export function hasPersonalData(text: string): boolean {
  return maskPersonalData(text) !== text;
}
