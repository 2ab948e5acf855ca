import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, explained, reportMarkdown } from './report.mjs';
import { TRIED, triedFor } from './tried.mjs';

const machine = { cpus: 2, load: [1, 1, 1], node: '24.0.0' };

describe('bench report', () => {
  const results = [
    {
      name: 'bytes',
      date: '2026-12-01T00:00:00Z',
      params: { files: 3 },
      metrics: [
        {
          name: 'entry',
          value: 183,
          unit: 'KB',
          budget: '≤ 150',
          ok: false,
          profile: { title: 'largest chunks', items: [{ what: 'index.js', value: 120, unit: 'KB' }] },
        },
        { name: 'data', value: 89.3, unit: 'KB' },
      ],
    },
    { name: 'analysis', date: '2026-12-01T00:00:00Z', params: {}, metrics: [{ name: 'long tasks', value: 0, unit: 'count', budget: '0', ok: true }] },
  ];

  it('gives each figure its goal and status, and counts goals met and not met (figures without a goal are not goals)', () => {
    const report = buildReport(results, null, machine);
    expect(report.summary).toEqual({ goals: 2, passed: 1, failed: 1, unexplained: 1 });
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
    expect(md).toContain('**1 of 2 goals met, 1 not met (1 of them without a profile or what was tried).**');
    expect(md).toContain('| bytes | entry | 183 | KB | ≤ 150 | ❌ fail | 140.5 | +42.5 |');
    expect(md).toContain('| analysis | long tasks | 0 | count | 0 | ✅ pass | — | — |');
  });

  const tried = (bench: string, metric: string) =>
    bench === 'bytes' && metric === 'entry'
      ? { tried: ['split the panel tables out'], why: 'React DOM is most of it', doc: 'docs/performance.md#bytes' }
      : null;

  it('explains each goal not met: the profile the run gave and what was tried; a goal with either missing is counted and flagged', () => {
    const report = buildReport(results, null, machine, tried);
    const entry = report.rows.find((r) => r.metric === 'entry');
    expect(entry).toMatchObject({ profile: { items: [{ what: 'index.js', value: 120 }] }, tried: { tried: ['split the panel tables out'] } });
    expect(entry && explained(entry)).toBe(true);
    expect(report.summary.unexplained).toBe(0);
    const md = reportMarkdown(report);
    expect(md).toContain('### bytes · entry');
    expect(md).toContain('| index.js | 120 | KB |');
    expect(md).toContain('- split the panel tables out');
    expect(md).toContain('*Why it stands:* React DOM is most of it');

    const bare = buildReport(
      [{ name: 'map', date: '', params: {}, metrics: [{ name: 'tick', value: 50, unit: 'ms', budget: '≤ 8', ok: false }] }],
      null,
      machine,
      () => null,
    );
    expect(bare.summary).toMatchObject({ failed: 1, unexplained: 1 });
    const bareMd = reportMarkdown(bare);
    expect(bareMd).toContain('1 of them without a profile or what was tried');
    expect(bareMd).toContain('⚠ This run gave no profile for it.');
    expect(bareMd).toContain('⚠ Nothing is recorded of what was tried');
  });

  it('finds what was tried by bench and figure name, and only for that bench', () => {
    expect(triedFor('load', 'economy: panels ready')?.tried.length).toBeGreaterThan(0);
    expect(triedFor('map', 'economy: panels ready')).toBeNull();
    for (const t of TRIED) expect(t.tried.length, `${t.bench} ${t.metric}`).toBeGreaterThan(0);
  });

  it('the committed reference report explains every goal it does not meet (issue #12: figure, profile, what was tried)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../docs/bench/report.json'), 'utf8'));
    const failed = committed.rows.filter((r: { status: string }) => r.status === 'fail');
    const unexplained = failed
      .filter((r: Parameters<typeof explained>[0]) => !explained(r))
      .map((r: { bench: string; metric: string }) => `${r.bench}: ${r.metric}`);
    expect(unexplained).toEqual([]);
  });
});
