/**
 * SSE ingestion bench (issue #12): the feed server's bench stream into a
 * PushChannel (the shipping sse adapter over fetch streaming, contract
 * validation, bounded buffer, batched notifications) in headless Chromium,
 * in two cases by default — 2,000 events/s for 60 s and 5,000 events/s for
 * 30 s — each with its own rows and goals: events dropped (= 0) and main-
 * thread long tasks over 50 ms (= 0). Also reported: main-thread cost per
 * event, receipt → store latency p50/p95, the largest buffer, heap.
 * Writes bench-results/sse-ingest.json.
 *
 *   node scripts/bench/sse-ingest.bench.mjs          (or npm run bench)
 *   BENCH_SECONDS=10 node scripts/bench/sse-ingest.bench.mjs     both cases, 10 s each
 *   BENCH_RATE=3000 BENCH_SECONDS=20 node scripts/bench/sse-ingest.bench.mjs   one case
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { startFeedServer } from '../../mocks/server/feed-server.ts';
import { launchChromium, ROOT, serveStatic, writeResult } from './lib.mjs';
import { startProfile } from './profile.mjs';

const bound = Number(process.env.BENCH_BOUND ?? 5000);
const short = process.env.BENCH_SECONDS ? Number(process.env.BENCH_SECONDS) : null;
const CASES = process.env.BENCH_RATE
  ? [{ rate: Number(process.env.BENCH_RATE), seconds: short ?? 60 }]
  : [
      { rate: 2000, seconds: short ?? 60 },
      { rate: 5000, seconds: short ?? 30 },
    ];
const load = () => loadavg().map((l) => Math.round(l * 100) / 100);
const fmt = (n) => n.toLocaleString('en-US');

const outDir = await mkdtemp(join(tmpdir(), 'bench-sse-'));
let site;
let browser;
const metrics = [];
const cases = [];
try {
  await build({
    configFile: false,
    root: join(ROOT, 'scripts/bench'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: !process.env.BENCH_PROFILE,
      rolldownOptions: { input: join(ROOT, 'scripts/bench/sse-ingest.html') },
    },
  });
  site = await serveStatic(outDir);
  browser = await launchChromium();
  for (const { rate, seconds } of CASES) {
    // A feed server per case: its counters and its stream hub start from zero.
    const feeds = await startFeedServer({ port: 0, tickMs: 20, heartbeatMs: 5000 });
    const loadBefore = load();
    const page = await browser.newPage();
    try {
      page.on('pageerror', (e) => console.error('page error:', e.message));
      console.log(`SSE ingestion: ${fmt(rate)} events/s for ${seconds} s (buffer bound ${fmt(bound)}; load ${loadBefore.join(' ')}) …`);
      const profile = process.env.BENCH_PROFILE ? await startProfile(page) : null;
      await page.goto(`${site.url}/sse-ingest.html?feed=${encodeURIComponent(feeds.url)}&rate=${rate}&seconds=${seconds}&bound=${bound}`);
      await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: (seconds + 60) * 1000, polling: 500 });
      const r = await page.evaluate(() => window.__bench);
      if (!r || 'error' in r) throw new Error(`bench page failed: ${r?.error}`);
      const sent = feeds.stats().eventsSent;
      if (profile) {
        const p = await profile.stop(30);
        console.log(`  main thread busy (sampled): ${p.totalMs} ms; self time by function:`);
        for (const t of p.top) console.log(`    ${String(t.selfMs).padStart(6)} ms  ${t.fn}  ${t.where}`);
      }
      if (process.env.BENCH_DEBUG) console.log(r);
      if (r.longTasks) console.log(`  long tasks at: ${r.longTaskAt.join(', ')}`);
      const label = `${fmt(rate)} ev/s × ${seconds} s:`;
      cases.push({ rate, seconds, loadAverage: { before: loadBefore, after: load() } });
      metrics.push(
        { name: `${label} events sent by the server (until the page closed)`, value: sent, unit: 'events' },
        { name: `${label} events received`, value: r.received, unit: 'events' },
        { name: `${label} events dropped (seq gaps + unread)`, value: r.dropped, unit: 'events', budget: '= 0', ok: r.received > 0 && r.dropped === 0 },
        { name: `${label} quarantined`, value: r.quarantined, unit: 'records', budget: '= 0', ok: r.quarantined === 0 },
        { name: `${label} ingest rate`, value: Math.round(r.stored / r.seconds), unit: 'events/s' },
        {
          name: `${label} long tasks > 50 ms`,
          value: r.longTasks,
          unit: 'tasks',
          budget: '= 0',
          ok: r.longTasks === 0,
          profile: {
            title: 'when the long tasks came (ms into the run + duration), and what held the long frames (by script, ms in all)',
            items: [
              ...r.longTaskAt.map((at) => ({ what: `long task at ${at} ms`, value: Number(at.split('+')[1]), unit: 'ms' })),
              ...Object.entries(r.holders ?? {})
                .sort((a, b) => b[1] - a[1])
                .slice(0, 8)
                .map(([what, ms]) => ({ what, value: ms, unit: 'ms (long frames, whole run)' })),
              { what: 'machine load average (1 min) at the end', value: Math.round(loadavg()[0] * 10) / 10, unit: '' },
            ],
          },
        },
        { name: `${label} longest long task`, value: r.longTaskMaxMs, unit: 'ms' },
        { name: `${label} main-thread ingest cost (decode, parse, validate, buffer)`, value: r.ingestUsPerEvent, unit: 'µs/event' },
        { name: `${label} cost of one network chunk, p95`, value: r.chunkCostP95Ms, unit: `ms (${fmt(r.chunks)} chunks)` },
        { name: `${label} receipt → buffer p95`, value: r.receiptToBufferP95Ms, unit: 'ms' },
        { name: `${label} receipt → store p50`, value: r.receiptToStoreP50Ms, unit: 'ms' },
        {
          name: `${label} receipt → store p95 (panels are told ≤ 4×/s under load)`,
          value: r.receiptToStoreP95Ms,
          unit: 'ms',
          budget: '≤ 300',
          ok: r.receiptToStoreP95Ms <= 300,
        },
        { name: `${label} receipt → store max`, value: r.receiptToStoreMaxMs, unit: 'ms' },
        { name: `${label} event time → store p95 (incl. 20 ms server tick)`, value: r.eventToStoreP95Ms, unit: 'ms' },
        { name: `${label} store notifications`, value: r.notifications, unit: 'notifications' },
        { name: `${label} largest buffer`, value: r.maxBuffer, unit: 'records', budget: `≤ ${bound}`, ok: r.maxBuffer <= bound },
        { name: `${label} JS heap after GC, end (start)`, value: r.heapEndMb, unit: `MB (${r.heapStartMb})` },
      );
    } finally {
      await page.close();
      await feeds.close();
    }
  }
  await writeResult('sse-ingest', { cases, bound, browser: browser.version(), cpus: cpus().length, loadAverage: load() }, metrics);
} finally {
  await browser?.close();
  await site?.close();
  await rm(outDir, { recursive: true, force: true });
}
