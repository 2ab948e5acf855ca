import { z } from 'zod';

import './zod-config.ts';

/**
 * Field policy shared by every contract (see docs/data-contracts.md):
 * - numbers are finite JSON numbers, or numeric strings parsed explicitly
 *   ("1,234.5" and " 12 " are accepted; "", "abc", "NaN", [] are not);
 * - `null` is a gap and is only accepted where the field is nullable;
 * - nothing is ever coerced to 0.
 *
 * Every helper carries JSON Schema metadata (`.meta`) describing what it
 * accepts on the wire, so `scripts/export-schemas.ts` can publish the
 * contracts as JSON Schema (input side) for backend teams.
 */
export const NUMERIC_STRING = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$/;

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

const NUMBER_JSON = [{ type: 'number' }, { type: 'string', pattern: NUMERIC_STRING.source, description: 'numeric string, parsed explicitly' }];

function numberIssue(v: unknown, ctx: z.RefinementCtx, gapAllowed: boolean): never {
  ctx.addIssue({ code: 'custom', message: `expected a number${gapAllowed ? ' or null' : ''}, got ${describe(v)}` });
  return z.NEVER;
}

export const num = z
  .unknown()
  .transform((v, ctx) => parseNumeric(v) ?? numberIssue(v, ctx, false))
  .meta({ anyOf: NUMBER_JSON, description: 'finite number (or numeric string); never null' });

/**
 * A number or a gap (`null`). Invalid values are errors, never gaps; a
 * missing required field is an error too (a renamed field must not turn a
 * whole feed into gaps) — optional fields wrap this in `.optional()`.
 */
export const numOrGap = z
  .unknown()
  .transform((v, ctx): number | null => {
    if (v === null) return null;
    if (v === undefined) {
      ctx.addIssue({ code: 'custom', message: 'missing (send null for a gap)' });
      return z.NEVER;
    }
    return parseNumeric(v) ?? numberIssue(v, ctx, true);
  })
  .meta({ anyOf: [...NUMBER_JSON, { type: 'null' }], description: 'number (or numeric string); null is a gap, never 0' });

/** A number within [min, max] (coordinates, percentages). */
export function numberIn(min: number, max: number) {
  return num.pipe(z.number().min(min).max(max)).meta({
    anyOf: [
      { type: 'number', minimum: min, maximum: max },
      { type: 'string', pattern: NUMERIC_STRING.source },
    ],
    description: `number in [${min}, ${max}]`,
  });
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `"${v.slice(0, 20)}"`;
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return String(v);
  return v === null ? 'null' : typeof v;
}

/** GB/T 2260 six-digit administrative division code. */
export const regionCode = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^[1-9]\d{5}$/, 'expected a 6-digit GB/T 2260 region code'))
  .meta({
    anyOf: [
      { type: 'string', pattern: '^\\s*[1-9]\\d{5}\\s*$' },
      { type: 'integer', minimum: 100000, maximum: 999999 },
    ],
    description: 'GB/T 2260 six-digit region code, e.g. "410100"',
  });

/** ISO-8601 instant; stored as epoch milliseconds. */
export const instant = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const ms = typeof v === 'number' ? v : Date.parse(v);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'expected an ISO-8601 time' });
      return z.NEVER;
    }
    return ms;
  })
  .meta({
    anyOf: [
      { type: 'string', format: 'date-time' },
      { type: 'number', description: 'epoch milliseconds' },
    ],
    description: 'ISO-8601 instant with offset (or epoch milliseconds)',
  });

/**
 * Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and C0/C1
 * control characters other than tab and line feed: a feed's text must not
 * reorder the words around it (an unterminated U+202E would flip the source
 * credit next to it) or smuggle terminal controls into an export.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Cuts `s` to at most `max` UTF-16 units, the last one "…", never splitting a
 * surrogate pair (an emoji is kept whole or dropped whole).
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * Plain text from a feed. Rendered as text only, never as HTML. Any length is
 * accepted — long text is not bad data — and cut for display to `max`
 * characters with "…" (the byte caps of the adapters bound what is read);
 * bidi and control characters are removed. Only a value that is not text at
 * all (an object, an array, a boolean, null where required) fails the record.
 */
export const text = (max = 500) =>
  z
    .union([z.string(), z.number()])
    .transform((v) => cutText(String(v).replace(UNSAFE_CHARS, ''), max))
    .meta({
      anyOf: [{ type: 'string' }, { type: 'number' }],
      description: `plain text (never HTML); longer than ${max} characters is cut to ${max} with …`,
    });

/**
 * Period label: a year "2026", a quarter "2026-Q3", a month "2026-10", a day
 * "2026-10-31" or an hour "2026-10-31T14" (China Standard Time).
 */
export const PERIOD = /^\d{4}(-(Q[1-4]|\d{2}(-\d{2}(T\d{2}(:\d{2})?)?)?))?$/;
export const period = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().regex(PERIOD, 'expected a period like 2026-10'))
  .meta({
    anyOf: [
      { type: 'string', pattern: PERIOD.source },
      { type: 'integer', description: 'a year' },
    ],
    description: 'period: "2026", "2026-Q3", "2026-10", "2026-10-31" or "2026-10-31T14" (China Standard Time)',
  });

/** Four-colour severity: 1 = red (I), 2 = orange (II), 3 = yellow (III), 4 = blue (IV). */
export const severity = z
  .union([z.number(), z.string()])
  .transform((v) => (typeof v === 'string' ? (SEVERITY_ALIASES[v.trim().toLowerCase()] ?? Number(v)) : v))
  .pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))
  .meta({
    anyOf: [
      { type: 'integer', enum: [1, 2, 3, 4] },
      { type: 'string', enum: ['1', '2', '3', '4', 'red', 'orange', 'yellow', 'blue', 'I', 'II', 'III', 'IV'] },
    ],
    description: 'four-colour severity: 1 = red (I), 2 = orange (II), 3 = yellow (III), 4 = blue (IV)',
  });

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
