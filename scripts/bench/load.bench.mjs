/**
 * Load bench (issue #12, `npm run bench` or `BENCH_ONLY=load`): the production
 * build (`vite build`, no mocks) served same-origin by the local feed server
 * (`mocks/server/feed-server.ts`, clock anchored at BENCH_NOW), every wall
 * screen of public/config.json at 1920×1080 (`?screen=<id>&mode=wall`) in the
 * system Chromium (software WebGL, as on the e2e runs), and a naive reference
 * page that this bench builds and measures in the same run
 * (scripts/bench/naive/: MapLibre + deck.gl with 100k points + one ECharts
 * chart, one chunk, no data fetching).
 *
 * Per page, median of BENCH_RUNS (5) fresh loads, pages alternated round by
 * round so all of them see the same machine load:
 *   - panels ready: navigation → every `[data-panel]` of the screen has
 *     `data-state="ready"` (polled every 20 ms in the page) — goal ≤ 2.0 s;
 *   - LCP (goal ≤ 1.5 s), CLS (largest session window, web-vitals rule; goal
 *     ≤ 0.02), TBT in the first 10 s (Σ (long task − 50 ms) for long tasks
 *     starting between FCP and 10 s, as Lighthouse counts TBT), long tasks;
 *   - Lighthouse performance score (desktop preset, throttling off:
 *     `throttlingMethod: 'provided'`, 1920×1080) — goal ≥ 0.90 and never
 *     below the naive page; each screen's row also gives score / naive;
 *   - drill-down INP on the economy screen: a city of the GDP ranking drilled
 *     (keyboard Enter on its bar's button; Esc back up), measured from
 *     PerformanceObserver 'event' entries (durationThreshold 16): the longest
 *     entry of each interaction; INP = the worst drill (web-vitals takes the
 *     worst interaction below 50 interactions) — goal ≤ 100 ms.
 * The main-thread breakdown Lighthouse reports (what holds the main thread,
 * in ms) goes into the parameters, so a goal not met comes with its profile.
 *
 *   node scripts/bench/load.bench.mjs
 *   BENCH_RUNS=1 BENCH_SCREENS=economy,emergency BENCH_LIGHTHOUSE=0 node scripts/bench/load.bench.mjs
 *   BENCH_DIST=/tmp/my-dist …   (measure a build you made; skips the app build)
 *   BENCH_PORT=8793 …           (the feed server's port; default a free one)
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startFeedServer } from '../../mocks/server/feed-server.ts';
import { ROOT, writeResult } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LH_RUNS = Number(process.env.BENCH_LH_RUNS ?? RUNS);
const INP_DRILLS = Number(process.env.BENCH_DRILLS ?? RUNS);
const NOW = process.env.BENCH_NOW ?? '2026-11-20T10:00:00+08:00';
const WINDOW_MS = 10_000;
const READY_TIMEOUT_MS = 30_000;
const GOALS = { readyS: 2.0, lcpS: 1.5, cls: 0.02, lighthouse: 0.9, inpMs: 100 };
const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
const VIEWPORT = { width: 1920, height: 1080 };

const config = JSON.parse(readFileSync(join(ROOT, 'public/config.json'), 'utf8'));
const only = process.env.BENCH_SCREENS?.split(',').filter(Boolean);
/** Every screen of the shipped config (its 1920×1080 layout is its own artboard's: the panels as listed). */
const screens = config.screens
  .filter((s) => !only || only.includes(s.id))
  .map((s) => ({ id: s.id, panels: s.panels.length, maps: s.panels.filter((p) => p.type === 'map').map((p) => p.id) }));

const load = () => loadavg().map((l) => Math.round(l * 10) / 10);
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 0) => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

/** In the page before any script: web-vitals observers and the readiness poll. */
function instrument(expectedPanels) {
  const s = { fcp: null, lcp: null, cls: 0, longTasks: [], events: [], ready: null, notReady: null, panelReady: {} };
  window.__load = s;
  let win = 0;
  let winStart = 0;
  let last = -1e9;
  const observe = (type, each, extra = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true, ...extra });
    } catch {
      // an entry type this browser lacks: that figure stays empty
    }
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') s.fcp = e.startTime;
  });
  observe('largest-contentful-paint', (e) => {
    s.lcp = e.startTime;
    const el = e.element;
    s.lcpElement = el
      ? `${el.closest('[data-panel]')?.getAttribute('data-panel') ?? el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`
      : null;
  });
  observe('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    // Session windows: shifts less than 1 s apart, a window at most 5 s long; CLS = the largest window.
    if (e.startTime - last < 1000 && e.startTime - winStart < 5000) win += e.value;
    else {
      win = e.value;
      winStart = e.startTime;
    }
    last = e.startTime;
    s.cls = Math.max(s.cls, win);
  });
  observe('longtask', (e) => s.longTasks.push([e.startTime, e.duration]));
  // Long animation frames (> 50 ms) with their scripts: what holds the main thread, by script and function.
  s.loaf = [];
  observe('long-animation-frame', (e) => {
    s.loaf.push({
      start: e.startTime,
      duration: e.duration,
      render: e.renderStart > 0 ? e.startTime + e.duration - e.renderStart : 0,
      scripts: (e.scripts ?? []).map((x) => ({ url: x.sourceURL ?? '', fn: x.sourceFunctionName ?? '', invoker: x.invoker ?? '', duration: x.duration })),
    });
  });
  // Proof that the page sees the bench's input at all (first-input has no duration threshold).
  observe('first-input', (e) => {
    s.firstInput = { name: e.name, duration: e.duration };
  });
  observe(
    'event',
    (e) => {
      if (e.interactionId) s.events.push({ id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration, processingEnd: e.processingEnd });
    },
    { durationThreshold: 16 },
  );
  if (expectedPanels === 0) {
    // The naive page: its map has loaded and its chart has drawn.
    const timer = setInterval(() => {
      if (window.__naiveReady?.map && window.__naiveReady?.chart) {
        s.ready = performance.now();
        clearInterval(timer);
      }
    }, 20);
  } else {
    const timer = setInterval(() => {
      const panels = [...document.querySelectorAll('[data-panel]')];
      const now = performance.now();
      for (const p of panels) if (p.getAttribute('data-state') === 'ready') s.panelReady[p.getAttribute('data-panel')] ??= now;
      if (panels.length >= expectedPanels && panels.every((p) => p.getAttribute('data-state') === 'ready')) {
        s.ready = performance.now();
        clearInterval(timer);
      } else
        s.notReady = panels
          .filter((p) => p.getAttribute('data-state') !== 'ready')
          .map((p) => `${p.getAttribute('data-panel')}:${p.getAttribute('data-state')}`);
    }, 20);
  }
}

/** A chunk's name without its content hash (`maplibre-CBKvwDw_.js` → `maplibre.js`). */
const chunkName = (url) => (url ? (url.split('/').pop() ?? '').replace(/-[\w-]{8}(\.m?js)$/, '$1') : '');

/** Main-thread ms of long frames by what ran: script (chunk · function, or its invoker), and the frames' own style/layout/paint. */
function holders(frames) {
  const by = new Map();
  const add = (k, ms) => by.set(k, (by.get(k) ?? 0) + ms);
  for (const f of frames) {
    let scripts = 0;
    for (const x of f.scripts) {
      const where = chunkName(x.url);
      // Minified names say nothing: then how it was called (a frame callback, a timer, a promise …).
      const how = x.fn && x.fn.length > 2 ? x.fn : (x.invoker || '').replace(/^https?:\/\/[^ ]*\//, '') || '(anonymous)';
      add(where ? `${where} · ${how}` : x.invoker || '(script)', x.duration);
      scripts += x.duration;
    }
    add('style, layout, paint of long frames', f.render);
    add('rest of long frames (GC, parse, tasks without script attribution)', Math.max(0, f.duration - scripts - f.render));
  }
  return Object.fromEntries(by);
}

/** The mean of each holder over runs, largest first: a profile's items. */
function meanHolders(runs, n = 8) {
  const sum = new Map();
  for (const r of runs) for (const [k, ms] of Object.entries(r.holders ?? {})) sum.set(k, (sum.get(k) ?? 0) + ms);
  return [...sum.entries()]
    .map(([what, ms]) => ({ what, value: Math.round(ms / Math.max(1, runs.length)), unit: 'ms per load (long frames, first 10 s)' }))
    .sort((a, b) => b.value - a.value)
    .slice(0, n);
}

/** One fresh load of a page (new context: cold cache, empty storage) and its figures over the first 10 s. */
async function measureLoad(browser, url, expectedPanels, errors) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${url}: ${m.text().slice(0, 200)}`);
  });
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !/^(data|blob):/.test(r.url())) errors.push(`external request: ${r.url()}`);
  });
  await page.addInitScript(instrument, expectedPanels);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // Not ready in time is a result (ready: null, with the panels still waiting), not a crash.
    await page.waitForFunction(() => window.__load.ready !== null, undefined, { timeout: READY_TIMEOUT_MS, polling: 100 }).catch(() => undefined);
    await page.waitForFunction((ms) => performance.now() >= ms, WINDOW_MS, { timeout: WINDOW_MS + 30_000, polling: 250 });
    const s = await page.evaluate(() => window.__load);
    const fcp = s.fcp ?? 0;
    const inWindow = s.longTasks.filter(([start]) => start < WINDOW_MS);
    return {
      holders: holders(s.loaf.filter((f) => f.start < WINDOW_MS)),
      readyMs: s.ready,
      notReady: s.ready === null ? s.notReady : null,
      panelReady: s.panelReady,
      fcpMs: s.fcp,
      lcpMs: s.lcp,
      lcpElement: s.lcpElement ?? null,
      cls: s.cls,
      tbtMs: inWindow.filter(([start]) => start >= fcp).reduce((a, [, d]) => a + Math.max(0, d - 50), 0),
      longTasks: inWindow.length,
      longTaskMs: inWindow.reduce((a, [, d]) => a + d, 0),
    };
  } finally {
    await context.close();
  }
}

/**
 * Drill-down INP on the economy wall: Enter on a city's bar in the GDP ranking
 * drills to it (Esc goes back up); each drill waits until every panel is ready
 * again. Returns the longest event-timing duration of each drill interaction.
 */
async function measureDrills(browser, base, errors) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`drill: ${e.message}`));
  await page.addInitScript(instrument, 0);
  const economy = config.screens.find((s) => s.id === 'economy');
  const expected = economy?.panels.length ?? 0;
  const allReady = () =>
    page.waitForFunction(
      (n) => {
        const panels = [...document.querySelectorAll('[data-panel]')];
        return panels.length >= n && panels.every((p) => p.getAttribute('data-state') === 'ready');
      },
      expected,
      { timeout: READY_TIMEOUT_MS, polling: 50 },
    );
  // A drill is measured on a settled wall: no long task in the last 2 s (the map's set-up done) and frames
  // flowing again (30 frames in a row under 50 ms each: the GPU process has caught up with the last drill's
  // charts and camera, which on a software GPU takes seconds after the panels are ready); at most 60 s of waiting.
  let unsettled = 0;
  const settled = async () => {
    const until = Date.now() + 60_000;
    try {
      await page.waitForFunction(
        () => {
          const last = window.__load.longTasks.at(-1);
          return performance.now() - (last ? last[0] + last[1] : 0) > 2000;
        },
        undefined,
        { timeout: 60_000, polling: 250 },
      );
      for (;;) {
        const smooth = await page.evaluate(
          () =>
            new Promise((resolve) => {
              let n = 0;
              let prev = performance.now();
              let worst = 0;
              const step = (t) => {
                worst = Math.max(worst, t - prev);
                prev = t;
                if (++n < 30) requestAnimationFrame(step);
                else resolve(worst < 50);
              };
              requestAnimationFrame(step);
            }),
        );
        if (smooth) return;
        if (Date.now() > until) throw new Error('frames never settled');
      }
    } catch {
      unsettled++;
    }
  };
  const cities = ['410300', '410100', '410700', '411300', '410500', '411500', '410200', '411100'];
  const pressedAt = [];
  const followed = [];
  const escAt = [];
  let s = null;
  try {
    await page.goto(`${base}/?${new URLSearchParams({ screen: 'economy', mode: 'wall', now: NOW })}`);
    await allReady();
    for (let i = 0; i < INP_DRILLS; i++) {
      const city = cities[i % cities.length];
      await page.locator(`[data-panel="gdp-ranking"] li[data-region="${city}"] button`).focus();
      await settled();
      pressedAt.push(await page.evaluate(() => performance.now()));
      await page.keyboard.press('Enter');
      await page.waitForFunction((c) => new URL(location.href).searchParams.get('region') === c, city, { timeout: 30_000 });
      await allReady();
      // The whole answer, beyond the first frame: the key → every panel ready again (data-state, polled).
      followed.push((await page.evaluate(() => performance.now())) - pressedAt.at(-1));
      await settled();
      escAt.push(await page.evaluate(() => performance.now()));
      await page.keyboard.press('Escape');
      await page.waitForFunction((c) => new URL(location.href).searchParams.get('region') !== c, city, { timeout: 30_000 });
      await allReady();
    }
    // Event-timing entries arrive once their frame is presented: collect them at the end.
    await settled();
    s = await page.evaluate(() => ({ events: window.__load.events, firstInput: window.__load.firstInput ?? null }));
  } finally {
    await context.close();
  }
  // One interaction per interactionId (keydown, the click Enter makes, keyup): its longest entry.
  const interactions = new Map();
  for (const e of s?.events ?? []) {
    const it = interactions.get(e.id) ?? { start: e.start, duration: 0, processingEnd: e.processingEnd ?? e.start };
    it.start = Math.min(it.start, e.start);
    it.duration = Math.max(it.duration, e.duration);
    it.processingEnd = Math.max(it.processingEnd, e.processingEnd ?? e.start);
    interactions.set(e.id, it);
  }
  const sorted = [...interactions.values()].sort((a, b) => a.start - b.start);
  const drills = pressedAt.map((t, k) => {
    const next = pressedAt[k + 1] ?? Number.POSITIVE_INFINITY;
    // The Enter's interaction is the first one after the press (Escape comes later, after the panels are ready).
    const it = sorted.find((x) => x.start >= t - 1 && x.start < next);
    return it ? it.duration : null;
  });
  // The main thread's share of each drill: from the key to the end of its handlers (input delay + processing);
  // the rest of the INP is presentation: the frame waiting for style, layout, raster and the GPU process.
  const mainThread = pressedAt.map((t, k) => {
    const next = pressedAt[k + 1] ?? Number.POSITIVE_INFINITY;
    const it = sorted.find((x) => x.start >= t - 1 && x.start < next);
    return it ? it.processingEnd - it.start : null;
  });
  // No entry ≥ 16 ms for a drill means it took less than 16 ms — if the page saw the input at all.
  const seen = s?.firstInput !== null && s?.firstInput !== undefined;
  // Drill up (Esc) on the settled city view, for the record: the same answer-first path, the other way.
  const ups = escAt.map((t, k) => {
    const it = sorted.find((x) => x.start >= t - 1 && x.start < (pressedAt[k + 1] ?? Number.POSITIVE_INFINITY));
    return it ? it.duration : null;
  });
  return {
    drills: drills.map((d) => d ?? (seen ? 16 : null)),
    mainThread: mainThread.map((d) => d ?? (seen ? 16 : null)),
    below16: drills.filter((d) => d === null).length,
    followed,
    ups: ups.map((d) => d ?? (seen ? 16 : null)),
    firstInput: s?.firstInput ?? null,
    unsettled,
  };
}

/** Lighthouse, desktop preset, no throttling, 1920×1080, performance only. */
async function lighthouseRunner() {
  const [{ default: lighthouse }, { default: desktopConfig }, { launch }] = await Promise.all([
    import('lighthouse'),
    import('lighthouse/core/config/desktop-config.js'),
    import('chrome-launcher'),
  ]);
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROME_FLAGS, `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
    logLevel: 'silent',
  });
  const settings = {
    ...desktopConfig.settings,
    onlyCategories: ['performance'],
    throttlingMethod: 'provided',
    screenEmulation: { mobile: false, width: VIEWPORT.width, height: VIEWPORT.height, deviceScaleFactor: 1, disabled: false },
    // A wall never goes quiet (streams, polling, animation): stop waiting after 20 s.
    maxWaitForLoad: 20_000,
  };
  return {
    async run(url) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, { ...desktopConfig, settings });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`lighthouse gave no result for ${url}`);
      const audit = (id) => lhr.audits[id]?.numericValue ?? null;
      const breakdown = (lhr.audits['mainthread-work-breakdown']?.details?.items ?? [])
        .slice(0, 5)
        .map((i) => `${i.groupLabel ?? i.group}: ${Math.round(i.duration)} ms`);
      const bootup = (lhr.audits['bootup-time']?.details?.items ?? [])
        .slice(0, 4)
        .map((i) => `${String(i.url).split('/').pop()}: ${Math.round(i.total)} ms (script ${Math.round(i.scripting)})`);
      const items = [
        ...(lhr.audits['mainthread-work-breakdown']?.details?.items ?? [])
          .slice(0, 5)
          .map((i) => ({ what: `Lighthouse main thread: ${i.groupLabel ?? i.group}`, value: Math.round(i.duration), unit: 'ms' })),
        ...(lhr.audits['bootup-time']?.details?.items ?? [])
          .slice(0, 4)
          .map((i) => ({ what: `Lighthouse script time: ${chunkName(String(i.url)) || String(i.url)}`, value: Math.round(i.scripting), unit: 'ms' })),
      ];
      return {
        items,
        score: lhr.categories.performance.score,
        lcpMs: audit('largest-contentful-paint'),
        tbtMs: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        fcpMs: audit('first-contentful-paint'),
        siMs: audit('speed-index'),
        breakdown,
        bootup,
        runtimeError: lhr.runtimeError?.code ?? null,
        // e.g. NO_TTI_CPU_IDLE_PERIOD: no 5 s without a long task before Lighthouse stopped waiting (the score is then null).
        auditErrors: Object.entries(lhr.audits)
          .filter(([, a]) => a.errorMessage)
          .map(([id, a]) => `${id}: ${String(a.errorMessage).match(/\(([A-Z_]+)\)/)?.[1] ?? a.errorMessage.slice(0, 60)}`),
      };
    },
    close: () => chrome.kill(),
  };
}

// Lighthouse can reject an internal promise after it gave up on a hung page: log it, keep measuring.
process.on('unhandledRejection', (error) => console.error(`  (unhandled rejection: ${String(error?.message ?? error).slice(0, 120)})`));

const ownDist = !process.env.BENCH_DIST;
// Absolute: the naive page is built with its own root, where a relative BENCH_DIST would land inside scripts/.
const dist = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : await mkdtemp(join(tmpdir(), 'bench-load-'));
const BASELINE = process.env.BENCH_BASELINE_DIST;
let feeds;
let baseFeeds;
let browser;
let lh;
try {
  console.log(`load bench: ${screens.length} screens + the naive page, ${RUNS} runs each, Lighthouse ${LH_RUNS} runs, ${INP_DRILLS} drills …`);
  if (ownDist) await build({ root: ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  // The naive page beside the app, so both come from one server with the same headers.
  await build({
    configFile: false,
    root: join(ROOT, 'scripts/bench/naive'),
    base: './',
    logLevel: 'warn',
    build: { outDir: join(dist, 'naive'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 10_000 },
  });
  const anchor = Date.parse(NOW);
  const t0 = Date.now();
  feeds = await startFeedServer({
    port: Number(process.env.BENCH_PORT ?? 0),
    seed: 'henan-demo',
    now: () => anchor + (Date.now() - t0),
    staticDir: dist,
  });
  const screenUrl = (origin, id) => `${origin}/?${new URLSearchParams({ screen: id, mode: 'wall', now: NOW })}`;
  // BENCH_BASELINE_DIST: another build (say, before a change) on its own server, each of its screens
  // measured right after the same screen of this build, so a before/after comparison sees the same load.
  if (BASELINE) baseFeeds = await startFeedServer({ port: 0, seed: 'henan-demo', now: () => anchor + (Date.now() - t0), staticDir: BASELINE });
  const pages = [
    { id: 'naive', url: `${feeds.url}/naive/index.html`, panels: 0 },
    ...screens.flatMap((s) => [
      { id: s.id, url: screenUrl(feeds.url, s.id), panels: s.panels, maps: s.maps },
      ...(baseFeeds ? [{ id: `${s.id}@baseline`, url: screenUrl(baseFeeds.url, s.id), panels: s.panels, maps: s.maps, baseline: true }] : []),
    ]),
  ];
  const errors = [];
  const loadAtStart = load();

  // 1. Fresh loads in Playwright, alternating pages round by round.
  const { chromium } = await import('@playwright/test');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROME_FLAGS });
  const loads = Object.fromEntries(pages.map((p) => [p.id, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const p of pages) {
      const m = await measureLoad(browser, p.url, p.panels, errors);
      loads[p.id].push(m);
      console.log(
        `  run ${r + 1} ${p.id.padEnd(18)} ready ${round(m.readyMs) ?? `— (${m.notReady?.join(' ')})`} ms${p.maps?.length ? ` (map ${round(Math.max(...p.maps.map((id) => m.panelReady[id] ?? Number.NaN)))} ms)` : ''} · FCP ${round(m.fcpMs)} ms · LCP ${round(m.lcpMs)} ms (${m.lcpElement}) · CLS ${round(m.cls, 3)} · TBT ${round(m.tbtMs)} ms · load ${load().join('/')}`,
      );
    }
  }
  const loadAfterLoads = load();

  // 2. Drill-down INP on the economy wall.
  let drills = [];
  let drillInfo = null;
  if (screens.some((s) => s.id === 'economy') && INP_DRILLS > 0) {
    drillInfo = await measureDrills(browser, feeds.url, errors);
    drills = drillInfo.drills;
    console.log(
      `  drills (longest event per drill): ${drills.map((d) => round(d)).join(', ')} ms, main thread ${(drillInfo.mainThread ?? []).map((d) => round(d)).join(', ')} ms (${drillInfo.below16} under 16 ms; first input ${JSON.stringify(drillInfo.firstInput)}; ${drillInfo.unsettled} waits for a settled wall timed out) · load ${load().join('/')}`,
    );
  }
  await browser.close();
  browser = undefined;

  // 3. Lighthouse, alternating pages round by round.
  const scores = Object.fromEntries(pages.map((p) => [p.id, []]));
  if (process.env.BENCH_LIGHTHOUSE !== '0' && LH_RUNS > 0) {
    lh = await lighthouseRunner();
    for (let r = 0; r < LH_RUNS; r++) {
      for (const p of pages.filter((x) => !x.baseline || process.env.BENCH_BASELINE_LH === '1')) {
        let res;
        try {
          res = await lh.run(p.url);
        } catch (error) {
          // A hung or crashed page (PAGE_HUNG, "Target closed") is a result without a score; the next run gets a new Chrome.
          res = {
            score: null,
            lcpMs: null,
            tbtMs: null,
            cls: null,
            breakdown: [],
            bootup: [],
            items: [],
            runtimeError: String(error?.message ?? error).slice(0, 80),
            auditErrors: [],
          };
          lh.close();
          lh = await lighthouseRunner();
        }
        if (res.runtimeError && res.score === null) {
          // After PAGE_HUNG or NO_NAVSTART the same Chrome tends to hang on every page that follows.
          lh.close();
          lh = await lighthouseRunner();
        }
        scores[p.id].push(res);
        console.log(
          `  lighthouse ${r + 1} ${p.id.padEnd(18)} ${res.score} · LCP ${round(res.lcpMs)} ms · TBT ${round(res.tbtMs)} ms · CLS ${round(res.cls, 3)}${res.runtimeError ? ` · ${res.runtimeError}` : ''}${res.auditErrors.length ? ` · ${[...new Set(res.auditErrors.map((e) => e.split(': ')[1]))].join(',')}` : ''} · load ${load().join('/')}`,
        );
      }
    }
    lh.close();
    lh = undefined;
  }

  const metrics = [];
  const profiles = {};
  const naiveScore = median(scores.naive.map((s) => s.score));
  for (const p of pages) {
    const l = loads[p.id];
    const s = scores[p.id];
    if (!l.length && !s.length) continue;
    const ready = median(l.map((m) => m.readyMs));
    const lcp = median(l.map((m) => m.lcpMs));
    const cls = median(l.map((m) => m.cls));
    const tbt = median(l.map((m) => m.tbtMs));
    // Budgets apply to this build's screens; the naive page and a baseline build are references.
    const isScreen = p.panels > 0 && !p.baseline;
    const readyS = round(ready === null ? null : ready / 1000, 2);
    if (l.length) {
      if (p.panels > 0) {
        const notReady = l.filter((m) => m.readyMs === null).length;
        // Where the time goes: the panels but the map (KPIs, charts, lists) against the map alone.
        const others = median(
          l.map((m) => {
            const times = Object.entries(m.panelReady ?? {})
              .filter(([id]) => !p.maps.includes(id))
              .map(([, t]) => t);
            return times.length === p.panels - p.maps.length ? Math.max(...times) : null;
          }),
        );
        const map = median(l.map((m) => (p.maps.length ? Math.max(...p.maps.map((id) => m.panelReady?.[id] ?? Number.NaN)) : null)));
        // The slowest panels of the median run, then what held the main thread (long frames by script).
        const medianRun = [...l].sort((a, b) => Math.abs((a.readyMs ?? 1e9) - (ready ?? 1e9)) - Math.abs((b.readyMs ?? 1e9) - (ready ?? 1e9)))[0];
        const slowest = Object.entries(medianRun?.panelReady ?? {})
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([id, t]) => ({ what: `panel ${id} ready`, value: Math.round(t), unit: 'ms after navigation' }));
        metrics.push({
          name: `${p.id}: panels ready`,
          value: readyS,
          unit: notReady ? `s (${notReady} of ${l.length} runs not ready in ${READY_TIMEOUT_MS / 1000} s)` : 's',
          ...(isScreen ? { budget: `≤ ${GOALS.readyS}`, ok: readyS !== null && readyS <= GOALS.readyS && notReady === 0 } : {}),
          profile: {
            title: 'the last panels, and what held the main thread (long animation frames by script, mean of the loads)',
            items: [
              ...(others !== null ? [{ what: 'every panel but the map ready (median)', value: Math.round(others), unit: 'ms after navigation' }] : []),
              ...(map !== null && Number.isFinite(map) ? [{ what: 'map ready (median)', value: Math.round(map), unit: 'ms after navigation' }] : []),
              ...slowest,
              ...(notReady
                ? [{ what: `not ready in ${READY_TIMEOUT_MS / 1000} s: ${l.find((m) => m.notReady)?.notReady?.join(' ')}`, value: notReady, unit: 'runs' }]
                : []),
              ...meanHolders(l),
            ],
          },
        });
        metrics.push({ name: `${p.id}: panels but the map ready`, value: round(others === null ? null : others / 1000, 2), unit: 's' });
        if (p.maps.length) metrics.push({ name: `${p.id}: map ready`, value: round(map === null ? null : map / 1000, 2), unit: 's' });
      } else metrics.push({ name: 'naive: map loaded + chart drawn', value: readyS, unit: 's' });
      const lcpS = round(lcp === null ? null : lcp / 1000, 2);
      metrics.push({
        name: `${p.id}: LCP`,
        value: lcpS,
        unit: 's',
        ...(isScreen ? { budget: `≤ ${GOALS.lcpS}`, ok: lcpS !== null && lcpS <= GOALS.lcpS } : {}),
        profile: {
          title: 'the LCP element of each load, and what held the main thread (long frames by script, mean of the loads)',
          items: [
            ...l.map((m, k) => ({ what: `load ${k + 1}: LCP element ${m.lcpElement ?? '—'} (FCP ${round(m.fcpMs)} ms)`, value: round(m.lcpMs), unit: 'ms' })),
            ...meanHolders(l, 6),
          ],
        },
      });
      metrics.push({
        name: `${p.id}: CLS`,
        value: round(cls, 3),
        unit: '',
        ...(isScreen ? { budget: `≤ ${GOALS.cls}`, ok: cls !== null && cls <= GOALS.cls } : {}),
      });
      metrics.push({ name: `${p.id}: TBT first 10 s`, value: round(tbt), unit: 'ms' });
      metrics.push({
        name: `${p.id}: long tasks first 10 s`,
        value: median(l.map((m) => m.longTasks)),
        unit: `tasks (${round(median(l.map((m) => m.longTaskMs)))} ms)`,
      });
    }
    if (s.length) {
      const score = median(s.map((x) => x.score));
      metrics.push({
        name: `${p.id}: Lighthouse performance`,
        value: score,
        unit: `(LCP ${round(median(s.map((x) => x.lcpMs)))} ms, TBT ${round(median(s.map((x) => x.tbtMs)))} ms, CLS ${round(median(s.map((x) => x.cls)), 3)})`,
        ...(isScreen
          ? {
              budget: `≥ ${GOALS.lighthouse} and ≥ naive (${naiveScore})`,
              ok: score !== null && naiveScore !== null && score >= GOALS.lighthouse && score >= naiveScore,
            }
          : {}),
        profile: {
          title: 'Lighthouse’s own main-thread breakdown and script time (its last run), and its errors',
          items: [
            ...s.flatMap((x, k) =>
              x.score === null
                ? [
                    {
                      what: `run ${k + 1}: no score (${x.runtimeError ?? [...new Set(x.auditErrors.map((e) => e.split(': ')[1]))].join(', ')})`,
                      value: null,
                      unit: '',
                    },
                  ]
                : [],
            ),
            ...(s.findLast((x) => x.items?.length)?.items ?? []),
          ],
        },
      });
      if (p.panels > 0)
        metrics.push({ name: `${p.id}: Lighthouse score / naive`, value: score !== null && naiveScore ? round(score / naiveScore, 2) : null, unit: '×' });
      const last = s[s.length - 1];
      profiles[p.id] = { mainThread: last.breakdown, scripts: last.bootup };
    }
  }
  if (drills.length) {
    const measured = drills.every((d) => d !== null);
    const inp = measured ? Math.max(...drills) : null;
    metrics.push({
      name: 'economy drill-down: INP (worst drill)',
      value: round(inp),
      unit: measured
        ? `ms (median drill ${round(median(drills))} ms${drillInfo?.below16 ? `; ${drillInfo.below16} drills under 16 ms, counted as 16` : ''})`
        : 'ms (the page saw no input: not measured)',
      budget: `≤ ${GOALS.inpMs}`,
      ok: inp !== null && inp <= GOALS.inpMs,
      profile: {
        title: 'each drill split by Event Timing: main thread (input delay + handlers) and presentation (the frame waiting for raster and the GPU process)',
        items: drills.flatMap((d, k) => {
          const m = drillInfo?.mainThread?.[k] ?? null;
          return [
            { what: `drill ${k + 1}: main thread`, value: round(m), unit: 'ms' },
            { what: `drill ${k + 1}: presentation`, value: d !== null && m !== null ? round(d - m) : null, unit: 'ms' },
          ];
        }),
      },
    });
    if (drillInfo?.ups?.length)
      metrics.push({
        name: 'economy drill-up (Esc on the settled city view): worst interaction',
        value: round(Math.max(...drillInfo.ups.filter((d) => d !== null))),
        unit: `ms (each: ${drillInfo.ups.map((d) => round(d)).join(', ')})`,
      });
    if (drillInfo?.followed?.length)
      metrics.push({
        name: 'economy drill-down: key → every panel ready again (median)',
        value: round(median(drillInfo.followed)),
        unit: `ms (worst ${round(Math.max(...drillInfo.followed))} ms; the INP is the key's first frame)`,
      });
    const main = (drillInfo?.mainThread ?? []).filter((d) => d !== null);
    if (main.length)
      metrics.push({
        name: 'economy drill-down: main thread per drill (input delay + handlers, worst)',
        value: round(Math.max(...main)),
        unit: `ms (median ${round(median(main))} ms; the rest of the INP is the frame's presentation)`,
      });
  }
  metrics.push({ name: 'page errors / external requests', value: errors.length, unit: 'count', budget: '= 0', ok: errors.length === 0 });
  if (errors.length) console.error(errors.slice(0, 10).join('\n'));

  await writeResult(
    'load',
    {
      build: ownDist ? 'vite build (production) + the naive page, built by this bench' : `BENCH_DIST=${dist}`,
      ...(BASELINE ? { baseline: `BENCH_BASELINE_DIST=${BASELINE} (rows <screen>@baseline)` } : {}),
      served: 'mocks/server/feed-server.ts (static + feeds, same origin)',
      now: NOW,
      viewport: '1920×1080, wall mode',
      runs: RUNS,
      lighthouseRuns: scores.naive.length,
      lighthouse: "desktop preset, throttlingMethod 'provided', screen 1920×1080",
      inp: "PerformanceObserver 'event' (durationThreshold 16): longest entry of each Enter drill on the GDP ranking",
      renderer: 'SwiftShader (software WebGL)',
      browser: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      cpus: cpus().length,
      loadAverage: { start: loadAtStart, afterLoads: loadAfterLoads, end: load() },
      profiles,
    },
    metrics,
  );
} finally {
  await browser?.close();
  lh?.close();
  await feeds?.close();
  await baseFeeds?.close();
  if (ownDist && !process.env.BENCH_KEEP) await rm(dist, { recursive: true, force: true });
}
