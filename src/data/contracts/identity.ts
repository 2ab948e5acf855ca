import type { ContractName, RecordTypes } from './index.ts';

/**
 * What makes two records "the same" per contract: feeds deliver at least
 * once, so answers and streams may repeat a record; the later copy wins.
 */
export function recordIdentity<C extends ContractName>(contract: C, record: RecordTypes[C]): string {
  const r = record as unknown as Record<string, unknown>;
  switch (contract) {
    case 'kpi':
      return `${r.id}|${r.region}|${r.period}`;
    case 'series':
      return `${r.series}|${r.region ?? ''}|${r.t}`;
    case 'region-metric':
      return `${r.code}|${r.indicator}|${r.period ?? ''}`;
    case 'rank':
    case 'share':
      return String(r.key);
    case 'response-time':
      return `${r.level}|${r.period ?? ''}`;
    default:
      return String(r.id);
  }
}

/** The field holding a contract's headline number, if it has one. */
export const PRIMARY_VALUE: Partial<Record<ContractName, string>> = {
  kpi: 'value',
  series: 'value',
  'region-metric': 'value',
  rank: 'value',
  share: 'value',
};

/** Keeps the last copy of each record (in the position of the first); returns how many were dropped. */
export function dedupeRecords<C extends ContractName>(contract: C, records: readonly RecordTypes[C][]): { records: RecordTypes[C][]; duplicates: number } {
  const index = new Map<string, number>();
  const out: RecordTypes[C][] = [];
  for (const r of records) {
    const key = recordIdentity(contract, r);
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, out.length);
      out.push(r);
    } else out[at] = r;
  }
  return { records: out, duplicates: records.length - out.length };
}
