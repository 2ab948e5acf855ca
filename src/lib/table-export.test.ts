import { describe, expect, it } from 'vitest';
import type { DataTable } from './data-table';
import { csvField, exportFileName, isoChinaTime, toCsv } from './table-export';

const table: DataTable = {
  columns: [
    { key: 'period', label: '统计期', kind: 'period' },
    { key: 'region', label: '地区', kind: 'region' },
    { key: 'value', label: '数值', unit: '亿元', kind: 'number' },
    { key: 'at', label: '时间', kind: 'time' },
    { key: 'note', label: '备注', kind: 'text' },
  ],
  rows: [
    { period: '2026-10', region: '410300', regionName: '洛阳市', value: 4042.5, at: Date.parse('2026-11-19T16:30:00Z'), note: '含"季度"调整, 初值' },
    { period: '2026-11', region: '410300', regionName: '洛阳市', value: null, at: null, note: '=HYPERLINK("http://x")' },
  ],
};

describe('CSV export', () => {
  it('writes China time whatever the machine zone', () => {
    // 2026-11-19 16:30 UTC is 2026-11-20 00:30 in Beijing: the date rolls over.
    expect(isoChinaTime(Date.parse('2026-11-19T16:30:00Z'))).toBe('2026-11-20T00:30:00+08:00');
  });

  it('has a BOM, a header block, units in headers, readable dates, gaps empty, and CRLF', () => {
    const csv = toCsv(
      table,
      {
        title: '地区生产总值',
        source: '河南省统计局',
        asOf: Date.parse('2026-11-20T02:00:00Z'),
        region: '洛阳市（410300）',
        range: '2025-12 – 2026-11',
        filters: ['指标 = 地区生产总值'],
        demo: '演示数据',
        exportedAt: Date.parse('2026-11-20T02:05:00Z'),
      },
      'zh-CN',
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 9)).toEqual([
      '标题,地区生产总值 (演示数据)',
      '数据来源,河南省统计局',
      '数据截至,2026-11-20T10:00:00+08:00',
      '地区,洛阳市（410300）',
      '时间范围,2025-12 – 2026-11',
      '筛选条件,指标 = 地区生产总值',
      '导出时间,2026-11-20T10:05:00+08:00',
      '',
      '统计期,地区,地区代码,数值（亿元）,时间,备注',
    ]);
    expect(lines[9]).toBe('2026-10,洛阳市,410300,4042.5,2026-11-20T00:30:00+08:00,"含""季度""调整, 初值"');
    // A gap is an empty cell; a formula from a feed is defused.
    expect(lines[10]).toBe(`2026-11,洛阳市,410300,,,"'=HYPERLINK(""http://x"")"`);
    expect(lines[11]).toBe('');
    expect(lines).toHaveLength(12);
  });

  it('quotes only when needed and defuses only text', () => {
    expect(csvField('plain', true)).toBe('plain');
    expect(csvField('-5', false)).toBe('-5');
    expect(csvField('-5', true)).toBe("'-5");
    expect(csvField('a\nb', true)).toBe('"a\nb"');
  });

  it('makes file names Windows accepts', () => {
    expect(exportFileName(['经济运行监测', '地区排名', '洛阳市', '2026-11-20'], 'csv')).toBe('经济运行监测-地区排名-洛阳市-2026-11-20.csv');
    expect(exportFileName(['a/b', 'c:d e'], 'csv')).toBe('a_b-c_d_e.csv');
  });
});

describe('CSV export in English', () => {
  it('names units and codes in English words', () => {
    const csv = toCsv(
      {
        columns: [
          { key: 'period', label: 'Period', kind: 'period' },
          { key: 'region', label: 'Region', kind: 'region' },
          { key: 'value', label: 'Value', unit: '亿元', kind: 'number' },
        ],
        rows: [{ period: '2026-10', region: '410300', regionName: 'Luoyang', value: 4042.5 }],
      },
      { title: 'GDP', source: 'Bureau', asOf: null, region: 'Luoyang (410300)', range: '2025-12 – 2026-11', filters: [], demo: null, exportedAt: 0 },
      'en',
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[5]).toBe('Filters,none');
    expect(lines[8]).toBe('Period,Region,Region code,Value (100M CNY)');
    expect(lines[9]).toBe('2026-10,Luoyang,410300,4042.5');
  });
});
