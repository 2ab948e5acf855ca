import { BLOCKED_KEYS, getPath } from '../lib/safe-object';
import { z } from 'zod';

/**
 * Field mapping from a backend's JSON onto a contract, declared in config so a
 * real backend need not match our shapes. Paths are dot-separated
 * ("data.items", "stats.0.val"); forbidden keys never resolve.
 */
export const mappingSchema = z
  .object({
    /** Path to the array of records in the response; default: the response itself or its `records`/`data`. */
    records: z.string().optional(),
    /** Path to the response's as-of time. */
    asOf: z.string().optional(),
    /** contract field → path inside one backend record. */
    fields: z.record(z.string(), z.string()).default({}),
    /** contract field → multiplier applied to numeric values (e.g. 万元 → 亿元: 0.0001). */
    scale: z.record(z.string(), z.number()).default({}),
    /** Constant values for contract fields the backend does not send (e.g. unit). */
    constants: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  })
  .strict();
export type Mapping = z.output<typeof mappingSchema>;

export { getPath };

export interface Envelope {
  records: unknown;
  asOf: number | null;
}

/** Finds the records and as-of time in a response, applying the mapping if any. */
export function unwrap(payload: unknown, mapping?: Mapping): Envelope {
  let records: unknown;
  if (mapping?.records) records = getPath(payload, mapping.records);
  else if (Array.isArray(payload)) records = payload;
  else records = getPath(payload, 'records') ?? getPath(payload, 'data');
  const asOfRaw = getPath(payload, mapping?.asOf ?? 'asOf');
  const asOf = typeof asOfRaw === 'string' || typeof asOfRaw === 'number' ? new Date(asOfRaw).getTime() : Number.NaN;
  if (Array.isArray(records) && mapping) records = records.map((r) => mapRecord(r, mapping));
  return { records, asOf: Number.isFinite(asOf) ? asOf : null };
}

export function mapRecord(record: unknown, mapping: Mapping): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const hasFieldMap = Object.keys(mapping.fields).length > 0;
  const out: Record<string, unknown> = hasFieldMap ? {} : { ...(record as Record<string, unknown>) };
  if (hasFieldMap) {
    // Unmapped fields pass through under their own names.
    for (const [k, v] of Object.entries(record)) if (!BLOCKED_KEYS.has(k)) out[k] = v;
    for (const [field, path] of Object.entries(mapping.fields)) out[field] = getPath(record, path);
  }
  for (const [field, value] of Object.entries(mapping.constants)) if (out[field] === undefined) out[field] = value;
  for (const [field, factor] of Object.entries(mapping.scale)) {
    const v = out[field];
    if (typeof v === 'number') out[field] = v * factor;
    else if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) out[field] = Number(v) * factor;
  }
  return out;
}
