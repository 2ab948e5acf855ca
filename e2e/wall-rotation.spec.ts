import { expect, test } from './fixtures';
import { openWall, routeConfig, startFeeds, viewOf, wallConfig } from './wall-helpers';

/**
 * An unattended wall rotates through its playlist (a screen, a dwell, a
 * region per step). Someone walks up and moves the mouse: the rotation
 * pauses and says so; a minute after they leave it goes on. A reload (by
 * hand, or the scheduled one) keeps its place. In kiosk mode the wall shows
 * no controls it does not need and hides the cursor once it rests.
 */
const CONFIG = 'config.wall-rotation.json';
const T0 = Date.parse('2026-11-20T10:00:00+08:00');

let feeds: Awaited<ReturnType<typeof startFeeds>> | null = null;
test.afterEach(async () => {
  await feeds?.close();
  feeds = null;
});

test('the playlist rotates, pauses on interaction with a visible mark, resumes after idle and keeps its place across a reload; kiosk hides chrome and cursor', async ({
  page,
}) => {
  test.setTimeout(120_000);
  feeds = await startFeeds(() => T0);
  const config = wallConfig({
    feeds: feeds.url,
    withoutMaps: true,
    mutate: (c) => {
      c.rotation = {
        enabled: true,
        resumeAfterSec: 30,
        playlist: [
          { screen: 'economy', dwellSec: 20 },
          { screen: 'economy', region: '410300', filters: { indicator: 'retail' }, dwellSec: 20 },
          { screen: 'sentiment', dwellSec: 40 },
        ],
      };
      c.kiosk = { enabled: false, hideCursorAfterSec: 5 };
    },
  });
  await page.clock.install({ time: T0 });
  await routeConfig(page, CONFIG, config);
  await openWall(page, CONFIG, { screen: 'economy', kiosk: '1' });
  const h1 = page.locator('h1');
  const here = page.locator('.breadcrumb [aria-current="location"]');
  await expect(h1).toHaveText('经济运行监测');

  // Kiosk: the mode and language switches are gone; the screens and the drill path stay (they say where the rotation is).
  await expect(page.getByRole('button', { name: '分析' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'English' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: '屏幕' })).toBeVisible();
  // Nobody has moved the mouse yet: no cursor, no full-screen control.
  const cursor = () => page.evaluate(() => getComputedStyle(document.querySelector('[data-panel="kpis"]') as Element).cursor);
  expect(await cursor()).toBe('none');
  await expect(page.getByTestId('fullscreen')).toBeHidden();

  // Step 2 after 20 s: Luoyang, retail on the map filter.
  await page.clock.fastForward(20_500);
  await expect(here).toHaveText('洛阳市');
  expect(viewOf(page)).toEqual({ screen: 'economy', region: '410300', filters: 'f.indicator=retail' });

  // Someone moves the mouse: paused, the mark says so, and the cursor and the full-screen control show.
  await page.mouse.move(400, 400);
  await page.mouse.move(420, 430);
  const paused = page.getByTestId('rotation-paused');
  await expect(paused).toBeVisible();
  await expect(paused).toContainText('轮播已暂停');
  await expect(paused).toContainText('无操作 30 秒后继续');
  expect(await cursor()).not.toBe('none');
  // The in-screen full-screen control (walls without F11): it takes the page full screen and goes away.
  await page.getByTestId('fullscreen').click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
  await expect(page.getByTestId('fullscreen')).toBeHidden();
  await page.evaluate(() => document.exitFullscreen());
  // The display is kept awake (Screen Wake Lock).
  expect(await page.evaluate(() => document.body.dataset.wakeLock)).toBe('held');
  // The dwell passes: nothing moves while paused. (The page clock also runs in real time: the jumps leave
  // ≥ 10 s of slack for a slow machine between the last movement and each check.)
  await page.clock.fastForward(20_000);
  await expect(here).toHaveText('洛阳市');
  await expect(paused).toBeVisible();
  // The cursor went after 5 s at rest; so did the control.
  expect(await cursor()).toBe('none');
  await expect(page.getByTestId('fullscreen')).toBeHidden();
  // 30 s after the last movement: the rotation goes on with the next step.
  await page.clock.fastForward(11_000);
  await expect(h1).toHaveText('社情民意');
  await expect(paused).toBeHidden();
  expect(viewOf(page)).toEqual({ screen: 'sentiment', region: '410000', filters: '' });

  // 10 s into the 40 s sentiment step the page reloads: it stays on that step and finishes its dwell, then starts over.
  await page.clock.fastForward(10_000);
  // The saved position (step and when it started) is the same after the reload: it resumes, it does not restart.
  const position = () =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .map((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as { step?: number; stepStartedAt?: number } | null)
        .filter((v) => v && typeof v.stepStartedAt === 'number')
        .map((v) => [v?.step, v?.stepStartedAt]),
    );
  const before = await position();
  expect(before).toHaveLength(1);
  await page.reload();
  await expect(h1).toHaveText('社情民意');
  expect(await position()).toEqual(before);
  // 10 + 31 s > its 40 s dwell (a restarted step would need 40 s from the reload).
  await page.clock.fastForward(31_000);
  await expect(h1).toHaveText('经济运行监测');
  await expect(here).toHaveText('河南省');
});
