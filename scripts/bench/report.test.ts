import { describe, expect, it } from 'vitest';
import { buildReport, reportMarkdown } from './report.mjs';

const machine = { cpus: 2, load: [1, 1, 1], node: '24.0.0' };

describe('bench report', () => {
  const results = [
    {
      name: 'bytes',
      date: '2026-12-01T00:00:00Z',
      params: { files: 3 },
      metrics: [
        { name: 'entry', value: 183, unit: 'KB', budget: '≤ 150', ok: false },
        { name: 'data', value: 89.3, unit: 'KB' },
      ],
    },
    { name: 'analysis', date: '2026-12-01T00:00:00Z', params: {}, metrics: [{ name: 'long tasks', value: 0, unit: 'count', budget: '0', ok: true }] },
  ];

  it('gives each figure its goal and status, and counts goals met and not met (figures without a goal are not goals)', () => {
    const report = buildReport(results, null, machine);
    expect(report.summary).toEqual({ goals: 2, passed: 1, failed: 1 });
    expect(report.rows.map((r) => [r.bench, r.metric, r.status])).toEqual([
      ['analysis', 'long tasks', 'pass'],
      ['bytes', 'entry', 'fail'],
      ['bytes', 'data', 'info'],
    ]);
  });

  it('states the change against the previous report, and none where the figure is new', () => {
    const previous = { rows: [{ bench: 'bytes', metric: 'entry', value: 140.5 }] };
    const rows = buildReport(results, previous, machine).rows;
    expect(rows.find((r) => r.metric === 'entry')).toMatchObject({ previous: 140.5, change: 42.5 });
    expect(rows.find((r) => r.metric === 'data')).toMatchObject({ previous: null, change: null });
  });

  it('writes a markdown table a person can read: the summary line, a row per figure, pass/fail marks', () => {
    const md = reportMarkdown(buildReport(results, { rows: [{ bench: 'bytes', metric: 'entry', value: 140.5 }] }, machine));
    expect(md).toContain('**1 of 2 goals met, 1 not met.**');
    expect(md).toContain('| bytes | entry | 183 | KB | ≤ 150 | ❌ fail | 140.5 | +42.5 |');
    expect(md).toContain('| analysis | long tasks | 0 | count | 0 | ✅ pass | — | — |');
  });
});
