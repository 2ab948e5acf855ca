import type { CDPSession, Page } from '@playwright/test';
import type { FeedServer } from '../mocks/server/feed-server.ts';
import { expect, test } from './fixtures';
import { openAt, startProductionServer } from './production-helpers';

/**
 * A wall that switches screens all day must not pile up heavy instances: after
 * 50 screen switches (economy ⇄ emergency ⇄ sentiment, each switch landing
 * with its charts and map drawn), the heap holds exactly the ECharts,
 * MapLibre, deck.gl overlay and Deck instances the screen on show uses — as
 * many as before the churn — window and document listeners are back to their
 * count before it, and there is one WebGL context.
 *
 * Instances are counted in the heap (CDP `Runtime.queryObjects` by prototype,
 * after `HeapProfiler.collectGarbage`), the prototypes taken from the live
 * instances of the first visit (reached from the DOM through React's fibers),
 * so the production build needs no counter of its own.
 */
const SWITCHES = 50;
const CYCLE = ['economy', 'emergency', 'sentiment'] as const;
const TAB = { economy: '经济运行监测', emergency: '应急指挥', sentiment: '社情民意' } as const;

let feeds: FeedServer;
test.beforeAll(async () => {
  feeds = await startProductionServer({ heartbeatMs: 1000 });
});
test.afterAll(async () => {
  await feeds?.close();
});

/** Finds the live chart / map / deck instances through React's fibers and keeps their prototypes on window. */
async function captureProtos(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(() => {
    const w = window as unknown as { __churnProtos?: Record<string, object> };
    const protos: Record<string, object> = w.__churnProtos ?? {};
    const seen = new Set<unknown>();
    for (const el of document.querySelectorAll('*')) {
      const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
      if (!key) continue;
      let fiber = (el as unknown as Record<string, { return: unknown; memoizedState: unknown }>)[key] as { return: unknown; memoizedState: unknown } | null;
      for (let depth = 0; fiber && depth < 3; depth++, fiber = fiber.return as typeof fiber) {
        for (
          let hook = fiber.memoizedState as { memoizedState?: { current?: unknown }; next?: unknown } | null;
          hook && typeof hook === 'object' && 'next' in hook;
          hook = hook.next as typeof hook
        ) {
          const v = hook.memoizedState?.current as Record<string, unknown> | undefined;
          if (!v || typeof v !== 'object' || seen.has(v)) continue;
          seen.add(v);
          if (typeof v.setOption === 'function' && typeof v.dispose === 'function') protos.echarts ??= Object.getPrototypeOf(v);
          const map = v.map as { getStyle?: unknown } | undefined;
          if (map && typeof map.getStyle === 'function') {
            protos.maplibre ??= Object.getPrototypeOf(map);
            const overlay = v.overlay as { _deck?: object } | null;
            if (overlay) {
              protos.overlay ??= Object.getPrototypeOf(overlay);
              if (overlay._deck) protos.deck ??= Object.getPrototypeOf(overlay._deck);
            }
          }
        }
      }
    }
    w.__churnProtos = protos;
    return Object.fromEntries(Object.keys(protos).map((k) => [k, true]));
  });
}

interface Census {
  echarts: number;
  maplibre: number;
  overlay: number;
  deck: number;
  webgl: number;
  windowListeners: number;
  documentListeners: number;
  heapMB: number;
  /** What the screen on show uses (its DOM). */
  mounted: { charts: number; maps: number };
}

async function count(cdp: CDPSession, expression: string): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  if (!result.objectId) return 0;
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
  const { result: len } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId as string,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId as string });
  return len.value as number;
}

async function listeners(cdp: CDPSession, expression: string): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId as string });
  return list.length;
}

async function census(page: Page, cdp: CDPSession): Promise<Census> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return {
    echarts: await count(cdp, 'window.__churnProtos.echarts'),
    maplibre: await count(cdp, 'window.__churnProtos.maplibre'),
    overlay: await count(cdp, 'window.__churnProtos.overlay'),
    deck: await count(cdp, 'window.__churnProtos.deck'),
    webgl: (await count(cdp, 'WebGL2RenderingContext.prototype')) + (await count(cdp, 'WebGLRenderingContext.prototype')),
    windowListeners: await listeners(cdp, 'window'),
    documentListeners: await listeners(cdp, 'document'),
    heapMB: Math.round((heap.usedSize / 1048576) * 10) / 10,
    mounted: await page.evaluate(() => ({
      charts: document.querySelectorAll('[_echarts_instance_]').length,
      maps: document.querySelectorAll('.map-canvas').length,
    })),
  };
}

/**
 * On screen: its panels mounted with their data (cached after the first visit), the map element created.
 * `drawn` also waits for the map to be ready (style loaded, deck.gl layers initialised). Checked every frame.
 */
async function landed(page: Page, screen: string, drawn = true): Promise<void> {
  await page.waitForFunction(
    ({ id, drawn }) => {
      if (!document.querySelector(`.screen[data-screen="${id}"]`)) return false;
      const panels = [...document.querySelectorAll('[data-panel]')];
      if (!panels.length || panels.some((p) => p.getAttribute('data-state') === 'loading')) return false;
      const maps = [...document.querySelectorAll('.map-canvas')];
      return drawn ? maps.every((m) => m.getAttribute('data-map-status') === 'ready') : true;
    },
    { id: screen, drawn },
    { timeout: 60_000 },
  );
}

test('50 screen switches leave no chart, map or deck instance behind, listeners at their count, one WebGL context', async ({ page }) => {
  test.setTimeout(480_000);
  // A small wall: the same instances, fewer pixels for the software renderer.
  await page.setViewportSize({ width: 640, height: 360 });
  await openAt(page, feeds.url, { screen: 'emergency', mode: 'wall' });
  await landed(page, 'emergency');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const switchTo = async (screen: (typeof CYCLE)[number], drawn = true) => {
    // A direct click on the tab (no actionability wait: the software renderer keeps the main thread busy after a switch).
    await page
      .locator('.title-bar')
      .getByRole('button', { name: TAB[screen], exact: true })
      .evaluate((b) => (b as HTMLButtonElement).click());
    await landed(page, screen, drawn);
  };
  // One visit of each screen first (code, data and geometry loaded once), back on the emergency screen: the baseline.
  await captureProtos(page);
  for (const s of ['economy', 'sentiment', 'emergency'] as const) {
    await switchTo(s);
    await captureProtos(page);
  }
  expect(await captureProtos(page)).toEqual({ echarts: true, maplibre: true, overlay: true, deck: true });
  const before = await census(page, cdp);

  const started = Date.now();
  const perScreen: Record<string, number[]> = { economy: [], emergency: [], sentiment: [] };
  for (let i = 0; i < SWITCHES; i++) {
    const screen = CYCLE[i % CYCLE.length] as (typeof CYCLE)[number];
    const t = Date.now();
    // Most switches move on once the screen is mounted (an impatient hand, a fast rotation); every 10th, and the last,
    // waits until the map has drawn, so both teardown paths (mid-load and drawn) are churned.
    await switchTo(screen, i % 10 === 9 || i === SWITCHES - 1);
    perScreen[screen]?.push(Date.now() - t);
  }
  const churnMs = Date.now() - started;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  // 50 switches of the cycle end on its second screen: emergency again.
  await expect(page.locator('.screen[data-screen="emergency"]')).toBeVisible();
  const after = await census(page, cdp);
  test.info().annotations.push(
    {
      type: 'churn',
      description: `${SWITCHES} switches in ${Math.round(churnMs / 1000)} s (median per switch: ${Object.entries(perScreen)
        .map(([k, v]) => `${k} ${median(v)} ms`)
        .join(', ')})`,
    },
    { type: 'before (emergency, after one visit of each screen)', description: JSON.stringify(before) },
    { type: `after ${SWITCHES} switches (emergency)`, description: JSON.stringify(after) },
  );

  // Exactly what the screen on show uses — its charts — and the listeners it had before the churn.
  expect(after.mounted).toEqual(before.mounted);
  expect(after.echarts, 'ECharts instances in the heap').toBe(after.mounted.charts);
  expect(after.echarts, 'ECharts instances, before and after').toBe(before.echarts);
  expect(after.windowListeners, 'window listeners').toBe(before.windowListeners);
  expect(after.documentListeners, 'document listeners').toBe(before.documentListeners);

  // One map, one deck.gl overlay and Deck, one WebGL context. (This caught luma.gl's CanvasObserver keeping every
  // removed map alive through a matchMedia listener: fixed in src/map/map-canvas.tsx, 4465956.)
  expect(after.maplibre, 'MapLibre maps in the heap').toBe(1);
  expect(after.overlay, 'deck.gl overlays in the heap').toBe(1);
  expect(after.deck, 'Deck instances in the heap').toBe(1);
  expect(after.webgl, 'WebGL contexts').toBe(1);
});
