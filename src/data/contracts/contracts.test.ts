// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contractInfo } from './examples';
import { contractNames, contracts, incident, kpiRecord } from './index';
import { parseNumeric } from './fields';
import { validateRecords } from './validate';

describe('contract examples', () => {
  it.each(contractNames)('%s example passes its contract', (name) => {
    const result = contracts[name].safeParse(contractInfo[name].example);
    expect(result.error?.issues ?? []).toEqual([]);
  });
});

describe('bad-record policy', () => {
  const good = contractInfo.kpi.example;

  it('drops and counts bad records, keeps good ones, never turns them into 0', () => {
    const batch = validateRecords('kpi', [good, { ...good, id: 'b', value: 'abc' }, { ...good, id: 'c', value: [] }, { ...good, id: 'd', value: '' }]);
    expect(batch.records.map((r) => r.id)).toEqual(['retail']);
    expect(batch.quarantined).toHaveLength(3);
    expect(batch.quarantined[0]?.reason).toMatch(/value/);
  });

  it('reads null as a gap; a missing optional field stays absent; a missing required value is drift', () => {
    const { yoy: _yoy, ...withoutYoy } = good;
    const { value: _value, ...withoutValue } = good;
    const batch = validateRecords('kpi', [
      { ...withoutYoy, value: null },
      { ...withoutValue, id: 'renamed', val: 1 },
    ]);
    expect(batch.records[0]?.value).toBeNull();
    expect(batch.records[0]?.yoy).toBeUndefined();
    expect(batch.records).toHaveLength(1);
    expect(batch.quarantined[0]?.reason).toMatch(/value: missing/);
  });

  it('parses numeric strings explicitly', () => {
    expect(parseNumeric(' 1,234.5 ')).toBe(1234.5);
    expect(parseNumeric('1e3')).toBe(1000);
    for (const bad of ['', ' ', 'NaN', 'Infinity', '12abc', '1,23', null, true, [], {}, Number.NaN]) expect(parseNumeric(bad)).toBeUndefined();
    expect(kpiRecord.parse({ ...good, value: '22,318' }).value).toBe(22318);
  });

  it('ignores unknown keys', () => {
    const parsed = kpiRecord.parse({ ...good, extra: 1, nested: { x: 1 } });
    expect(parsed).not.toHaveProperty('extra');
  });

  it('rejects __proto__ and constructor keys', () => {
    const polluted = JSON.parse(`[{"__proto__": {"polluted": true}, "id": "x"}, ${JSON.stringify({ ...good, constructor: { prototype: {} } })}]`);
    const batch = validateRecords('kpi', polluted);
    expect(batch.records).toEqual([]);
    expect(batch.quarantined.map((q) => q.reason)).toEqual(['forbidden key __proto__', 'forbidden key constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads an unknown incident type as "other" and rejects positions outside China', () => {
    const base = contractInfo.incident.example;
    expect(incident.parse({ ...base, type: 'alien' }).type).toBe('other');
    expect(incident.safeParse({ ...base, lon: 200 }).success).toBe(false);
    expect(incident.parse({ ...base, severity: 'RED' }).severity).toBe(1);
  });

  it('throws on a payload that is not an array', () => {
    expect(() => validateRecords('kpi', { records: [] })).toThrow(/expected an array/);
  });
});
