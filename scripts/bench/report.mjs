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
import { triedFor } from './tried.mjs';

/**
 * A figure's profile: what holds it, measured in the same run (main-thread ms by cause, KB by chunk …).
 * @typedef {{ what: string, value: number | null, unit: string }} ProfileItem
 * @typedef {{ title: string, items: ProfileItem[] }} Profile
 * @typedef {{ name: string, value: number | null, unit: string, budget?: string, ok?: boolean, profile?: Profile }} Metric
 */
/** @typedef {{ name: string, date: string, params: Record<string, unknown>, metrics: Metric[] }} Result */

/**
 * @param {Result[]} results this run's results
 * @param {{ rows?: { bench: string, metric: string, value: number | null }[] } | null} previous the committed report
 */
export function buildReport(results, previous, machine, tried = triedFor) {
  const before = new Map((previous?.rows ?? []).map((r) => [`${r.bench}\u0000${r.metric}`, r.value]));
  const rows = [];
  for (const r of [...results].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const m of r.metrics) {
      const prev = before.get(`${r.name}\u0000${m.name}`);
      const change = typeof prev === 'number' && typeof m.value === 'number' ? Math.round((m.value - prev) * 100) / 100 : null;
      const status = m.ok === undefined ? 'info' : m.ok ? 'pass' : 'fail';
      rows.push({
        bench: r.name,
        metric: m.name,
        value: m.value,
        unit: m.unit,
        goal: m.budget ?? null,
        status,
        previous: typeof prev === 'number' ? prev : null,
        change,
        // A goal not met carries its profile (this run's) and what was tried (scripts/bench/tried.mjs).
        ...(status === 'fail' ? { profile: m.profile ?? null, tried: tried(r.name, m.name) } : {}),
      });
    }
  }
  const goals = rows.filter((r) => r.status !== 'info');
  const failed = goals.filter((r) => r.status === 'fail');
  return {
    date: new Date().toISOString(),
    machine,
    summary: {
      goals: goals.length,
      passed: goals.filter((r) => r.status === 'pass').length,
      failed: failed.length,
      // Not met and not explained: no profile from the run, or nothing said of what was tried.
      unexplained: failed.filter((r) => !explained(r)).length,
    },
    params: Object.fromEntries(results.map((r) => [r.name, r.params])),
    rows,
  };
}

/** A goal not met is explained when the run gave its profile and the tried list says what was done about it. */
export const explained = (row) => Boolean(row.profile?.items?.length) && Boolean(row.tried?.tried?.length);

const cell = (v) => (v === null || v === undefined ? '—' : String(v).replaceAll('|', '\\|'));

export function reportMarkdown(report) {
  const lines = [
    '# Bench report',
    '',
    `${report.date} · ${report.machine.cpus} CPUs · load ${report.machine.load.join(' / ')} · Node ${report.machine.node}`,
    '',
    `**${report.summary.passed} of ${report.summary.goals} goals met, ${report.summary.failed} not met${report.summary.unexplained ? ` (${report.summary.unexplained} of them without a profile or what was tried)` : ''}.** Change is against the previous committed report (docs/bench/report.json). Each goal not met is explained below the table.`,
    '',
    '| bench | figure | value | unit | goal | status | previous | change |',
    '|---|---|---:|---|---|---|---:|---:|',
  ];
  for (const r of report.rows) {
    const status = r.status === 'pass' ? '✅ pass' : r.status === 'fail' ? '❌ fail' : '';
    const change = r.change === null ? '—' : `${r.change > 0 ? '+' : ''}${r.change}`;
    lines.push(`| ${cell(r.bench)} | ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.unit)} | ${cell(r.goal)} | ${status} | ${cell(r.previous)} | ${change} |`);
  }
  const failed = report.rows.filter((r) => r.status === 'fail');
  if (failed.length) {
    lines.push('', '## Goals not met: the figure, its profile, what was tried', '');
    for (const r of failed) {
      lines.push(`### ${r.bench} · ${r.metric}`, '', `**${cell(r.value)} ${r.unit}**, goal ${r.goal}.`, '');
      if (r.profile?.items?.length) {
        lines.push(`*${r.profile.title}* (this run):`, '', '| what | value | unit |', '|---|---:|---|');
        for (const i of r.profile.items) lines.push(`| ${cell(i.what)} | ${cell(i.value)} | ${cell(i.unit)} |`);
        lines.push('');
      } else lines.push('⚠ This run gave no profile for it.', '');
      if (r.tried?.tried?.length) {
        lines.push('*Tried:*', '');
        for (const t of r.tried.tried) lines.push(`- ${t}`);
        if (r.tried.why) lines.push('', `*Why it stands:* ${r.tried.why}`);
        if (r.tried.doc) lines.push('', `More: ${r.tried.doc}`);
        lines.push('');
      } else lines.push('⚠ Nothing is recorded of what was tried (scripts/bench/tried.mjs).', '');
    }
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
