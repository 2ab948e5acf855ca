import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Expected values in the economy specs are fixed numbers written in the tests
 * (read off the demo once and checked by hand against the indicator
 * definitions, as noted at each) or computed from the region pack and the page
 * itself — never by the mock generators, so a generator bug fails a test.
 */
interface RegionEntry {
  code: string;
  name: string;
  short: string;
  parent: string | null;
  level: 'province' | 'city' | 'county';
}
/** The region pack's index (the data the app is given, not code under test). */
export const regions = JSON.parse(readFileSync(new URL('../public/regions/henan.index.json', import.meta.url), 'utf8')) as RegionEntry[];
export const childrenOf = (code: string): RegionEntry[] => regions.filter((r) => r.parent === code);
/** The pinned clock (fixtures.DEMO_NOW) is 2026-11-20: the last published month is 2026-10 (GDP: the quarter to 2026-09). */
export const MONTH = '2026-10';

/**
 * Headline KPIs of the demo (seed `henan-demo`) at the pinned clock, as the
 * cards' `data-value` must carry them. Checked by hand: GDP is the Q1–Q3
 * cumulative figure, ≈ 61 500 亿元 × (Jan–Sep seasonal weights 8.54 / 12) ≈
 * 43 800 for the province; 洛阳's share of the province (5 482 / 60 740 ≈ 9 %)
 * gives ≈ 4 000; 栾川 is one of 洛阳's 14 counties, a small mountain one.
 * Rates are percentages near the configured levels (unemployment ≈ 5.2 %).
 */
export const KPI = {
  /** 河南省 */
  '410000': { gdp: 43825 },
  /** 洛阳市: every headline indicator. */
  '410300': {
    gdp: 4042,
    industry: 6.5,
    fai: 6.7,
    retail: 2032,
    unemployment: 5.3,
    budget: 342,
    tax: 220.4,
    loans: 9199,
    deposits: 11490,
    electricity: 332.6,
    freight: 19764,
  },
  /** 栾川县 */
  '410324': { gdp: 134.3 },
} as const;

export const SCREENSHOTS = 'test-results/screenshots';

/** The panels of the Economy screen as configured. */
export const ECONOMY_PANELS = [
  'kpis',
  'gdp-ranking',
  'region-map',
  'alerts',
  'insights',
  'investment-mix',
  'budget-gauge',
  'retail-trend',
  'growth-trend',
  'projects',
];

/** Software rendering on a shared box is slow: the map's first frame and the charts' first frames take a while. */
export const SLOW_MS = 150_000;

/**
 * Waits until every panel is ready and every chart has drawn a frame (and
 * the map, when there is one, has drawn its first full frame).
 */
export async function waitForEconomy(page: Page): Promise<void> {
  const panels = page.locator('[data-panel]');
  await expect(panels).toHaveCount(ECONOMY_PANELS.length, { timeout: SLOW_MS });
  for (const id of ECONOMY_PANELS) {
    await expect(page.locator(`[data-panel="${id}"]`), `panel ${id}`).toHaveAttribute('data-state', 'ready', { timeout: SLOW_MS });
  }
  await expect
    .poll(() => page.evaluate(() => [...document.querySelectorAll('.chart')].every((c) => (c as HTMLElement).dataset.chartRendered === 'true')), {
      timeout: SLOW_MS,
    })
    .toBe(true);
  const map = page.locator('.map-canvas');
  if ((await map.count()) > 0) await expect(map.first()).toHaveAttribute('data-map-status', 'ready', { timeout: SLOW_MS });
  // Count-up animations and chart transitions settle.
  await page.waitForTimeout(1500);
}

export interface Box {
  id: string;
  l: number;
  t: number;
  r: number;
  b: number;
}

/** Panel boxes in artboard coordinates (0…1). */
export async function panelBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const a = (document.querySelector('.artboard') ?? document.documentElement).getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>('[data-panel]')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        id: el.dataset.panel ?? '',
        l: (r.left - a.left) / a.width,
        t: (r.top - a.top) / a.height,
        r: (r.right - a.left) / a.width,
        b: (r.bottom - a.top) / a.height,
      };
    });
  });
}

export function expectNoOverlap(boxes: readonly Box[]): void {
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as Box;
      const b = boxes[j] as Box;
      const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0.0005 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0.0005;
      expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
}

/**
 * Text legible from 5 m: every visible text of the economy panels is at
 * least 14 design px (layout px ÷ the design unit), and no text element is
 * cut off without an ellipsis and a title to read it whole.
 */
export async function textProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const artboard = document.querySelector<HTMLElement>('.artboard');
    const u = artboard ? Number.parseFloat(getComputedStyle(artboard).getPropertyValue('--u')) || 1 : 1;
    const problems: string[] = [];
    const panels = [...document.querySelectorAll<HTMLElement>('[data-panel]')].filter((p) => !p.classList.contains('panel--map'));
    for (const panel of panels) {
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const el = node.parentElement;
        if (!text || !el) continue;
        if (el.closest('.visually-hidden, [aria-hidden="true"], .ptable__sort')) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const size = Number.parseFloat(style.fontSize) / u;
        if (size < 13.9) problems.push(`${panel.dataset.panel}: "${text.slice(0, 30)}" is ${size.toFixed(1)} design px`);
        const cut = el.scrollWidth > el.clientWidth + 1 && style.overflow !== 'visible';
        if (cut && style.textOverflow !== 'ellipsis') problems.push(`${panel.dataset.panel}: "${text.slice(0, 30)}" is cut off`);
        if (cut && style.textOverflow === 'ellipsis' && !el.closest('[title]'))
          problems.push(`${panel.dataset.panel}: "${text.slice(0, 30)}" is elided with no title`);
      }
    }
    return problems;
  });
}
