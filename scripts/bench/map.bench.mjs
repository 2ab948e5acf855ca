/**
 * Map bench: the map panel's canvas (one WebGL context: MapLibre draws the
 * boundaries and the region choropleth as a native fill, deck.gl draws N
 * scatter points interleaved) in headless Chromium on software WebGL
 * (SwiftShader). Measures
 *   - the main-thread time of one full data update (a new 100k-record array,
 *     10% changed, as a 1 Hz push tick would bring): the main thread's half of
 *     the conversion (diff against the previous array, pack the changed records,
 *     post them to the map-points worker), React render + layer diffing, again
 *     when the worker's build arrives, plus the extra cost of the frame that
 *     uploads and draws it over an idle repaint — target ≤ 8 ms; and, on the
 *     same ticks, the in-process conversion the worker replaced (reference:
 *     the ratio holds under a varying load);
 *   - long tasks (> 50 ms) while the map pans;
 *   - frames per second while panning: all layers, points only, choropleth
 *     only and an empty map (base boundaries only), alternated in short windows
 *     so that all four run under the same conditions; the data / empty ratio.
 * A window that does not finish (a software GPU starved by other processes)
 * stops the pans and the result says so.
 * Writes bench-results/map.json and prints a table.
 *
 *   node scripts/bench/map.bench.mjs            (or npm run bench)
 *   BENCH_SECONDS=5 BENCH_POINTS=100000 BENCH_UPDATES=15 BENCH_ROUNDS=3 node scripts/bench/map.bench.mjs
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { ROOT, writeResult } from './lib.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const points = Number(process.env.BENCH_POINTS ?? 100_000);
const updates = Number(process.env.BENCH_UPDATES ?? 15);
const UPDATE_BUDGET_MS = 8;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** Static server for the built page (loopback only; `.mjs` as JavaScript for MapLibre's module worker). */
async function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

async function launch() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-gpu-vsync',
      '--disable-frame-rate-limit',
    ],
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : Number.NaN;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] : Number.NaN;
};
const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

const outDir = await mkdtemp(join(tmpdir(), 'bench-map-'));
let site;
let browser;
try {
  await build({
    configFile: false,
    root: join(ROOT, 'src/map/bench'),
    publicDir: join(ROOT, 'public'),
    base: '/',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000, rolldownOptions: { input: join(ROOT, 'src/map/bench/map-bench.html') } },
  });
  site = await serve(outDir);
  browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1080, height: 980 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (process.env.BENCH_DEBUG && m.type() !== 'debug') console.log(`[page ${m.type()}] ${m.text().slice(0, 300)}`);
  });
  page.on('crash', () => console.error('the page crashed'));
  browser.on('disconnected', () => console.error('the browser disconnected'));
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (!['127.0.0.1', 'localhost', ''].includes(host) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      errors.push(`external request: ${r.url()}`);
  });
  console.log(`map bench: ${points.toLocaleString('en')} points + choropleth, ${updates} updates, ${seconds} s pans (software WebGL) …`);
  await page.goto(`${site.url}/map-bench.html?points=${points}`);
  const crashed = new Promise((_, reject) => page.once('pageerror', (e) => reject(new Error(`bench page error: ${e.message}`))));
  await Promise.race([
    page.waitForFunction(() => window.__mapBench?.ready || window.__mapBench?.error, undefined, { timeout: 240_000, polling: 250 }),
    crashed,
  ]);
  const failed = await page.evaluate(() => window.__mapBench?.error);
  if (failed) throw new Error(`bench page failed: ${failed}`);
  // Let the first frames (shader compilation) settle.
  await page.waitForTimeout(1500);

  const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  // 1. Data updates (the first one warms the JIT; it is reported separately).
  const ticks = [];
  for (let i = 0; i < updates + 1; i++) {
    ticks.push(await page.evaluate(() => window.__mapBench.update()));
    await page.waitForTimeout(150);
  }
  let topFunctions = [];
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    topFunctions = [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, t]) => ({ what: `CPU profile (BENCH_PROFILE), self time over ${updates + 1} ticks: ${k}`, value: Math.round(t / 1000), unit: 'ms' }));
    console.log(
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([k, t]) => `${(t / 1000).toFixed(0)}ms ${k}`)
        .join('\n'),
    );
  }
  const first = ticks.shift();
  const idle = [];
  for (let i = 0; i < 10; i++) idle.push(await page.evaluate(() => window.__mapBench.idleFrame()));
  const syncMs = median(ticks.map((t) => t.syncMs));
  const frameMs = median(ticks.map((t) => t.frameMs));
  const idleMs = median(idle);
  const updateMs = syncMs + Math.max(0, frameMs - idleMs);
  // On a shared box the median carries other processes' CPU steal; the best tick is the
  // closest to the code's own cost on an idle wall PC.
  const bestSync = Math.min(...ticks.map((t) => t.syncMs));
  const convertMs = median(ticks.map((t) => t.convertMs));
  const referenceMs = median(ticks.map((t) => t.referenceMs));
  // Per tick: main-thread update / in-process conversion alone (the old path cost at least that).
  const ratio = median(ticks.map((t) => (t.syncMs + Math.max(0, t.frameMs - idleMs)) / t.referenceMs));
  const bestUpdate = bestSync + Math.max(0, Math.min(...ticks.map((t) => t.frameMs)) - Math.min(...idle));

  // 2. Pans, alternating data / empty map in short windows (software WebGL drifts over a
  // run: alternating keeps both under the same conditions); medians over the rounds.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  // A software GPU starved by other processes can stall one frame for minutes: each window
  // has a watchdog; after a stall the pans stop and the result says so.
  let stalled = null;
  const panIn = async (mode) => {
    const watchdog = (ms) => new Promise((resolve) => setTimeout(() => resolve(null), ms));
    const result = await Promise.race([
      (async () => {
        await page.evaluate((m) => window.__mapBench.setMode(m), mode);
        return page.evaluate((s) => window.__mapBench.pan(s), seconds);
      })().catch(() => null),
      watchdog((seconds + 90) * 1000),
    ]);
    if (!result) stalled = `${mode} pan did not finish within ${seconds + 90} s`;
    return result;
  };
  const runs = { full: [], empty: [], points: [], choropleth: [] };
  for (let r = 0; r < rounds && !stalled; r++) {
    for (const mode of ['full', 'empty', 'points', 'choropleth']) {
      const run = await panIn(mode);
      if (!run) break;
      runs[mode].push(run);
    }
  }
  const fps = (list) => (list.length ? median(list.map((p) => p.frames / p.seconds)) : Number.NaN);
  const sum = (list, f) => list.reduce((a, p) => a + p[f], 0);
  const summary = (list) => ({
    fps: fps(list),
    longTasks: sum(list, 'longTasks'),
    longTaskMs: sum(list, 'longTaskMs'),
    longestMs: Math.max(0, ...list.map((p) => p.longestMs)),
  });
  const full = summary(runs.full);
  const empty = summary(runs.empty);
  const fpsFull = full.fps;
  const fpsEmpty = empty.fps;
  const fpsRatio = fpsFull / fpsEmpty;
  const pointsOnly = { frames: fps(runs.points), seconds: 1 };
  const choroplethOnly = { frames: fps(runs.choropleth), seconds: 1 };

  await writeResult(
    'map',
    {
      points,
      updates,
      panSeconds: seconds,
      panRounds: rounds,
      panRoundsCompleted: runs.choropleth.length,
      stalled,
      renderer: 'SwiftShader (software WebGL2)',
      viewport: '1000×900 map, pixelRatio 1',
      browser: browser.version(),
      cpus: cpus().length,
      // Timings on a shared machine scale with its load: compare runs at similar load.
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    [
      {
        name: 'data update: main thread (sync + extra frame) p50',
        value: round(updateMs),
        unit: 'ms',
        budget: `≤ ${UPDATE_BUDGET_MS}`,
        ok: updateMs <= UPDATE_BUDGET_MS,
        profile: {
          title: 'one tick’s main thread, by part (p50 over the ticks)',
          items: [
            { what: 'diff against the previous array + pack the changed records + post to the worker', value: round(convertMs), unit: 'ms' },
            { what: 'React renders + layer diffing (the tick, then the worker’s build arriving)', value: round(Math.max(0, syncMs - convertMs)), unit: 'ms' },
            {
              what: 'extra cost of the frame that uploads and draws the new attributes (over an idle repaint)',
              value: round(Math.max(0, frameMs - idleMs)),
              unit: 'ms',
            },
            { what: 'idle repaint of the same map, for reference', value: round(idleMs), unit: 'ms' },
            { what: 'the worker’s build + round trip (off the main thread)', value: round(median(ticks.map((t) => t.workerMs))), unit: 'ms' },
            { what: 'machine load average (1 min) at the end', value: round(loadavg()[0], 1), unit: '' },
            ...topFunctions,
          ],
        },
      },
      {
        name: 'data update: main thread, best tick',
        value: round(bestUpdate),
        unit: 'ms',
        budget: `≤ ${UPDATE_BUDGET_MS}`,
        ok: bestUpdate <= UPDATE_BUDGET_MS,
      },
      { name: 'data update: sync (diff + pack + React + layers, twice) p50', value: round(syncMs), unit: 'ms' },
      { name: 'data update: sync p95', value: round(p95(ticks.map((t) => t.syncMs))), unit: 'ms' },
      {
        name: 'of which diff + pack changed records p50 (best)',
        value: round(convertMs),
        unit: `ms (${round(Math.min(...ticks.map((t) => t.convertMs)))})`,
      },
      {
        name: 'map-points worker: build + round trip p50 (off the main thread)',
        value: round(median(ticks.map((t) => t.workerMs))),
        unit: 'ms',
      },
      {
        name: 'reference, same ticks: in-process conversion p50 (best)',
        value: round(referenceMs),
        unit: `ms (${round(Math.min(...ticks.map((t) => t.referenceMs)))})`,
      },
      {
        name: 'main thread per tick / in-process conversion alone (p50 of per-tick ratios)',
        value: round(ratio, 2),
        unit: '×',
        budget: '< 1',
        ok: ratio < 1,
      },
      { name: 'data update: first (cold)', value: round(first?.syncMs ?? Number.NaN), unit: 'ms' },
      { name: 'frame after update p50 (idle repaint)', value: round(frameMs), unit: `ms (${round(idleMs)})` },
      { name: 'pan with data: fps', value: round(fpsFull), unit: 'fps' },
      { name: 'pan, empty map: fps', value: round(fpsEmpty), unit: 'fps' },
      { name: 'fps ratio data / empty', value: round(fpsRatio, 2), unit: '×' },
      {
        name: 'pan fps: points only / choropleth only',
        value: round(pointsOnly.frames / pointsOnly.seconds),
        unit: `fps / ${round(choroplethOnly.frames / choroplethOnly.seconds)} fps`,
      },
      { name: 'long tasks while panning with data (all rounds)', value: full.longTasks, unit: `tasks (${full.longTaskMs} ms, max ${full.longestMs})` },
      { name: 'long tasks while panning, empty map', value: empty.longTasks, unit: `tasks (${empty.longTaskMs} ms, max ${empty.longestMs})` },
      {
        name: 'pan windows completed',
        value: runs.full.length + runs.empty.length + runs.points.length + runs.choropleth.length,
        unit: `of ${rounds * 4}${stalled ? ` — stalled: ${stalled}` : ''}`,
      },
      { name: 'page errors / external requests', value: errors.length, unit: 'count', budget: '= 0', ok: errors.length === 0 },
    ],
  );
  if (errors.length) console.error(errors.slice(0, 5).join('\n'));
} finally {
  await browser?.close();
  await site?.close();
  if (!process.env.BENCH_KEEP) await rm(outDir, { recursive: true, force: true });
  else console.log('kept', outDir);
}
