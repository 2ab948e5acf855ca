#!/usr/bin/env node
// The whole test suite: lint, typecheck, production build, unit/component
// tests (incl. the size budget), then e2e in the system Chromium.
// Ends with one line: "N passed, N failed" summed over every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
mkdirSync('test-results', { recursive: true });

function run(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, ok) {
  results.push({ suite: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

check('lint', run('lint', 'npx', ['biome', 'check', '.']));
check('deps', run('deps', 'node', ['scripts/lint-deps.mjs']));
check('typecheck', run('typecheck', 'npx', ['tsc', '-p', '.']));
rmSync('dist', { recursive: true, force: true });
check('build', run('build', 'npx', ['vite', 'build']));

const unitJson = 'test-results/unit.json';
rmSync(unitJson, { force: true });
const unitOk = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
if (existsSync(unitJson)) {
  const r = JSON.parse(readFileSync(unitJson, 'utf8'));
  results.push({ suite: 'unit', passed: r.numPassedTests, failed: r.numFailedTests + (unitOk || r.numFailedTests ? 0 : 1) });
} else results.push({ suite: 'unit', passed: 0, failed: 1 });

const e2eJson = 'test-results/e2e-report.json';
rmSync(e2eJson, { force: true });
const e2eOk = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
if (existsSync(e2eJson)) {
  const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
  const failed = (s.unexpected ?? 0) + (s.flaky ?? 0);
  results.push({ suite: 'e2e', passed: s.expected ?? 0, failed: failed + (e2eOk || failed ? 0 : 1) });
} else results.push({ suite: 'e2e', passed: 0, failed: 1 });

console.log('\nsuite        passed  failed');
for (const r of results) console.log(`${r.suite.padEnd(12)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
