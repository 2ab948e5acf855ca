/**
 * Map bench: the map panel's canvas (MapLibre + deck.gl interleaved, one
 * WebGL context) with the region choropleth and N scatter points (100k), in
 * headless Chromium on software WebGL (SwiftShader). Measures
 *   - the main-thread time of one full data update (a new 100k-record array,
 *     10% changed, as a 1 Hz push tick would bring): React render + layer
 *     building (typed arrays) + deck.gl attribute upload, plus the extra cost
 *     of the frame that draws it over an idle repaint — target ≤ 8 ms;
 *   - long tasks (> 50 ms) while the map pans;
 *   - frames per second while panning, with the data vs the same page with
 *     an empty map (base boundaries only), reported as a ratio.
 * Writes bench-results/map.json and prints a table.
 *
 *   node scripts/bench/map.bench.mjs            (or npm run bench)
 *   BENCH_SECONDS=5 BENCH_POINTS=100000 BENCH_UPDATES=15 node scripts/bench/map.bench.mjs
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
  await page.waitForFunction(() => window.__mapBench?.ready || window.__mapBench?.error, undefined, { timeout: 240_000, polling: 250 });
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
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    profile.samples.forEach((id, i) => {
      const n = byId.get(id);
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
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
  const bestUpdate = bestSync + Math.max(0, Math.min(...ticks.map((t) => t.frameMs)) - Math.min(...idle));

  // 2. Pan with data, 3. pan with an empty map (same page, layers removed).
  const full = await page.evaluate((s) => window.__mapBench.pan(s), seconds);
  await page.evaluate(() => window.__mapBench.setEmpty(true));
  await page.waitForTimeout(500);
  const empty = await page.evaluate((s) => window.__mapBench.pan(s), seconds);
  const fpsFull = full.frames / full.seconds;
  const fpsEmpty = empty.frames / empty.seconds;
  const ratio = fpsFull / fpsEmpty;

  await writeResult(
    'map',
    {
      points,
      updates,
      panSeconds: seconds,
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
      },
      {
        name: 'data update: main thread, best tick',
        value: round(bestUpdate),
        unit: 'ms',
        budget: `≤ ${UPDATE_BUDGET_MS}`,
        ok: bestUpdate <= UPDATE_BUDGET_MS,
      },
      { name: 'data update: sync (React + layers + upload) p50', value: round(syncMs), unit: 'ms' },
      { name: 'data update: sync p95', value: round(p95(ticks.map((t) => t.syncMs))), unit: 'ms' },
      {
        name: 'of which typed-array conversion p50 (best)',
        value: round(median(ticks.map((t) => t.convertMs))),
        unit: `ms (${round(Math.min(...ticks.map((t) => t.convertMs)))})`,
      },
      { name: 'data update: first (cold)', value: round(first?.syncMs ?? Number.NaN), unit: 'ms' },
      { name: 'frame after update p50 (idle repaint)', value: round(frameMs), unit: `ms (${round(idleMs)})` },
      { name: 'pan with data: fps', value: round(fpsFull), unit: 'fps' },
      { name: 'pan, empty map: fps', value: round(fpsEmpty), unit: 'fps' },
      { name: 'fps ratio data / empty', value: round(ratio, 2), unit: '×' },
      { name: 'long tasks while panning (data)', value: full.longTasks, unit: `tasks (${full.longTaskMs} ms, max ${full.longestMs})` },
      { name: 'long tasks while panning (empty)', value: empty.longTasks, unit: `tasks (${empty.longTaskMs} ms, max ${empty.longestMs})` },
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
