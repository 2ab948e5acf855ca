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
    const forbidden = findForbiddenKey(item);
    if (forbidden) {
      quarantined.push({ index, reason: `forbidden key ${forbidden}` });
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

export class ContractError extends Error {
  override name = 'ContractError';
}
