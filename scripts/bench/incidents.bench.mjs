/**
 * Incident load bench (issue #12): the emergency wall with 5,000 open
 * incidents and 200 status / position updates per second over the incidents
 * stream must keep its frame rate: fps ≥ 0.8 × the same screen idle.
 *
 * The production build (no MSW) is served same-origin by the real feed server
 * (mocks/server/feed-server.ts) with its incident load mode
 * (POST /__feeds/incident-load, mocks/server/load.ts): the same 5,000
 * incidents throughout, updates switched between 0 (idle) and 200/s
 * (loaded) in short alternating windows (idle-loaded, loaded-idle, …) so both
 * run under the same machine load. Software WebGL (SwiftShader): fps is a
 * ratio, not an absolute. The config is public/config.json's emergency
 * screen with the incident buffer raised to hold 5,000 incidents.
 *
 * Reported: fps idle and loaded (requestAnimationFrame count per window),
 * their ratio (the goal), long tasks in loaded windows, heap after GC,
 * updates delivered per second, incidents on the map (its legend) and list
 * rows whose status changed — the screen really took the load.
 *
 *   node scripts/bench/incidents.bench.mjs        (or npm run bench; BENCH_ONLY=incidents)
 *   BENCH_SECONDS=20 …     shorter run (total measured time, split into windows)
 *   BENCH_DIST=dist …      reuse a production build instead of building one
 *   BENCH_PROFILE=1 …      also profile one loaded window: main-thread self time by function
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startFeedServer } from '../../mocks/server/feed-server.ts';
import { launchChromium, ROOT, writeResult } from './lib.mjs';
import { startProfile } from './profile.mjs';

const ACTIVE = Number(process.env.BENCH_ACTIVE ?? 5000);
const RATE = Number(process.env.BENCH_INCIDENT_RATE ?? 200);
const TOTAL_S = Number(process.env.BENCH_SECONDS ?? 48);
const WINDOW_MS = 4000;
const SETTLE_MS = 1500;
const PAIRS = Math.max(2, Math.round((TOTAL_S * 1000) / (2 * WINDOW_MS)));
const CONFIG = 'config.bench-incidents.json';
const VIEWPORT = { width: 1920, height: 1080 };

const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

/** public/config.json (as built) with only the emergency screen, no rotation or tour, and a buffer for ACTIVE incidents. */
function benchConfig(dist) {
  const config = JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8'));
  config.screens = config.screens.filter((s) => s.id === 'emergency');
  config.defaults = { ...config.defaults, screen: 'emergency' };
  config.rotation = { ...config.rotation, enabled: false };
  delete config.tour;
  const incidents = config.datasets['emergency-incidents'];
  incidents.bufferSize = Math.max(incidents.bufferSize ?? 0, Math.ceil(ACTIVE * 1.2));
  return config;
}

const launch = () => launchChromium(['--use-angle=swiftshader', '--enable-unsafe-swiftshader']);

/** Counts frames and long tasks over `ms` in the page. */
function measureWindow(page, ms) {
  return page.evaluate(async (ms) => {
    const w = window;
    const start = performance.now();
    const draws0 = w.__gl?.draws ?? 0;
    let frames = 0;
    let running = true;
    const frame = () => {
      frames++;
      if (running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    await new Promise((r) => setTimeout(r, ms));
    running = false;
    const end = performance.now();
    const tasks = (w.__longTasks ?? []).filter((t) => t.start >= start && t.start < end);
    return {
      fps: (frames * 1000) / (end - start),
      drawsPerSecond: (((w.__gl?.draws ?? 0) - draws0) * 1000) / (end - start),
      longTasks: tasks.length,
      longTaskMaxMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTaskTotalMs: tasks.reduce((a, t) => a + t.duration, 0),
    };
  }, ms);
}

/** CPU seconds used so far by the browser's renderer and GPU processes (Chromium's own accounting; robust to machine load, unlike fps). */
async function cpuTimes(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const sum = (type) => processInfo.filter((p) => p.type === type).reduce((a, p) => a + p.cpuTime, 0);
  return { renderer: sum('renderer'), gpu: sum('GPU') };
}

const heapAfterGc = (page) =>
  page.evaluate(() => {
    globalThis.gc?.();
    const m = performance.memory;
    return m ? Math.round((m.usedJSHeapSize / 1048576) * 10) / 10 : null;
  });

const statuses = (page) =>
  page.locator('[data-panel="incidents"] li[data-incident]').evaluateAll((els) => els.map((el) => `${el.dataset.incident}:${el.dataset.status}`));

const onMap = (page) =>
  page
    .locator('[data-panel="incident-map"] [data-legend="incident-levels"] .map-legend__count')
    .evaluateAll((els) => els.reduce((a, el) => a + Number((el.textContent ?? '').replace(/\D/g, '') || 0), 0));

const own = !process.env.BENCH_DIST;
const dist = own ? await mkdtemp(join(tmpdir(), 'bench-incidents-')) : resolve(ROOT, process.env.BENCH_DIST);
let feeds;
let browser;
try {
  if (own) {
    console.log('incidents: production build …');
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  }
  feeds = await startFeedServer({ port: 0, seed: 'bench-incidents', staticDir: dist, heartbeatMs: 5000 });
  const setLoad = async (rate) => {
    const r = await fetch(`${feeds.url}/__feeds/incident-load`, { method: 'POST', body: JSON.stringify({ active: ACTIVE, rate }) });
    if (!r.ok) throw new Error(`incident-load: HTTP ${r.status} ${await r.text()}`);
    return r.json();
  };
  const started = await setLoad(0);
  browser = await launch();
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => {
    const list = [];
    window.__longTasks = list;
    // WebGL draw calls and frames drawn into a WebGL canvas (the map): does the map redraw when nothing changes?
    window.__gl = { draws: 0 };
    for (const proto of [globalThis.WebGLRenderingContext?.prototype, globalThis.WebGL2RenderingContext?.prototype]) {
      if (!proto) continue;
      for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced']) {
        const native = proto[name];
        if (typeof native !== 'function') continue;
        proto[name] = function (...args) {
          window.__gl.draws++;
          return native.apply(this, args);
        };
      }
    }
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries()) list.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const config = benchConfig(dist);
  await page.route(`**/${CONFIG}`, (route) => route.fulfill({ json: config }));
  console.log(`incidents: ${started.active} open incidents, emergency wall ${VIEWPORT.width}×${VIEWPORT.height}; load ${load().join(' ')} …`);
  await page.goto(`${feeds.url}/?config=${CONFIG}&screen=emergency&mode=wall`);
  await page.locator('[data-panel="incidents"][data-state="ready"]').waitFor({ timeout: 90_000 });
  await page.locator('[data-panel="incident-map"] .map-canvas[data-map-status="ready"][data-deck="loaded"]').waitFor({ timeout: 120_000 });
  const deadline = Date.now() + 60_000;
  let mapped = await onMap(page);
  while (mapped < started.active && Date.now() < deadline) {
    await page.waitForTimeout(500);
    mapped = await onMap(page);
  }
  console.log(`incidents: ${mapped} incidents on the map; measuring ${PAIRS} pairs of ${WINDOW_MS / 1000} s windows …`);
  await page.waitForTimeout(3000);
  const heapStart = await heapAfterGc(page);
  const firstRows = await statuses(page);

  const cdp = await browser.newBrowserCDPSession();
  const windows = { idle: [], loaded: [] };
  const delivered = [];
  const sentSoFar = () => feeds.connections('incidents').reduce((a, c) => a + c.eventIds.length, 0);
  for (let pair = 0; pair < PAIRS; pair++) {
    for (const kind of pair % 2 === 0 ? ['idle', 'loaded'] : ['loaded', 'idle']) {
      await setLoad(kind === 'idle' ? 0 : RATE);
      await page.waitForTimeout(SETTLE_MS);
      const sent = sentSoFar();
      const t = Date.now();
      const cpu0 = await cpuTimes(cdp);
      const w = await measureWindow(page, WINDOW_MS);
      const cpu1 = await cpuTimes(cdp);
      const seconds = (Date.now() - t) / 1000;
      // CPU use as a share of one core, per process.
      w.renderer = (cpu1.renderer - cpu0.renderer) / seconds;
      w.gpu = (cpu1.gpu - cpu0.gpu) / seconds;
      if (kind === 'loaded') delivered.push(((sentSoFar() - sent) * 1000) / (Date.now() - t));
      windows[kind].push(w);
    }
  }
  const lastRows = await statuses(page);
  // What the wall looked like under load (test-results/screenshots/, not committed).
  const shot = join(ROOT, 'test-results', 'screenshots', 'incidents-load.png');
  await page.screenshot({ path: shot }).catch((e) => console.log(`  screenshot failed: ${e.message}`));
  let profile = null;
  if (process.env.BENCH_PROFILE) {
    await setLoad(RATE);
    await page.waitForTimeout(SETTLE_MS);
    const p = await startProfile(page);
    await page.waitForTimeout(WINDOW_MS);
    profile = await p.stop(30);
    console.log(`  loaded window, main thread busy (sampled): ${profile.totalMs} ms of ${WINDOW_MS}; self time by function:`);
    for (const t of profile.top) console.log(`    ${String(t.selfMs).padStart(6)} ms  ${t.fn}  ${t.where}`);
  }
  await setLoad(0);
  const heapEnd = await heapAfterGc(page);
  const fpsIdle = median(windows.idle.map((w) => w.fps));
  const fpsLoaded = median(windows.loaded.map((w) => w.fps));
  // The ratio of each idle/loaded pair (same minute, same machine load), then their median.
  const pairRatios = windows.loaded.map((w, i) => w.fps / windows.idle[i].fps).filter(Number.isFinite);
  const ratio = median(pairRatios);
  const loadedTasks = windows.loaded.reduce((a, w) => a + w.longTasks, 0);
  const idleTasks = windows.idle.reduce((a, w) => a + w.longTasks, 0);
  const before = new Map(firstRows.map((s) => s.split(':')));
  const changed = lastRows.filter((s) => {
    const [id, status] = s.split(':');
    return before.has(id) && before.get(id) !== status;
  }).length;
  if (errors.length) console.log(`  page errors: ${errors.slice(0, 5).join(' | ')}`);
  console.log(`  pair ratios: ${pairRatios.map((r) => round(r, 2)).join(', ')}`);
  for (const kind of ['idle', 'loaded'])
    console.log(
      `  ${kind}: ${windows[kind].map((w) => `${round(w.fps)} fps, ${round(w.drawsPerSecond, 0)} draws/s, renderer ${round(w.renderer * 100, 0)} %, GPU ${round(w.gpu * 100, 0)} %`).join(' | ')}`,
    );
  await writeResult(
    'incidents',
    {
      active: started.active,
      rate: RATE,
      windows: `${PAIRS} × (idle + loaded), ${WINDOW_MS / 1000} s each after ${SETTLE_MS / 1000} s settling`,
      viewport: `${VIEWPORT.width}×${VIEWPORT.height}, wall mode, software WebGL`,
      cpus: cpus().length,
      loadAverage: load(),
      errors: errors.length,
    },
    [
      { name: 'incidents on the map (legend total)', value: mapped, unit: 'incidents', budget: `= ${started.active}`, ok: mapped === started.active },
      { name: 'updates delivered per second (loaded windows, median)', value: round(median(delivered), 0), unit: 'updates/s' },
      { name: 'list rows whose status changed during the run', value: changed, unit: 'rows', budget: '> 0', ok: changed > 0 },
      { name: 'fps idle (median)', value: round(fpsIdle), unit: 'frames/s' },
      { name: 'fps with 200 updates/s (median)', value: round(fpsLoaded), unit: 'frames/s' },
      {
        name: 'fps loaded ÷ idle (median of pairs)',
        value: round(ratio, 2),
        unit: '×',
        budget: '≥ 0.8',
        ok: ratio >= 0.8,
        profile: {
          title: 'idle against loaded windows (medians): where the frames go',
          items: [
            { what: 'fps idle / loaded', value: round(fpsIdle), unit: `/ ${round(fpsLoaded)} frames/s` },
            {
              what: 'map redraws (WebGL draw calls ÷ calls per redraw) idle / loaded',
              value: round(median(windows.idle.map((w) => w.drawsPerSecond)), 0),
              unit: `/ ${round(median(windows.loaded.map((w) => w.drawsPerSecond)), 0)} calls/s`,
            },
            {
              what: 'renderer CPU idle / loaded',
              value: round(median(windows.idle.map((w) => w.renderer * 100)), 0),
              unit: `/ ${round(median(windows.loaded.map((w) => w.renderer * 100)), 0)} % of a core`,
            },
            {
              what: 'GPU process CPU (SwiftShader) idle / loaded',
              value: round(median(windows.idle.map((w) => w.gpu * 100)), 0),
              unit: `/ ${round(median(windows.loaded.map((w) => w.gpu * 100)), 0)} % of a core`,
            },
            {
              what: 'main thread in long tasks per loaded window',
              value: Math.round(windows.loaded.reduce((a, w) => a + w.longTaskTotalMs, 0) / windows.loaded.length),
              unit: `ms per ${WINDOW_MS / 1000} s`,
            },
            ...(profile?.top ?? []).slice(0, 6).map((t) => ({ what: `CPU profile of a loaded window: ${t.fn} ${t.where}`, value: t.selfMs, unit: 'ms self' })),
            { what: 'machine load average (1 min)', value: load()[0], unit: '' },
          ],
        },
      },
      { name: 'renderer CPU, idle (median)', value: round(median(windows.idle.map((w) => w.renderer * 100)), 0), unit: '% of a core' },
      { name: 'renderer CPU with 200 updates/s (median)', value: round(median(windows.loaded.map((w) => w.renderer * 100)), 0), unit: '% of a core' },
      { name: 'GPU process CPU (software WebGL), idle (median)', value: round(median(windows.idle.map((w) => w.gpu * 100)), 0), unit: '% of a core' },
      { name: 'GPU process CPU with 200 updates/s (median)', value: round(median(windows.loaded.map((w) => w.gpu * 100)), 0), unit: '% of a core' },
      { name: 'WebGL draw calls, idle (median)', value: round(median(windows.idle.map((w) => w.drawsPerSecond)), 0), unit: 'calls/s' },
      { name: 'WebGL draw calls with 200 updates/s (median)', value: round(median(windows.loaded.map((w) => w.drawsPerSecond)), 0), unit: 'calls/s' },
      { name: 'long tasks > 50 ms, loaded windows', value: loadedTasks, unit: `tasks (idle windows: ${idleTasks})` },
      {
        name: 'longest long task, loaded windows',
        value: Math.round(Math.max(0, ...windows.loaded.map((w) => w.longTaskMaxMs))),
        unit: 'ms',
      },
      {
        name: 'main thread in long tasks, loaded windows',
        value: Math.round(windows.loaded.reduce((a, w) => a + w.longTaskTotalMs, 0) / windows.loaded.length),
        unit: `ms per ${WINDOW_MS / 1000} s window`,
      },
      { name: 'JS heap after GC, end (start)', value: heapEnd, unit: `MB (${heapStart})` },
      ...(profile ? [{ name: 'main thread busy, profiled loaded window', value: profile.totalMs, unit: `ms of ${WINDOW_MS}` }] : []),
    ],
  );
} finally {
  await browser?.close();
  await feeds?.close();
  if (own) await rm(dist, { recursive: true, force: true });
}
