/**
 * Wall bench (`npm run bench`, or `BENCH_ONLY=wall`): the long forms of two
 * wall e2e specs, in the system Chromium, their figures kept in
 * bench-results/.
 *
 * - wall-soak: e2e/wall-soak.spec.ts with a 10-minute dwell — a simulated day,
 *   144 screen changes through Economy, Emergency and Public sentiment with
 *   every map and chart, polling and SSE streams against the local feed
 *   server, a feed outage in the middle; heap after forced GC, DOM nodes,
 *   event listeners, live WebGL contexts and undisposed ECharts instances,
 *   sampled on Economy every 4 simulated hours. (CI runs the same spec with a
 *   4-hour dwell.) `WALL_SOAK_HOURS` / `WALL_SOAK_DWELL_MIN` change the run.
 * - wall-shapes: e2e/wall-shapes.spec.ts with WALL_SHAPES_FULL=1 — the
 *   shipped config as it is (maps, mock feeds) at the seven walls, coverage
 *   per wall and a screenshot of each in test-results/screenshots/.
 *
 * Uses E2E_BASE_URL when set (a preview you already run), else Playwright's
 * webServer builds and serves the demo build. A failed check is a result
 * (ok: no), not a crash: the exit code is non-zero only when a run produced
 * no figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, writeResult } from './lib.mjs';

const only = process.env.WALL_BENCH_ONLY ?? '';
let crashed = 0;

function playwright(spec, env) {
  const r = spawnSync('npx', ['playwright', 'test', spec, '--reporter=list', '--workers=1'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return r.status === 0;
}

if (!only || only === 'soak') {
  const out = join(ROOT, 'test-results', 'wall-soak-bench.json');
  rmSync(out, { force: true });
  const hours = Number(process.env.WALL_SOAK_HOURS ?? 24);
  const dwell = Number(process.env.WALL_SOAK_DWELL_MIN ?? 10);
  const passed = playwright('e2e/wall-soak.spec.ts', {
    WALL_SOAK_HOURS: String(hours),
    WALL_SOAK_DWELL_MIN: String(dwell),
    WALL_SOAK_SAMPLE_EVERY_H: process.env.WALL_SOAK_SAMPLE_EVERY_H ?? '4',
    WALL_SOAK_OUT: out,
  });
  if (!existsSync(out)) crashed++;
  else {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    await writeResult(
      'wall-soak',
      { simulatedHours: r.simulatedHours, dwellMinutes: r.stepMinutes, screenChanges: r.screenChanges, outageHours: r.outageHours, samples: r.samples },
      [
        { name: 'real time', value: r.realSeconds, unit: 's' },
        { name: 'heap growth after GC (first → last hour)', value: r.heapGrowthMB, unit: 'MB', budget: '≤ 10', ok: r.heapGrowthMB <= 10 },
        { name: 'DOM nodes change', value: r.nodesChangePct, unit: '%', budget: '±1', ok: Math.abs(r.nodesChangePct) <= 1 },
        { name: 'event listeners change', value: r.listenersChangePct, unit: '%', budget: '±1', ok: Math.abs(r.listenersChangePct) <= 1 },
        {
          name: 'detached nodes alive (last)',
          value: r.last.detached,
          unit: 'nodes',
          budget: `≤ ${r.first.detached} (first)`,
          ok: r.last.detached <= r.first.detached,
        },
        { name: 'live WebGL contexts (last)', value: r.last.webgl, unit: '', budget: '≤ 1', ok: r.last.webgl <= 1 },
        { name: 'undisposed ECharts instances (last)', value: r.last.echartsUndisposed, unit: '', budget: '0', ok: r.last.echartsUndisposed === 0 },
      ],
    );
    if (!passed) console.log('wall-soak: some checks failed (see the table; the DOM check is an expected failure while the map leak stands)');
  }
}

if (!only || only === 'shapes') {
  const screens = ['economy', 'emergency', 'sentiment'];
  for (const s of screens) rmSync(join(ROOT, 'test-results', `wall-shapes-${s}.json`), { force: true });
  playwright('e2e/wall-shapes.spec.ts', { WALL_SHAPES_FULL: '1' });
  const rows = screens.flatMap((s) => {
    const file = join(ROOT, 'test-results', `wall-shapes-${s}.json`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).rows : [];
  });
  if (!rows.length) crashed++;
  else {
    const reference = Object.fromEntries(rows.filter((r) => r.wall === '1920×1080').map((r) => [r.screen, r.coverage]));
    await writeResult(
      'wall-shapes',
      { config: 'public/config.json (maps, mock feeds)', screenshots: 'test-results/screenshots/wall-<screen>-<w>x<h>.png' },
      rows.map((r) => ({
        name: `${r.screen} ${r.wall} (${r.layout})`,
        value: r.coverage,
        unit: '% covered',
        budget: `≥ ${(0.9 * (reference[r.screen] ?? 0)).toFixed(1)}`,
        ok: r.coverage >= 0.9 * (reference[r.screen] ?? 0),
      })),
    );
  }
}

process.exit(crashed ? 1 : 0);
