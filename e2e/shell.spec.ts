import { readFileSync } from 'node:fs';
import { KPI } from './economy-helpers';
import { DEMO_NOW, expect, expectFitsViewport, openCockpit, test } from './fixtures';

test.describe('cockpit shell', () => {
  test('the Economy screen shows KPI numbers from the mock feed, labelled as demo data', async ({ page }) => {
    await openCockpit(page, { screen: 'economy' });
    const kpis = page.getByRole('region', { name: '主要经济指标' });
    await expect(kpis).toHaveAttribute('data-state', 'ready');
    // Fixed figure (economy-helpers KPI): Q1–Q3 GDP of the province, 亿元, shown with a thousands separator.
    await expect(kpis.getByTestId('kpi-value-gdp')).toHaveAttribute('data-value', String(KPI['410000'].gdp));
    await expect(kpis.getByTestId('kpi-value-gdp')).toHaveText('43,825');
    await expect(kpis.locator('.kpi-card[data-indicator="gdp"]')).toContainText('亿元');
    await expect(kpis.locator('.kpi-card[data-indicator="unemployment"]')).toContainText('%');
    await expect(page.getByTestId('demo-badge')).toHaveText('演示数据');
    await expect(page.getByTestId('clock')).toContainText('2026/11/20');
  });

  test('wall mode keeps the same composition at 1920×1080, 3840×2160 and 1366×768: no scrollbars, nothing clipped', async ({ page }) => {
    test.setTimeout(240_000);
    const layouts: Array<Array<{ id: string; x: number; y: number; w: number; h: number }>> = [];
    for (const [w, h] of [
      [1920, 1080],
      [3840, 2160],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await openCockpit(page, { screen: 'economy', mode: 'wall' });
      await expect(page.getByRole('region', { name: '主要经济指标' })).toHaveAttribute('data-state', 'ready');
      await page.waitForTimeout(1500); // count-up animation settles
      await expectFitsViewport(page);
      const measure = () =>
        page.evaluate(() => {
          const a = document.querySelector('.artboard')?.getBoundingClientRect();
          if (!a) return [];
          return [...document.querySelectorAll<HTMLElement>('[data-panel], .title-bar')].map((el) => {
            const r = el.getBoundingClientRect();
            return {
              id: el.dataset.panel ?? 'title',
              x: (r.left - a.left) / a.width,
              y: (r.top - a.top) / a.height,
              w: r.width / a.width,
              h: r.height / a.height,
              clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
            };
          });
        });
      // Charts settle after a resize; a frame that still overflows after that is a real defect.
      await expect.poll(async () => (await measure()).filter((b) => b.clipped).map((b) => b.id), { timeout: 15_000 }).toEqual([]);
      const layout = await measure();
      expect(layout.length).toBeGreaterThan(5);
      for (const box of layout) {
        expect(box.x, box.id).toBeGreaterThanOrEqual(0);
        expect(box.y, box.id).toBeGreaterThanOrEqual(0);
        expect(box.x + box.w, box.id).toBeLessThanOrEqual(1.0001);
        expect(box.y + box.h, box.id).toBeLessThanOrEqual(1.0001);
        expect(box.clipped, `${box.id} overflows its frame at ${w}×${h}`).toBe(false);
      }
      layouts.push(layout.map(({ clipped: _c, ...b }) => b));
      await page.screenshot({ path: `test-results/screenshots/wall-economy-${w}x${h}.png` });
    }
    // The same design, scaled: every panel sits at the same place relative to the artboard.
    const [reference, ...others] = layouts;
    for (const other of others) {
      expect(other.map((b) => b.id)).toEqual(reference?.map((b) => b.id));
      other.forEach((b, i) => {
        const r = reference?.[i];
        expect(Math.abs(b.x - (r?.x ?? 0)), b.id).toBeLessThan(0.003);
        expect(Math.abs(b.y - (r?.y ?? 0)), b.id).toBeLessThan(0.003);
        expect(Math.abs(b.w - (r?.w ?? 0)), b.id).toBeLessThan(0.003);
        expect(Math.abs(b.h - (r?.h ?? 0)), b.id).toBeLessThan(0.003);
      });
    }
  });

  test('?lang=en shows English', async ({ page }) => {
    await openCockpit(page, { screen: 'economy', lang: 'en' });
    await expect(page.locator('h1')).toHaveText('Economic Monitoring');
    await expect(page.getByRole('region', { name: 'Headline indicators' })).toHaveAttribute('data-state', 'ready');
    const gdpCard = page.getByRole('region', { name: 'Headline indicators' }).locator('.kpi-card[data-indicator="gdp"]');
    await expect(gdpCard).toContainText('GDP');
    // Short unit on the card, the full unit for screen readers.
    await expect(gdpCard).toContainText('100M CNY');
    await expect(page.getByTestId('demo-badge')).toHaveText('Demo data');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const text = await page.locator('body').innerText();
    // No Chinese left in the shell's own strings (region names are translated too).
    expect(text).not.toMatch(/演示数据|经济运行|主要经济指标|同比|环比|河南省/);
  });

  test('screen and region round-trip through a reload, and Back goes up', async ({ page }) => {
    await openCockpit(page, { screen: 'economy', region: '410300' });
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('洛阳市');
    await expect(page.getByTestId('kpi-value-gdp')).toHaveAttribute('data-value', String(KPI['410300'].gdp));
    await page.reload();
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('洛阳市');
    expect(new URL(page.url()).searchParams.get('region')).toBe('410300');
    expect(new URL(page.url()).searchParams.get('screen')).toBe('economy');
    await page.locator('.breadcrumb').getByRole('button', { name: '河南省' }).click();
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('河南省');
    expect(new URL(page.url()).searchParams.get('region')).toBe('410000');
    await page.goBack();
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('洛阳市');
    await page.keyboard.press('Escape');
    await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('河南省');
  });
});

test.describe('invalid config', () => {
  async function withConfig(page: import('@playwright/test').Page, mutate: (c: Record<string, unknown>) => void) {
    const base = JSON.parse(readFileSync(new URL('../public/config.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    mutate(base);
    await page.route('**/config.json*', (route) => route.fulfill({ json: base }));
    // Without the mock worker, so the routed config reaches the page directly.
    await page.goto(`./?mocks=off&now=${encodeURIComponent(DEMO_NOW)}`);
    await expect(page.getByTestId('config-error')).toBeVisible();
    return page.getByTestId('config-error');
  }

  type Screen = { artboard: Record<string, unknown>; panels: Array<Record<string, unknown>> };

  test('a field of the wrong type is named with its path', async ({ page }) => {
    const screen = await withConfig(page, (c) => {
      (c.screens as Screen[])[0]!.artboard.width = 'wide';
    });
    await expect(screen).toContainText('screens[0].artboard.width');
    await expect(screen).toContainText('配置文件有误');
  });

  test('a missing dataset is named', async ({ page }) => {
    const screen = await withConfig(page, (c) => {
      (c.screens as Screen[])[0]!.panels[0]!.dataset = 'gdp-by-county';
    });
    await expect(screen).toContainText('screens[0].panels[0].dataset');
    await expect(screen).toContainText('missing dataset "gdp-by-county"');
  });

  test('an unknown panel type is named', async ({ page }) => {
    const screen = await withConfig(page, (c) => {
      (c.screens as Screen[])[0]!.panels[0]!.type = 'pie-3d';
    });
    await expect(screen).toContainText('screens[0].panels[0].type');
    await expect(screen).toContainText('unknown panel type "pie-3d"');
  });
});
