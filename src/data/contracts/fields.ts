import { z } from 'zod';

/**
 * Field policy shared by every contract (see docs/data-contracts.md):
 * - numbers are finite JSON numbers, or numeric strings parsed explicitly
 *   ("1,234.5" and " 12 " are accepted; "", "abc", "NaN", [] are not);
 * - `null` is a gap and is only accepted where the field is nullable;
 * - nothing is ever coerced to 0.
 */
const NUMERIC_STRING = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/;

export function parseNumeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    if (!NUMERIC_STRING.test(t)) return undefined;
    const n = Number(t.replaceAll(',', ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export const num = z.unknown().transform((v, ctx) => {
  const n = parseNumeric(v);
  if (n === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected a number, got ${describe(v)}` });
    return z.NEVER;
  }
  return n;
});

/** A number or a gap (`null`/missing). Invalid values are still errors, never gaps. */
export const numOrGap = z.unknown().transform((v, ctx) => {
  if (v === null || v === undefined) return null;
  const n = parseNumeric(v);
  if (n === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected a number or null, got ${describe(v)}` });
    return z.NEVER;
  }
  return n;
});

function describe(v: unknown): string {
  if (typeof v === 'string') return `"${v.slice(0, 20)}"`;
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v;
}

/** GB/T 2260 six-digit administrative division code. */
export const regionCode = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^[1-9]\d{5}$/, 'expected a 6-digit GB/T 2260 region code'));

/** ISO-8601 instant; stored as epoch milliseconds. */
export const instant = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: 'expected an ISO-8601 time' });
    return z.NEVER;
  }
  return ms;
});

/** Plain text from a feed. Rendered as text only, never as HTML. Length-capped. */
export const text = (max = 500) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => String(v))
    .pipe(z.string().max(max * 4))
    .transform((s) => (s.length > max ? `${s.slice(0, max - 1)}…` : s));

/** Period label: a month "2026-10", a quarter "2026-Q3", a year "2026" or a day "2026-10-31". */
export const period = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}(-\d{2})?))?$/, 'expected a period like 2026-10'));

/** Four-colour severity: 1 = red (I), 2 = orange (II), 3 = yellow (III), 4 = blue (IV). */
export const severity = z
  .union([z.number(), z.string()])
  .transform((v) => (typeof v === 'string' ? SEVERITY_ALIASES[v.trim().toLowerCase()] ?? Number(v) : v))
  .pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]));

const SEVERITY_ALIASES: Record<string, number> = {
  red: 1,
  i: 1,
  orange: 2,
  ii: 2,
  yellow: 3,
  iii: 3,
  blue: 4,
  iv: 4,
};
