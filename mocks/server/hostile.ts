import { z } from 'zod';
import { type ContractName, contracts } from '../../src/data/contracts/index.ts';

/**
 * Hostile text for the feed server's `hostile` and `quarantineEvery` faults:
 * every text field of every record (the fields the contract declares with
 * `text(max)`, found from the contracts themselves, so a new field is covered
 * without a list to keep) gets an injection payload followed by a run of text
 * far longer than its cap; `quarantineEvery: n` turns every n-th record
 * structurally bad (a text field that is an object), which the data layer
 * must quarantine and count.
 *
 * Identity fields (what config and dedupe match on: a KPI's `id`, a series
 * name, an indicator, a share's `key`, a record `id`) and references
 * (`incidentId`) keep their value: rewriting them would only make the panels
 * show nothing, which tests no layout. Their cut is tested in
 * src/data/contracts/contracts.test.ts.
 */
const KEEP: Partial<Record<ContractName, readonly string[]>> = {
  kpi: ['id'],
  series: ['series'],
  'region-metric': ['indicator'],
  rank: ['key'],
  share: ['key'],
};
const ALWAYS_KEEP = ['id', 'incidentId'];

/** Injection payloads: markup, script, handlers, template and URL tricks, bidi and zero-width characters. */
export const HOSTILE_PAYLOADS: readonly string[] = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1"></svg>',
  "'><iframe src=javascript:window.__xss=1>",
  '{{constructor.constructor("window.__xss=1")()}}',
  'javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">点我</a>',
  '\u202Eevil\u202C<b onmouseover=window.__xss=1>粗体</b>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
  '${window.__xss=1}`<style>*{display:none}</style>',
  '&lt;img src=x onerror=window.__xss=1&gt; &amp;#x3C;',
];

/** A long run without spaces (the hardest to wrap), Latin and CJK in turn. */
const FILLERS = ['W'.repeat(1200), '长'.repeat(900), `${'Ünïcødé🙂'.repeat(120)}`];

function inner(schema: unknown): unknown {
  let s = schema as { _zod?: { def?: { type?: string; innerType?: unknown } } };
  while (s?._zod?.def && ['optional', 'nullable', 'catch', 'default'].includes(s._zod.def.type ?? '')) s = s._zod.def.innerType as typeof s;
  return s;
}

const cache = new Map<string, string[]>();
/** The text fields of a contract that the hostile fault rewrites. */
export function hostileFields(contract: string): string[] {
  let fields = cache.get(contract);
  if (!fields) {
    const schema = contracts[contract as ContractName] as unknown as { shape?: Record<string, unknown> } | undefined;
    const keep = new Set([...(KEEP[contract as ContractName] ?? []), ...ALWAYS_KEEP]);
    fields = Object.entries(schema?.shape ?? {})
      .filter(([key, field]) => !keep.has(key) && (z.globalRegistry.get(inner(field) as z.ZodType)?.description ?? '').startsWith('plain text'))
      .map(([key]) => key);
    cache.set(contract, fields);
  }
  return fields;
}

/** The record with every text field (that it has) replaced by a payload and a long run. */
export function hostileRecord(record: unknown, contract: string, index: number): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  hostileFields(contract).forEach((field, f) => {
    if (typeof out[field] !== 'string' && typeof out[field] !== 'number') return;
    const payload = HOSTILE_PAYLOADS[(index + f) % HOSTILE_PAYLOADS.length] as string;
    out[field] = `${payload}${FILLERS[(index + f) % FILLERS.length]}`;
  });
  return out;
}

/** The record made structurally bad: its first rewritable text field is an object (never text). */
export function brokenRecord(record: unknown, contract: string): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const field = hostileFields(contract)[0];
  return field
    ? { ...(record as Record<string, unknown>), [field]: { html: '<b>not text</b>' } }
    : { ...(record as Record<string, unknown>), id: { bad: true } };
}

/** Applies the text faults to one record (the n-th of its answer or stream). */
export function textFaults(record: unknown, contract: string | undefined, index: number, faults: { hostile?: boolean; quarantineEvery?: number }): unknown {
  if (!contract) return record;
  let out = faults.hostile ? hostileRecord(record, contract, index) : record;
  if (faults.quarantineEvery && index % faults.quarantineEvery === faults.quarantineEvery - 1) out = brokenRecord(out, contract);
  return out;
}
