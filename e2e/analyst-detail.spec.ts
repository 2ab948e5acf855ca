import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { expect, openCockpit, test } from './fixtures';

/**
 * Analyst mode, detail view: a panel maximises by mouse, keyboard and URL,
 * shows its data table (units in headers) and provenance, exports CSV that
 * states what it is (BOM, header block, units, rows equal to the table,
 * filtered to the region in view), and Esc closes it.
 */
test.describe('analyst detail view', () => {
  test.describe.configure({ timeout: 180_000 });

  test('opens by button, keyboard and URL; Esc closes; the URL follows', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openCockpit(page, { screen: 'economy', mode: 'analyst' });
    const ranking = page.locator('[data-panel="gdp-ranking"]').first();
    await expect(ranking).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });

    // Mouse.
    await ranking.getByTestId('panel-open').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(/[?&]panel=gdp-ranking/);
    await expect(dialog.getByRole('heading', { level: 2 }).first()).toHaveText('分地区排名');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page).not.toHaveURL(/[?&]panel=/);

    // Keyboard: the panel is a tab stop; F opens it.
    const trend = page.locator('[data-panel="retail-trend"]').first();
    await trend.focus();
    await page.keyboard.press('f');
    await expect(page.getByRole('dialog')).toHaveAttribute('data-detail', 'retail-trend');
    await page.keyboard.press('Escape');

    // URL.
    await openCockpit(page, { screen: 'economy', mode: 'analyst', panel: 'projects' });
    await expect(page.getByRole('dialog')).toHaveAttribute('data-detail', 'projects');
  });

  test('data table with units and provenance; CSV export of the region in view equals the table', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    // Drilled into 洛阳市: the ranking lists Luoyang's counties.
    await openCockpit(page, { screen: 'economy', mode: 'analyst', region: '410300', panel: 'gdp-ranking' });
    const dialog = page.getByRole('dialog');
    const table = dialog.getByTestId('data-table');
    await expect(table.locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['排名', '地区', '数值（亿元）']);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    // Luoyang has 14 county-level units in the region pack (independent of the feed).
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    // Provenance: source and freshness are stated.
    await expect(dialog.locator('[data-freshness]').first()).toHaveText(/最新|数据未更新/);
    await expect(dialog.locator('dd[data-dataset="economy-region-metrics"]')).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^经济运行监测-分地区排名-洛阳市-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    // UTF-8 BOM, so Excel opens the Chinese text.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('标题,经济运行监测 · 分地区排名 (演示数据)');
    expect(lines[1]).toMatch(/^数据来源,.+/);
    expect(lines[2]).toMatch(/^数据截至,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(lines[3]).toBe('地区,洛阳市（410300）');
    expect(lines[4]).toMatch(/^时间范围,\d{4}-\d{2} – \d{4}-\d{2}$/);
    expect(lines[8]).toBe('排名,地区,地区代码,数值（亿元）');
    const body = lines
      .slice(9)
      .filter(Boolean)
      .map((l) => l.split(','));
    expect(body).toHaveLength(rows.length);
    for (const [i, cells] of body.entries()) {
      expect(cells[0]).toBe(rows[i]?.[0]);
      expect(cells[1]).toBe(rows[i]?.[1]);
      // Every row is a county of Luoyang (4103xx), none from elsewhere.
      expect(cells[2]).toMatch(/^4103\d\d$/);
      // The table shows the value rounded and localised; the file holds the number.
      const shown = Number((rows[i]?.[2] ?? '').replaceAll(',', ''));
      expect(Math.abs(Number(cells[3]) - shown)).toBeLessThan(1);
    }

    // The same table as a workbook: parsed back, equal to what the page shows; numbers stay numbers.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readSheet(readFileSync(await xlsx.path()));
    expect(sheet[0]?.slice(0, 2)).toEqual(['标题', '经济运行监测 · 分地区排名 (演示数据)']);
    expect(sheet[8]?.slice(0, 4)).toEqual(['排名', '地区', '地区代码', '数值（亿元）']);
    const sheetRows = sheet.slice(9).filter((r) => r.some((c) => c !== null));
    expect(sheetRows).toHaveLength(rows.length);
    for (const [i, r] of sheetRows.entries()) {
      expect(String(r[0])).toBe(rows[i]?.[0]);
      expect(r[1]).toBe(rows[i]?.[1]);
      expect(typeof r[3]).toBe('number');
      expect(Math.abs(Number(r[3]) - Number(body[i]?.[3]))).toBeLessThan(1e-9);
    }
  });

  test('PNG of a chart at 2× with its caption drawn in', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openCockpit(page, { screen: 'economy', mode: 'analyst', panel: 'retail-trend' });
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('.chart[data-chart-rendered="true"]')).toBeVisible({ timeout: 60_000 });
    const shown = await dialog.locator('.chart').boundingBox();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-png').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync(await download.path());
    // A PNG: signature, then the IHDR size, at twice the chart's size plus its caption margins.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(Math.round((shown?.width ?? 0) * 2));
    expect(height).toBeGreaterThan(Math.round((shown?.height ?? 0) * 2));
    // Varied pixels: decode it in the page and count distinct colours.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
      return seen.size;
    }, bytes.toString('base64'));
    expect(colours).toBeGreaterThan(50);
  });
});
