/**
 * Analysis bench (`npm run bench`, or `BENCH_ONLY=analysis`): the economy screen of the demo
 * build (MSW, seeded data, pinned clock) in headless Chromium at 1920×1080, once for the province
 * and once drilled to 洛阳, while its panels ask the analysis worker for forecasts, spikes,
 * changepoints, effects and pace. Goal (issue #10): the analyses add no long task > 50 ms on the
 * main thread.
 *
 * What is recorded in the page (an init script, before the app runs):
 *   - every request to and reply from the worker named "analysis" (its `postMessage` and
 *     `message` events), so the analysis window is [first request, last reply];
 *   - the main-thread time of the app's reply handler (its `onmessage`, wrapped);
 *   - long animation frames (PerformanceObserver 'long-animation-frame', Chromium ≥ 123) and
 *     the scripts in them: a script is the analysis's when it is the `Worker.onmessage` handler
 *     of a frame in which an analysis reply arrived, or comes from the analysis chunks; the
 *     budget is no such script over 50 ms (other workers — MapLibre's, MSW's — do not count);
 *   - long tasks ('longtask') in the window from any cause (chart and map drawing included), for
 *     context;
 *   - whether the in-process fallback chunk (`run-*.js`, used only where there is no Worker)
 *     was loaded: if it was, fits ran on the main thread.
 *
 *   node scripts/bench/analysis.bench.mjs           (builds the demo into a temp dir)
 *   BENCH_DIST=/tmp/dist-demo node scripts/bench/analysis.bench.mjs   (an existing demo build)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, ROOT, serveStatic, writeResult } from './lib.mjs';

const NOW = '2026-11-20T10:00:00+08:00';
const QUIET_MS = 3000;
const MAX_WAIT_MS = Number(process.env.BENCH_ANALYSIS_WAIT_MS ?? 120_000);
const LONG_MS = 50;

async function demoBuild() {
  if (process.env.BENCH_DIST) return { dir: process.env.BENCH_DIST, cleanup: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'analysis-bench-'));
  const { build } = await import('vite');
  await build({ root: ROOT, mode: 'demo', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs in the page before the app: instruments the analysis worker and the observers. */
function instrument() {
  const b = { req: 0, res: 0, first: null, last: null, handlerMs: 0, handlerMax: 0, replyAt: [], longtasks: [], loaf: [] };
  window.__analysisBench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        b.loaf.push({
          start: e.startTime,
          dur: e.duration,
          scripts: (e.scripts ?? []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invoker, type: s.invokerType, dur: s.duration })),
        });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  const Native = window.Worker;
  const onmessage = Object.getOwnPropertyDescriptor(Native.prototype, 'onmessage');
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      if (options?.name !== 'analysis') return;
      const post = this.postMessage.bind(this);
      this.postMessage = (message, transfer) => {
        b.req++;
        b.first ??= performance.now();
        return transfer ? post(message, transfer) : post(message);
      };
      this.addEventListener('message', () => {
        b.res++;
        b.last = performance.now();
        b.replyAt.push(b.last);
      });
      let handler = null;
      Object.defineProperty(this, 'onmessage', {
        configurable: true,
        get: () => handler,
        set: (fn) => {
          handler = fn;
          onmessage.set.call(this, (event) => {
            const t0 = performance.now();
            try {
              return fn.call(this, event);
            } finally {
              const d = performance.now() - t0;
              b.handlerMs += d;
              b.handlerMax = Math.max(b.handlerMax, d);
            }
          });
        },
      });
    }
  };
}

async function measure(browser, base, region) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(instrument);
  const fallback = [];
  page.on('request', (r) => {
    if (/\/assets\/run-[^/]*\.js$/.test(new URL(r.url()).pathname)) fallback.push(r.url());
  });
  const started = Date.now();
  await page.goto(`${base}/?screen=economy&mode=wall&region=${region}&now=${encodeURIComponent(NOW)}`);
  // settled: at least one request, every request answered, nothing new for QUIET_MS
  let lastChange = Date.now();
  let seen = '';
  while (Date.now() - started < MAX_WAIT_MS) {
    const s = await page.evaluate(() => ({ req: window.__analysisBench.req, res: window.__analysisBench.res }));
    const key = `${s.req}/${s.res}`;
    if (key !== seen) {
      seen = key;
      lastChange = Date.now();
    }
    if (s.req > 0 && s.req === s.res && Date.now() - lastChange >= QUIET_MS) break;
    await page.waitForTimeout(250);
  }
  const b = await page.evaluate(() => window.__analysisBench);
  await page.close();
  const inWindow = (e) => b.first !== null && b.last !== null && e.start + e.dur >= b.first && e.start <= b.last;
  const longInWindow = b.longtasks.filter((t) => t.dur > LONG_MS && inWindow(t));
  // a script is the analysis's when it is the worker-reply handler in a frame that handled an analysis reply,
  // or comes from the analysis code chunks (other workers — MapLibre's, MSW's service worker — are not)
  const hasReply = (f) => b.replyAt.some((t) => t >= f.start && t <= f.start + f.dur);
  const analysisScripts = (f) =>
    f.scripts.filter((s) => (s.invoker === 'Worker.onmessage' && hasReply(f)) || /\/assets\/(run|analysis)[^/]*\.js/.test(s.url ?? ''));
  const loafAnalysis = b.loaf.filter((f) => inWindow(f) && analysisScripts(f).some((s) => s.dur > LONG_MS));
  const withReply = b.loaf.filter((f) => f.dur > LONG_MS && hasReply(f));
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(withReply.map((f) => ({ dur: f.dur, scripts: f.scripts }))));
  const worstAnalysisScript = Math.max(0, ...b.loaf.flatMap((f) => analysisScripts(f).map((s) => s.dur)));
  return {
    region,
    requests: b.req,
    replies: b.res,
    windowMs: b.first !== null && b.last !== null ? Math.round(b.last - b.first) : null,
    handlerMs: Math.round(b.handlerMs * 10) / 10,
    handlerMax: Math.round(b.handlerMax * 10) / 10,
    loafObserved: b.loaf.length,
    loafAnalysis: loafAnalysis.length,
    framesWithReply: withReply.length,
    worstAnalysisScript: Math.round(worstAnalysisScript * 10) / 10,
    longInWindow: longInWindow.length,
    longInWindowMax: Math.round(Math.max(0, ...longInWindow.map((t) => t.dur))),
    fallbackLoaded: fallback.length > 0,
  };
}

const { dir, cleanup } = await demoBuild();
const server = await serveStatic(dir);
const browser = await launchChromium();
const runs = [];
try {
  for (const region of ['410000', '410300']) runs.push(await measure(browser, server.url, region));
} finally {
  await browser.close();
  await server.close();
  await cleanup();
}
for (const r of runs) console.log(JSON.stringify(r));
const metrics = runs.flatMap((r) => {
  const tag = r.region === '410000' ? 'province' : '洛阳';
  return [
    {
      name: `${tag}: analyses answered by the worker`,
      value: r.replies,
      unit: `of ${r.requests}`,
      budget: '> 0, all',
      ok: r.replies > 0 && r.replies === r.requests,
    },
    { name: `${tag}: analysis window (first request → last reply)`, value: r.windowMs, unit: 'ms' },
    { name: `${tag}: reply handling on the main thread, longest`, value: r.handlerMax, unit: 'ms', budget: `< ${LONG_MS}`, ok: r.handlerMax < LONG_MS },
    { name: `${tag}: reply handling on the main thread, total`, value: r.handlerMs, unit: 'ms' },
    {
      name: `${tag}: frames with an analysis script > ${LONG_MS} ms`,
      value: r.loafObserved ? r.loafAnalysis : null,
      unit: 'frames',
      budget: '0',
      ok: r.loafObserved ? r.loafAnalysis === 0 : undefined,
    },
    {
      name: `${tag}: longest analysis script in any frame`,
      value: r.worstAnalysisScript,
      unit: 'ms',
      budget: `< ${LONG_MS}`,
      ok: r.worstAnalysisScript < LONG_MS,
    },
    { name: `${tag}: long frames that also handled a reply (time spent elsewhere)`, value: r.framesWithReply, unit: 'frames' },
    { name: `${tag}: long tasks in the window, any cause (charts, map)`, value: r.longInWindow, unit: `tasks (max ${r.longInWindowMax} ms)` },
    { name: `${tag}: fits on the main thread (fallback chunk loaded)`, value: r.fallbackLoaded ? 1 : 0, unit: '', budget: '0', ok: !r.fallbackLoaded },
  ];
});
await writeResult('analysis', { screen: 'economy', viewport: '1920×1080', now: NOW, regions: runs.map((r) => r.region) }, metrics);
process.exit(runs.every((r) => r.requests > 0) ? 0 : 1);
