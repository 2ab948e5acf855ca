/**
 * SSE ingestion bench: the feed server's bench stream at RATE events/s (2,000)
 * for BENCH_SECONDS (60) into a PushChannel (sse adapter, contract
 * validation, bounded buffer) in headless Chromium. Reports events dropped
 * (must be 0), main-thread long tasks over 50 ms, receipt → store latency
 * and the buffer bound. Writes bench-results/sse-ingest.json.
 *
 *   node scripts/bench/sse-ingest.bench.mjs         (or npm run bench)
 *   BENCH_SECONDS=10 BENCH_RATE=2000 node scripts/bench/sse-ingest.bench.mjs
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { startFeedServer } from '../../mocks/server/feed-server.ts';
import { launchChromium, ROOT, serveStatic, writeResult } from './lib.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const rate = Number(process.env.BENCH_RATE ?? 2000);
const bound = Number(process.env.BENCH_BOUND ?? 5000);

const outDir = await mkdtemp(join(tmpdir(), 'bench-sse-'));
let feeds;
let site;
let browser;
try {
  await build({
    configFile: false,
    root: join(ROOT, 'scripts/bench'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: join(ROOT, 'scripts/bench/sse-ingest.html') } },
  });
  feeds = await startFeedServer({ port: 0, tickMs: 20, heartbeatMs: 5000 });
  site = await serveStatic(outDir);
  browser = await launchChromium();
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  console.log(`SSE ingestion: ${rate} events/s for ${seconds} s (buffer bound ${bound}) …`);
  await page.goto(`${site.url}/sse-ingest.html?feed=${encodeURIComponent(feeds.url)}&rate=${rate}&seconds=${seconds}&bound=${bound}`);
  await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: (seconds + 60) * 1000, polling: 500 });
  const r = await page.evaluate(() => window.__bench);
  if (!r || 'error' in r) throw new Error(`bench page failed: ${r?.error}`);
  const sent = feeds.stats().eventsSent;
  if (process.env.BENCH_DEBUG) console.log(r.longTaskAt);
  await writeResult(
    'sse-ingest',
    { rate, seconds, bound, browser: browser.version(), cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) },
    [
      { name: 'events sent by the server (until the page closed)', value: sent, unit: 'events' },
      { name: 'events received', value: r.received, unit: 'events' },
      { name: 'events stored', value: r.stored, unit: 'events' },
      { name: 'events dropped (seq gaps + unread)', value: r.dropped, unit: 'events', budget: '= 0', ok: r.dropped === 0 },
      { name: 'quarantined', value: r.quarantined, unit: 'records', budget: '= 0', ok: r.quarantined === 0 },
      { name: 'ingest rate', value: Math.round(r.stored / r.seconds), unit: 'events/s' },
      { name: 'long tasks > 50 ms', value: r.longTasks, unit: 'tasks', budget: '= 0', ok: r.longTasks === 0 },
      { name: 'longest long task', value: r.longTaskMaxMs, unit: 'ms' },
      { name: 'main-thread ingest cost', value: r.ingestUsPerEvent, unit: 'µs/event' },
      { name: 'receipt → buffer p95', value: r.receiptToBufferP95Ms, unit: 'ms' },
      { name: 'receipt → store p50', value: r.receiptToStoreP50Ms, unit: 'ms' },
      { name: 'receipt → store p95', value: r.receiptToStoreP95Ms, unit: 'ms', budget: '< 50', ok: r.receiptToStoreP95Ms < 50 },
      { name: 'receipt → store max', value: r.receiptToStoreMaxMs, unit: 'ms' },
      { name: 'event time → store p95 (incl. 20 ms server tick)', value: r.eventToStoreP95Ms, unit: 'ms' },
      { name: 'store notifications', value: r.notifications, unit: 'frames' },
      { name: 'buffer size at end', value: r.bufferSize, unit: 'records', budget: `≤ ${bound}`, ok: r.bufferSize <= bound },
      { name: 'JS heap after GC, end (start)', value: r.heapEndMb, unit: `MB (${r.heapStartMb})` },
    ],
  );
} finally {
  await browser?.close();
  await site?.close();
  await feeds?.close();
  await rm(outDir, { recursive: true, force: true });
}
