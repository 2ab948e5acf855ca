import { expect, test } from './fixtures';
import { type IncidentStream, incident, openWall, routeConfig, startFeeds, startIncidentStream, viewOf, wallConfig } from './wall-helpers';

/**
 * A wall rotates between Economy and Public sentiment. A level-I (red)
 * incident arrives on the incident stream: the wall goes to the Emergency
 * screen and the incident's county, spotlights the incident in the list and
 * holds there; a second red incident waits its turn. A key acknowledges the
 * first (the second comes up), a click the second, and the rotation goes on.
 *
 * Datasets come from the local feed server, the incidents from a stream this
 * test writes to; the page's clock is Playwright's. Map panels are left out:
 * this is about the wall, not the map (they load in wall-shapes.spec.ts).
 */
const CONFIG = 'config.wall-takeover.json';
const T0 = Date.parse('2026-11-20T10:00:00+08:00');

let stream: IncidentStream | null = null;
let feeds: Awaited<ReturnType<typeof startFeeds>> | null = null;
test.afterEach(async () => {
  await stream?.close();
  await feeds?.close();
  stream = feeds = null;
});

test('a red incident takes the wall over until acknowledged; the next one waits; rotation resumes', async ({ page }) => {
  test.setTimeout(120_000);
  feeds = await startFeeds(() => T0);
  // History: a red incident of two hours ago and a yellow one. Neither takes the wall.
  stream = await startIncidentStream([
    incident('old-red', 1, T0 - 2 * 3600_000, '栾川县老君山景区林火'),
    incident('yellow', 3, T0 - 60_000, '西峡县一般交通事故'),
  ]);
  const config = wallConfig({
    feeds: feeds.url,
    urls: { 'emergency-incidents': stream.url },
    withoutMaps: true,
    mutate: (c) => {
      c.rotation = {
        enabled: true,
        resumeAfterSec: 60,
        playlist: [
          { screen: 'economy', dwellSec: 30 },
          { screen: 'sentiment', dwellSec: 30 },
        ],
      };
      c.takeover = { ...(c.takeover as object), enabled: true, ackTimeoutSec: 600, sound: true };
    },
  });
  await page.clock.install({ time: T0 });
  await routeConfig(page, CONFIG, config);
  await openWall(page, CONFIG, { screen: 'economy' });
  await expect.poll(() => stream?.clients() ?? 0).toBe(1);
  await expect(page.locator('[data-panel="kpis"]')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('takeover')).toHaveCount(0);
  expect(viewOf(page).screen).toBe('economy');

  const now = await page.evaluate(() => Date.now());
  // Sound is on in this config: the bundled chime is fetched when the takeover starts.
  const chime = page.waitForRequest(/\/sounds\/takeover\.wav$/);
  stream.push(incident('red-1', 1, now, '栾川县某化工厂爆炸'));
  // The wall goes to the incident: Emergency, 栾川县, the takeover banner and the row spotlighted in the list.
  await expect(page.locator('h1')).toHaveText('应急指挥');
  await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('栾川县');
  expect(viewOf(page)).toMatchObject({ screen: 'emergency', region: '410324' });
  const banner = page.getByTestId('takeover');
  await expect(banner).toContainText('栾川县某化工厂爆炸');
  await expect(banner).toContainText('Ⅰ级');
  await expect(banner).toContainText('按任意键或点击屏幕确认');
  const list = page.locator('[data-panel="incidents"]');
  await expect(list).toHaveAttribute('data-takeover', 'true');
  const spot = list.locator('[data-spotlight="true"]');
  await expect(spot).toHaveCount(1);
  await expect(spot).toContainText('栾川县某化工厂爆炸');
  await expect(spot).toBeInViewport();
  // (Media requests ask for byte ranges: 206 Partial Content is the file being served.)
  expect([200, 206]).toContain((await (await chime).response())?.status());
  await page.screenshot({ path: 'test-results/screenshots/wall-takeover.png' });

  // A second red incident: it waits, and the banner says so.
  stream.push(incident('red-2', 1, now + 5000, '郑州市金水区高层住宅火灾', '410105'));
  await expect(page.getByTestId('takeover-queued')).toHaveText('另有 1 条待确认');
  await expect(banner).toContainText('栾川县某化工厂爆炸');
  // Held: the rotation's dwell passes and nothing moves.
  await page.clock.fastForward(45_000);
  await expect(banner).toContainText('栾川县某化工厂爆炸');
  expect(viewOf(page).screen).toBe('emergency');

  // A key acknowledges the first: the second takes the wall (its own district), nothing is queued.
  await page.keyboard.press('Enter');
  await expect(banner).toContainText('郑州市金水区高层住宅火灾');
  await expect(page.locator('.breadcrumb [aria-current="location"]')).toHaveText('金水区');
  await expect(page.getByTestId('takeover-queued')).toHaveCount(0);
  await expect(list.locator('[data-spotlight="true"]')).toContainText('郑州市金水区高层住宅火灾');
  // Acknowledging is not "someone is at the wall": no pause.
  await expect(page.getByTestId('rotation-paused')).toHaveCount(0);

  // A click acknowledges the second: back to the rotation where it was (Economy, the province), spotlight gone.
  await page.mouse.click(960, 540);
  await expect(banner).toHaveCount(0);
  await expect(page.locator('h1')).toHaveText('经济运行监测');
  expect(viewOf(page)).toMatchObject({ screen: 'economy', region: '410000' });
  await expect(page.locator('[data-spotlight], [data-takeover]')).toHaveCount(0);
  // And it rotates on: after Economy's dwell, Public sentiment.
  await page.clock.fastForward(31_000);
  await expect(page.locator('h1')).toHaveText('社情民意');

  // The same incidents replayed (a reconnect, a reload) do not take the wall again.
  stream.push(incident('red-1', 1, now, '栾川县某化工厂爆炸'));
  await page.clock.fastForward(1000);
  await expect(banner).toHaveCount(0);
});
