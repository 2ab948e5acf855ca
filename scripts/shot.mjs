// Ad-hoc screenshot helper: node scripts/shot.mjs <url> <out.png> [width] [height]
import { chromium } from '@playwright/test';
const [url, out, w = '1920', h = '1080'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
  ],
});
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}]`, m.text().slice(0, 300));
});
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
page.on('request', (r) => {
  const u = new URL(r.url());
  if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !u.protocol.startsWith('data') && !u.protocol.startsWith('blob')) console.log('[external]', r.url());
});
await page.goto(url);
await page.waitForTimeout(Number(process.env.WAIT ?? 3000));
await page.screenshot({ path: out });
await browser.close();
