// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { validateRecords } from './contracts/validate';
import { mappingSchema, unwrap } from './mapping';

describe('field mapping (the docs/adapters.md example)', () => {
  it('maps a bureau answer with its own names and units onto the kpi contract', () => {
    const answer = {
      code: 0,
      data: {
        updateTime: '2026-11-15 10:00:00+08:00',
        list: [{ zbdm: 'gdp', zbmc: '地区生产总值', dq: '410000', sj: '2026-09', zbz: '438250000', tb: '4.0', dw: '万元' }],
      },
    };
    const mapping = mappingSchema.parse({
      records: 'data.list',
      asOf: 'data.updateTime',
      fields: { id: 'zbdm', name: 'zbmc', region: 'dq', period: 'sj', value: 'zbz', yoy: 'tb' },
      scale: { value: 0.0001 },
      constants: { unit: '亿元' },
    });
    const envelope = unwrap(answer, mapping);
    expect(envelope.asOf).toBe(Date.parse('2026-11-15T10:00:00+08:00'));
    const batch = validateRecords('kpi', envelope.records);
    expect(batch.quarantined).toEqual([]);
    expect(batch.records[0]).toMatchObject({ id: 'gdp', region: '410000', period: '2026-09', value: 43825, yoy: 4, unit: '亿元' });
  });
});
