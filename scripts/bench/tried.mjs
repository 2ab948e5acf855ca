/**
 * What was tried for each goal of issue #12, for the report's "goals not met"
 * section (scripts/bench/report.mjs): the profile comes from the run; this is
 * the part a run cannot measure — what was done about it, with the figures it
 * gave, and why the goal still stands. Keep it short and true; the long form
 * is docs/performance.md. A goal not met without an entry here is flagged in
 * the report (and the committed report's test fails on it).
 *
 * @typedef {{ bench: string, metric: RegExp, tried: string[], why?: string, doc?: string }} Tried
 */

/** @type {Tried[]} */
export const TRIED = [
  {
    bench: 'bytes',
    metric: /^whole app/,
    tried: [
      'deck.gl: only the seven layer classes the layer types build, destructured from each dynamic import — deck chunk 288.1 → 241.3 KB.',
      'Panel tables, insight/alert models, every domain’s words and the analysis words moved out of the entry into lazy chunks (they also stopped being duplicated across chunks).',
      'zod’s JSON Schema conversion stubbed out of the build (scripts/bytes-zod-json-schema.mjs): −5 KB.',
      'MapLibre tree-shaken: it is one prebuilt, minified bundle (1110 → 1058 KB raw), nothing more comes off.',
    ],
    why: 'MapLibre + its worker (≈ 422 KB) and ECharts (≈ 215 KB) are needed by every screen; 900 KB needs deck.gl’s chunk (≈ 241 KB) gone altogether: its six layer types redrawn by MapLibre natives (circle/symbol, heatmap, fill-extrusion, line) — a rewrite of the map’s live layers, not done.',
    doc: 'docs/performance.md#bytes',
  },
  {
    bench: 'load',
    metric: /: panels ready$/,
    tried: [
      'The screen’s chunks, CSS and the region geometry preloaded from config as soon as it is parsed (vite.config.ts screenPreload, src/app/preload.ts): data and code in parallel.',
      'KPIs and charts first, the map after them (GridPanels mounts the map once the others left loading; MapLibre is created after a painted frame and an idle main thread): the other panels were ready 1.5–3.5× sooner in an A/B under load.',
      'KHR_parallel_shader_compile: SwiftShader does not offer it in this Chromium, so program links stay synchronous.',
      'ECharts canvases made CPU canvases (willReadFrequently): the first chart’s first clearRect still blocks 1.4 s — it waits for the GPU process, busy rastering the first full frame; reverted.',
    ],
    why: 'The map is the last panel on every map screen; its set-up on software WebGL (MapLibre’s painter and shader programs, the first status query waiting for the GPU process) is the time between "panels but the map" and "panels ready".',
    doc: 'docs/performance.md#load',
  },
  {
    bench: 'load',
    metric: /: LCP$/,
    tried: [
      'Title bar and KPI frames render from config before any data; the loading message has the frame’s final size (CLS ≤ 0.02 holds).',
      'Charts apply their option after the next paint, so the first frame is not held behind ECharts’ layout.',
      'Four frames instead of two before the charts’ first option (as for drills): LCP unchanged (3.5–4.2 s on economy), reverted.',
    ],
    why: 'On economy the title bar is in the DOM at ≈ 1.4 s but its frame is presented at ≈ 3.4 s: the first chart’s setOption blocks ≈ 1.4 s in its canvas’s first clearRect (zrender Layer.clear), a sync with the GPU process rastering the first whole frame in software. On live-list screens a list item that arrives by SSE becomes the new largest candidate.',
    doc: 'docs/performance.md#load',
  },
  {
    bench: 'load',
    metric: /: Lighthouse performance$/,
    tried: [
      'Everything above for readiness and LCP; the map’s creation deferred to an idle main thread.',
      'A fresh Chrome for each Lighthouse run after a hung page (PAGE_HUNG tends to repeat in the same Chrome).',
    ],
    why: 'Lighthouse scores TBT and LCP: the map’s set-up tasks on software WebGL (seconds of shader links) are TBT, on every screen with a map.',
    doc: 'docs/performance.md#load',
  },
  {
    bench: 'load',
    metric: /drill-down: INP/,
    tried: [
      'Charts apply a new option, and the map its labels, pulses and camera, after the next paint (src/lib/after-paint.ts useAfterPaintEffect): the drill’s main-thread part went 256–380 → 72–126 ms.',
      'Hiding the map canvas, the charts or both (injected CSS) still left 1.5–2.9 s of presentation; a key that only moves the focus presents in 48–72 ms.',
    ],
    why: 'What is left is presentation: the renderer’s main thread is idle while the GPU process (SwiftShader) re-rasters the whole 1920×1080 page after a drill; its main thread is busy ≈ 2.9 s of the 3.5 s after the key. On a hardware GPU this part is a frame.',
    doc: 'docs/performance.md#load',
  },
  {
    bench: 'map',
    metric: /^data update: main thread/,
    tried: [
      'Attributes built in a worker (src/map/points.worker.ts): the main thread diffs the new array by identity and packs only the changed records; buffers are transferred, not copied.',
      'Alignment probes and re-sync only when the next record is misaligned: pack of 100k with 10 % changed 5.9 → 2.1 ms.',
      'samePrepared: the tick’s first render (build still in the worker) rebuilds no layer, label or legend.',
    ],
    why: 'On a quiet machine (2026-12-02) the frame that uploads the new attributes costs nothing over an idle repaint; the tick is the diff + pack of the changed records (see the profile above; 8–15 ms p50 and 3–6 ms best over two quiet runs: reading 10,000 scattered records, with the young-generation GC of the tick’s new records falling in it). Under load the 2 MB re-upload (20 B per point, bufferSubData) waits for the starved GPU process as well. Next steps: pack from the push buffer’s own change list instead of diffing 100k pointers, and stable slots so a tick uploads only the changed points.',
    doc: 'docs/performance.md#live-100k-points-at-1-hz-goal--8-ms-of-main-thread-per-tick',
  },
  {
    bench: 'map',
    metric: /^main thread per tick \/ in-process conversion/,
    tried: ['As for the tick itself: worker build, changed-record packing, samePrepared.'],
    why: 'The tick’s remaining cost is the upload and the frame, not the conversion the ratio compares against.',
    doc: 'docs/performance.md#live-100k-points-at-1-hz-goal--8-ms-of-main-thread-per-tick',
  },
  {
    bench: 'incidents',
    metric: /^fps loaded ÷ idle/,
    tried: [
      'The map takes new data at most once a second while updates keep coming (src/map/paced-data.ts; a record it has not drawn within 250 ms): map renders ≈ 7 → 1 per second; on a quiet machine (2026-12-02) ratio 0.22 → 0.56 and 0.36 in two runs after, long tasks in loaded windows 24 → 13, longest 174 → 82 ms, main thread in long tasks 294 → 135 ms per 4 s.',
      'The push channel tells panels at most 4 times a second under load; the adapter ingests in time slices (0 dropped, 0 long tasks at 5,000 ev/s).',
      'Without the points layer (no 5,000 icons, no pulse rings): idle 57 fps with the GPU process at 20 % of a core, loaded 34–37 fps — the rings’ running CSS animation keeps the compositor drawing whole frames, which saturates SwiftShader (≈ 1.7 cores) before any WebGL draw.',
      'Rings capped at 12, one ring each instead of two: no measurable change (idle GPU process still 159–173 %), reverted; the rings now go to the newest red incidents.',
    ],
    why: 'On SwiftShader the GPU process is saturated at idle (compositing the animated rings, ≈ 1.7 cores at 14–17 fps), so one map render a second (≈ 125 draw calls: choropleth, arcs, 5,000 icons) takes frames from the compositor one for one. The renderer’s main thread is not the limit (≈ 20 % of a core loaded).',
    doc: 'docs/performance.md#live-data-ingestion-pacing-the-emergency-screen-under-load',
  },
  {
    bench: 'map-init',
    metric: /^(TBT|WebGL link)/,
    tried: [
      'MapLibre created after a painted frame and an idle main thread (src/map/after-paint.ts, ≤ 3 s): the map moves out of the first seconds.',
      'KHR_parallel_shader_compile looked for: SwiftShader does not offer it here.',
      'Program count: the emergency map links 9 programs (7 MapLibre, 2 deck.gl); almost all the wait is the first status query, which waits for everything queued in the GPU process, so fewer programs would not remove it.',
    ],
    why: 'Shader links on software WebGL: the first getProgramParameter is a sync point with the GPU process.',
    doc: 'docs/performance.md#set-up-the-maps-shader-programs-load',
  },
  {
    bench: 'sse-ingest',
    metric: /long tasks/,
    tried: [
      'The adapter works in time slices (src/data/adapters/slice.ts: ≤ 8 ms and 16 K characters per parser feed, then scheduler.yield()).',
      'Store notifications paced (src/data/push-channel.ts: next frame after a quiet spell, then ≤ 4 per second).',
      'The IndexedDB copy of a big buffer saved less often (every 25 s for 5,000 records).',
    ],
    why: 'What is left are single tasks whose own work is ≈ 2 ms (chunk p95): the profile of the run shows what holds them.',
    doc: 'docs/performance.md#live-data-ingestion-pacing-the-emergency-screen-under-load',
  },
];

/** What was tried for a goal not met (the first entry matching it), or null. */
export function triedFor(bench, metric) {
  const t = TRIED.find((x) => x.bench === bench && x.metric.test(metric));
  return t ? { tried: t.tried, why: t.why ?? null, doc: t.doc ?? null } : null;
}
