import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { DataTable } from './data-table';
import { xlsxBlob } from './xlsx-export';

const table: DataTable = {
  columns: [
    { key: 'region', label: '地区', kind: 'region' },
    { key: 'value', label: '数值', unit: '亿元', kind: 'number' },
    { key: 'at', label: '时间', kind: 'time' },
  ],
  rows: [
    { region: '410300', regionName: '洛阳市', value: 4042.5, at: Date.parse('2026-11-19T16:30:00Z') },
    { region: '410100', regionName: '郑州市', value: null, at: null },
  ],
};

describe('XLSX export', () => {
  it('is a real workbook: header block, headers with units, numbers as numbers, gaps empty', async () => {
    const blob = await xlsxBlob(
      table,
      {
        title: '分地区排名',
        source: '河南省统计局',
        asOf: null,
        region: '河南省（410000）',
        range: '2025-12 – 2026-11',
        filters: [],
        demo: null,
        exportedAt: Date.parse('2026-11-20T02:05:00Z'),
      },
      'zh-CN',
      '经济运行监测 · 分地区排名',
    );
    // The reader pads every row to the sheet's width; trailing empty cells are not content.
    const rows = (await readSheet(Buffer.from(await blob.arrayBuffer()))).map((r) => {
      const cells = [...r];
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });
    expect(rows[0]).toEqual(['标题', '分地区排名']);
    expect(rows[5]).toEqual(['筛选条件', '无']);
    expect(rows[6]).toEqual(['导出时间', '2026-11-20T10:05:00+08:00']);
    expect(rows[7]).toEqual([]);
    const header = 8;
    expect(rows[header]).toEqual(['地区', '地区代码', '数值（亿元）', '时间']);
    expect(rows[header + 1]).toEqual(['洛阳市', '410300', 4042.5, '2026-11-20T00:30:00+08:00']);
    expect(rows[header + 2]).toEqual(['郑州市', '410100']);
  });
});
