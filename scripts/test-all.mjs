#!/usr/bin/env node
// The whole test suite: lint, dependency rules, typecheck, production build,
// unit/component tests (incl. the size budget), then e2e in the system Chromium.
// Ends with one line: "N passed, N failed" summed over every suite.
//
// It bootstraps what a fresh Debian machine lacks, the way .ci/run does:
// - Node < 22.18 (the feed server runs .ts by type stripping; vitest needs 22.12+):
//   installs Node 24 from the npm registry into ~/.local/node24 (`npm install -g
//   --prefix`) and runs itself again under it, that bin first on PATH;
// - node_modules missing, or installed under another Node major than the one now
//   running: `npm ci` from the lockfile (again) under this Node;
// - no Chromium: as root with apt-get, installs Debian's `chromium fonts-noto-cjk`;
//   if still missing, says so and counts e2e as failed.
// This file must parse on old Node versions: plain modern JS, node: builtins only.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const MIN_NODE = [22, 18];
const NODE24_PREFIX = join(homedir(), '.local', 'node24');
const INSTALL_MARK = join('node_modules', '.cockpit-installed-by-node');

function say(line) {
  console.log(`[test-all] ${line}`);
}
function bail(reason) {
  say(reason);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
function nodeOk(version) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

// ── 1. Node ≥ 22.18, or re-run under Node 24 ────────────────────────────────
if (!nodeOk(process.version)) {
  if (process.env.COCKPIT_TEST_REEXEC) bail(`still on Node ${process.version} after switching to ${NODE24_PREFIX}: giving up`);
  const node24 = join(NODE24_PREFIX, 'bin', 'node');
  const works = () => existsSync(node24) && nodeOk(spawnSync(node24, ['-v'], { encoding: 'utf8' }).stdout?.trim() ?? '');
  if (!works()) {
    say(`Node ${process.version} is too old (needs ≥ ${MIN_NODE.join('.')}): installing Node 24 into ${NODE24_PREFIX}`);
    const r = spawnSync('npm', ['install', '-g', '--prefix', NODE24_PREFIX, 'node@24', '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (r.status !== 0 || !works()) bail('installing Node 24 failed (npm install -g --prefix ~/.local/node24 node@24)');
  }
  say(`running again under ${node24}`);
  const env = {
    ...process.env,
    PATH: `${join(NODE24_PREFIX, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
    COCKPIT_TEST_REEXEC: '1',
    COCKPIT_TEST_FROM_NODE: process.versions.node.split('.')[0],
  };
  const r = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env });
  process.exit(r.status ?? 1);
}
const major = process.versions.node.split('.')[0];
say(`node ${process.version}`);

// ── 2. Dependencies installed under this Node major ─────────────────────────
{
  const mark = existsSync(INSTALL_MARK) ? readFileSync(INSTALL_MARK, 'utf8').trim() : null;
  // Unmarked node_modules were installed by plain `npm ci`: under the Node we came from, when we switched.
  const installedBy = mark ?? process.env.COCKPIT_TEST_FROM_NODE ?? major;
  const missing = !existsSync(join('node_modules', '.bin', 'vite'));
  if (missing || installedBy !== major) {
    say(missing ? 'node_modules missing: npm ci' : `node_modules was installed under Node ${installedBy}: npm ci again under Node ${major}`);
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (r.status !== 0) bail('npm ci failed');
    writeFileSync(INSTALL_MARK, `${major}\n`);
  }
  // npm 11 runs no dependency install scripts: MSW's worker is generated explicitly.
  if (!existsSync(join('public', 'mockServiceWorker.js'))) spawnSync('npx', ['msw', 'init', 'public', '--save=false'], { stdio: 'ignore' });
}

// ── 3. Chromium (+ CJK fonts) for e2e ───────────────────────────────────────
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function findChromium() {
  if (process.env.CHROMIUM_PATH) return executable(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  for (const name of ['chromium', 'chromium-browser']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return executable('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
}
function hasCjkFont() {
  const r = spawnSync('fc-list', [], { encoding: 'utf8' });
  return r.status === 0 && /Noto Sans CJK/i.test(r.stdout);
}
let chromium = findChromium();
if ((!chromium || !hasCjkFont()) && !process.env.CHROMIUM_PATH) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (root && apt) {
    say(`${chromium ? 'CJK fonts' : 'Chromium'} missing: apt-get install chromium fonts-noto-cjk`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
    chromium = findChromium();
  } else if (!chromium) {
    say('Chromium missing and not root with apt-get: cannot install it');
  }
} else if (!chromium) {
  say(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable`);
}
if (chromium) process.env.CHROMIUM_PATH = chromium;

// ── 4. The suites ────────────────────────────────────────────────────────────
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
  // A file that failed without a failed test failed in its setup (e.g. the size budget's build): its tests did not run.
  const setupFailed = (r.testResults ?? [])
    .filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'))
    .reduce((n, f) => n + Math.max(1, f.assertionResults.filter((a) => a.status !== 'passed').length), 0);
  const failed = r.numFailedTests + setupFailed;
  results.push({ suite: 'unit', passed: r.numPassedTests, failed: failed + (unitOk || failed ? 0 : 1) });
} else results.push({ suite: 'unit', passed: 0, failed: 1 });

const e2eJson = 'test-results/e2e-report.json';
rmSync(e2eJson, { force: true });
if (!chromium) {
  console.log('\n▶ e2e: NOT RUN — no Chromium (set CHROMIUM_PATH, or as root: apt-get install -y chromium fonts-noto-cjk); counted as failed');
  results.push({ suite: 'e2e', passed: 0, failed: 1 });
} else {
  const e2eOk = run('e2e', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats ?? {};
    const failed = (s.unexpected ?? 0) + (s.flaky ?? 0);
    results.push({ suite: 'e2e', passed: s.expected ?? 0, failed: failed + (e2eOk || failed ? 0 : 1) });
  } else results.push({ suite: 'e2e', passed: 0, failed: 1 });
}

console.log('\nsuite        passed  failed');
for (const r of results) console.log(`${r.suite.padEnd(12)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}`);
const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
