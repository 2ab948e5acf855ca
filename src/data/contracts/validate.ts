import { findForbiddenKey } from '../../lib/safe-object';
import { type ContractName, contracts, type RecordTypes } from './index';

export interface QuarantinedRecord {
  index: number;
  reason: string;
}

export interface ValidatedBatch<T> {
  records: T[];
  /** Records dropped because they did not match the contract. Never turned into 0. */
  quarantined: QuarantinedRecord[];
}

/**
 * Validates raw records one by one: good records are typed and kept, bad ones
 * are dropped and counted, so one broken row never blanks a panel.
 */
export function validateRecords<C extends ContractName>(contract: C, raw: unknown): ValidatedBatch<RecordTypes[C]> {
  if (!Array.isArray(raw)) {
    throw new ContractError(`expected an array of ${contract} records, got ${raw === null ? 'null' : typeof raw}`);
  }
  const schema = contracts[contract];
  const records: RecordTypes[C][] = [];
  const quarantined: QuarantinedRecord[] = [];
  raw.forEach((item, index) => {
    if (hasForbiddenKey(item)) {
      quarantined.push({ index, reason: `forbidden key ${findForbiddenKey(item)}` });
      return;
    }
    const result = schema.safeParse(item);
    if (result.success) records.push(result.data as RecordTypes[C]);
    else {
      const issue = result.error.issues[0];
      quarantined.push({ index, reason: `${issue?.path.join('.') || '(record)'}: ${issue?.message ?? 'invalid'}` });
    }
  });
  return { records, quarantined };
}

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Allocation-free pre-check (push feeds validate thousands of records a
 * second); the slower findForbiddenKey only runs to name the path.
 */
export function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 64) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (hasForbiddenKey(v, depth + 1)) return true;
    return false;
  }
  for (const key of FORBIDDEN) if (Object.hasOwn(value, key)) return true;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object' && hasForbiddenKey(v, depth + 1)) return true;
  }
  return false;
}

export class ContractError extends Error {
  override name = 'ContractError';
}
