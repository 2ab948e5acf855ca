import { expect, expectFitsViewport, openCockpit, test } from './fixtures';

test.describe('emergency and public-sentiment screens', () => {
  test('应急指挥: live incidents arrive over SSE, every panel has data, four-colour levels', async ({ page }) => {
    test.setTimeout(180_000);
    await openCockpit(page, { screen: 'emergency' });
    await expect(page.locator('h1')).toHaveText('应急指挥');
    const panels = page.locator('[data-panel]');
    await expect(panels).toHaveCount(10);
    for (const id of ['kpis', 'incidents', 'by-type', 'warnings', 'trend', 'by-region', 'incident-map', 'response', 'sensors', 'hourly']) {
      await expect(page.locator(`[data-panel="${id}"]`), id).toHaveAttribute('data-state', 'ready', { timeout: 150_000 });
    }
    const incidents = page.getByRole('region', { name: '实时突发事件' });
    await expect(incidents.getByRole('listitem').first()).toBeVisible();
    const levels = await incidents.locator('[data-severity]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
    expect(levels.length).toBeGreaterThan(3);
    for (const l of levels) expect(['1', '2', '3', '4']).toContain(l);
    await expectFitsViewport(page);
    await page.screenshot({ path: 'test-results/screenshots/wall-emergency-1920x1080.png' });
  });

  test('社情民意: the 12345 ticker streams appeals as plain text, masked, and nothing from them runs', async ({ page }) => {
    test.setTimeout(180_000);
    await openCockpit(page, { screen: 'sentiment' });
    await expect(page.locator('h1')).toHaveText('社情民意');
    for (const id of ['kpis', 'appeals', 'categories', 'topics', 'hourly', 'polarity', 'departments', 'appeal-map', 'spikes']) {
      await expect(page.locator(`[data-panel="${id}"]`), id).toHaveAttribute('data-state', 'ready', { timeout: 150_000 });
    }
    const ticker = page.getByRole('region', { name: '最新群众诉求' });
    await expect(ticker.getByRole('listitem').first()).toBeVisible();
    const text = await ticker.innerText();
    expect(text).toMatch(/\*\*\*\*/); // phone numbers are masked
    expect(text).not.toMatch(/1[3-9]\d{9}/); // never a full mobile number
    expect(await ticker.locator('img, script, iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expectFitsViewport(page);
    await page.screenshot({ path: 'test-results/screenshots/wall-sentiment-1920x1080.png' });
  });
});
