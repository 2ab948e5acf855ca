/**
 * `npm run bench`: runs every `scripts/bench/*.bench.mjs` (each a standalone
 * script writing `bench-results/<name>.json` through lib.mjs) one after the
 * other, then prints every result of this run as one table.
 * `BENCH_SECONDS` shortens time-based benches; `BENCH_ONLY=sse` runs only
 * bench files whose name contains "sse". The run ends with one report
 * (bench-results/report.{json,md}: each figure, its goal, pass/fail, change
 * against docs/bench/report.json; BENCH_SAVE=1 makes it the new reference —
 * scripts/bench/report.mjs). Benchmarks, not timed tests: the
 * exit code is non-zero only when a bench file crashes.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { printTable, RESULTS_DIR, ROOT } from './lib.mjs';
import { writeReport } from './report.mjs';

const dir = join(ROOT, 'scripts/bench');
const only = process.env.BENCH_ONLY;
// BENCH_REPORT_ONLY=1: no bench runs; the report is made from every result already in bench-results/
// (e.g. after editing scripts/bench/tried.mjs, or to join benches run one by one into one report).
// Its change column is against docs/bench/report.json: once BENCH_SAVE=1 has replaced that, a second
// save compares the run with itself (restore the previous reference from git first).
const reportOnly = process.env.BENCH_REPORT_ONLY === '1';
const files = reportOnly ? [] : (await readdir(dir)).filter((f) => f.endsWith('.bench.mjs') && (!only || f.includes(only))).sort();
if (!files.length && !reportOnly) {
  console.error('no scripts/bench/*.bench.mjs found');
  process.exit(1);
}
const started = reportOnly ? 0 : Date.now();
let failed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, file)], { stdio: 'inherit', cwd: ROOT, env: process.env });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0) {
    failed++;
    console.error(`✗ ${file} exited with ${code}`);
  }
}
const results = [];
for (const f of await readdir(RESULTS_DIR).catch(() => [])) {
  if (!f.endsWith('.json') || f === 'report.json') continue;
  const path = join(RESULTS_DIR, f);
  if ((await stat(path)).mtimeMs < started) continue;
  results.push(JSON.parse(await readFile(path, 'utf8')));
}
console.log('\n═ bench results ═');
if (results.length) printTable(results);
const report = await writeReport(ROOT, results);
console.log(
  `\n${files.length} bench file(s), ${failed} failed; goals: ${report.summary.passed} met, ${report.summary.failed} not met; bench-results/report.md${process.env.BENCH_SAVE === '1' ? ' (saved to docs/bench/)' : ''}`,
);
process.exit(failed ? 1 : 0);
