// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contractInfo } from './examples';
import { contractNames, contracts, incident, kpiRecord, projectRow, textItem } from './index';
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

describe('text limits (docs/data-contracts.md: long text is cut with "…", not quarantined)', () => {
  const appeal = contractInfo['text-item'].example;

  it('cuts text far beyond its cap to exactly the cap, ending in …, and keeps the record', () => {
    // text-item.text is capped at 280 characters; 10× that is still text, not bad data.
    const long = '市民反映'.repeat(700);
    const batch = validateRecords('text-item', [{ ...appeal, text: long, category: 'c'.repeat(5000) }]);
    expect(batch.quarantined).toEqual([]);
    const shown = batch.records[0];
    expect(shown?.text).toHaveLength(280);
    expect(shown?.text.endsWith('…')).toBe(true);
    expect(shown?.text.startsWith('市民反映市民反映')).toBe(true);
    expect(shown?.category).toBe(`${'c'.repeat(19)}…`);
  });

  it('leaves text within its cap untouched', () => {
    const exact = 'x'.repeat(280);
    expect(textItem.parse({ ...appeal, text: exact }).text).toBe(exact);
  });

  it('never splits an emoji (a surrogate pair) at the cut', () => {
    // 19 units of "a", then an emoji straddling the 20-unit cap of channel.
    const channel = textItem.parse({ ...appeal, channel: `${'a'.repeat(18)}😀😀` }).channel;
    expect(channel).toBe(`${'a'.repeat(18)}…`);
    expect(channel.length).toBeLessThanOrEqual(20);
  });

  it('removes bidi overrides and control characters, keeps ordinary text and line breaks', () => {
    const parsed = textItem.parse({ ...appeal, text: 'a\u202Eevil\u2066b\u0000c\u0007\nd\te' });
    expect(parsed.text).toBe('aevilbc\nd\te');
  });

  it('still quarantines a text field that is not text at all', () => {
    const batch = validateRecords('text-item', [
      { ...appeal, id: 'obj', text: { html: '<b>x</b>' } },
      { ...appeal, id: 'arr', text: ['a'] },
      { ...appeal, id: 'bool', text: true },
      { ...appeal, id: 'gone', text: undefined },
    ]);
    expect(batch.records).toEqual([]);
    expect(batch.quarantined).toHaveLength(4);
  });

  it('leaves out an over-long project link instead of dropping the project', () => {
    const row = contractInfo.project.example;
    const parsed = projectRow.parse({ ...row, link: `https://example.gov.cn/${'p'.repeat(3000)}` });
    expect(parsed.link).toBeUndefined();
    expect(parsed.name).toBe(row.name);
  });
});
