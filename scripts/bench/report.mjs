/**
 * The one bench report (issue #12): every figure of a `npm run bench` run with
 * its goal, pass or fail, and its change against the report committed in
 * docs/bench/report.json (the previous accepted run). Written to
 * bench-results/report.json and report.md; `BENCH_SAVE=1` also copies them to
 * docs/bench/ (commit them to make this run the reference for the next).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

/** @typedef {{ name: string, value: number | null, unit: string, budget?: string, ok?: boolean }} Metric */
/** @typedef {{ name: string, date: string, params: Record<string, unknown>, metrics: Metric[] }} Result */

/**
 * @param {Result[]} results this run's results
 * @param {{ rows?: { bench: string, metric: string, value: number | null }[] } | null} previous the committed report
 */
export function buildReport(results, previous, machine) {
  const before = new Map((previous?.rows ?? []).map((r) => [`${r.bench}\u0000${r.metric}`, r.value]));
  const rows = [];
  for (const r of [...results].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const m of r.metrics) {
      const prev = before.get(`${r.name}\u0000${m.name}`);
      const change = typeof prev === 'number' && typeof m.value === 'number' ? Math.round((m.value - prev) * 100) / 100 : null;
      rows.push({
        bench: r.name,
        metric: m.name,
        value: m.value,
        unit: m.unit,
        goal: m.budget ?? null,
        status: m.ok === undefined ? 'info' : m.ok ? 'pass' : 'fail',
        previous: typeof prev === 'number' ? prev : null,
        change,
      });
    }
  }
  const goals = rows.filter((r) => r.status !== 'info');
  return {
    date: new Date().toISOString(),
    machine,
    summary: { goals: goals.length, passed: goals.filter((r) => r.status === 'pass').length, failed: goals.filter((r) => r.status === 'fail').length },
    params: Object.fromEntries(results.map((r) => [r.name, r.params])),
    rows,
  };
}

const cell = (v) => (v === null || v === undefined ? '—' : String(v).replaceAll('|', '\\|'));

export function reportMarkdown(report) {
  const lines = [
    '# Bench report',
    '',
    `${report.date} · ${report.machine.cpus} CPUs · load ${report.machine.load.join(' / ')} · Node ${report.machine.node}`,
    '',
    `**${report.summary.passed} of ${report.summary.goals} goals met, ${report.summary.failed} not met.** Change is against the previous committed report (docs/bench/report.json).`,
    '',
    '| bench | figure | value | unit | goal | status | previous | change |',
    '|---|---|---:|---|---|---|---:|---:|',
  ];
  for (const r of report.rows) {
    const status = r.status === 'pass' ? '✅ pass' : r.status === 'fail' ? '❌ fail' : '';
    const change = r.change === null ? '—' : `${r.change > 0 ? '+' : ''}${r.change}`;
    lines.push(`| ${cell(r.bench)} | ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.unit)} | ${cell(r.goal)} | ${status} | ${cell(r.previous)} | ${change} |`);
  }
  lines.push('', '## Parameters', '');
  for (const [bench, params] of Object.entries(report.params)) lines.push(`- **${bench}**: \`${JSON.stringify(params)}\``);
  return `${lines.join('\n')}\n`;
}

export async function writeReport(root, results) {
  const committed = join(root, 'docs/bench/report.json');
  const previous = existsSync(committed) ? JSON.parse(await readFile(committed, 'utf8')) : null;
  const machine = { cpus: cpus().length, load: loadavg().map((x) => Math.round(x * 10) / 10), node: process.versions.node };
  const report = buildReport(results, previous, machine);
  const dir = join(root, 'bench-results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, 'report.md'), reportMarkdown(report));
  if (process.env.BENCH_SAVE === '1') {
    await mkdir(join(root, 'docs/bench'), { recursive: true });
    await copyFile(join(dir, 'report.json'), committed);
    await copyFile(join(dir, 'report.md'), join(root, 'docs/bench/report.md'));
  }
  return report;
}
