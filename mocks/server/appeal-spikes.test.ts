// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';
import regionIndex from '../../public/regions/henan.index.json' with { type: 'json' };
import type { SeriesPoint } from '../../src/data/contracts/index';
import { spikeReport } from '../../src/panels/spike-model';
import { type RegionLike, RegionTable } from '../generators/regions.ts';
import { appealVolumes, latestAppeals, resetAppealScenario, setAppealScenario } from '../generators/sentiment.ts';

/**
 * The appeal feed and the spike alerts together: the volumes the feed serves
 * raise no alert on their own rhythm, the planted heating spike raises alerts
 * in Zhengzhou and Luoyang, and a burst injected into the feed raises one in
 * its city and category. Rules as on the sentiment screen (public/config.json defaults).
 */
const regions = new RegionTable(regionIndex as RegionLike[]);
const RULES = { threshold: 6, minExcess: 30, minRatio: 0.6, recentDays: 7 };
const T0 = Date.parse('2026-11-20T10:00:00+08:00');
const HOUR = 3_600_000;
const report = (seed: string, region: string, now = T0) => spikeReport(appealVolumes(regions, seed, now, region) as SeriesPoint[], RULES);

afterAll(() => {
  for (const seed of ['t-calm', 't-spike']) resetAppealScenario(seed);
});

describe('appeal spikes (feed × detection)', () => {
  it('raises nothing on the daily and weekly rhythm alone', () => {
    setAppealScenario('t-calm', { surges: false, planted: false });
    for (const now of [T0, Date.parse('2026-03-02T10:00:00+08:00'), Date.parse('2026-07-15T10:00:00+08:00')]) {
      for (const region of ['410000', '410100', '410300']) {
        const r = report('t-calm', region, now);
        expect(r.refused).toBe(0);
        expect(r.alerts, `${region} at ${new Date(now).toISOString()}`).toEqual([]);
      }
    }
  });

  it('raises the planted heating spike (水电气暖) in Zhengzhou and Luoyang on the demo seed', () => {
    const alerts = report('henan-demo', '410000').alerts.filter((a) => a.category === 'water');
    expect(alerts.map((a) => `${a.region} ${a.t}`).sort()).toEqual(['410100 2026-11-16', '410100 2026-11-17', '410300 2026-11-17']);
  });

  it('raises a burst injected into the feed, in its city and category, and the stream carries it', () => {
    const from = Date.parse('2026-11-19T09:00:00+08:00');
    setAppealScenario('t-spike', {
      surges: false,
      planted: false,
      bursts: [{ city: '410300', category: 'environment', topic: '某化工企业夜间偷排刺鼻异味', from, to: from + 6 * HOUR, perHour: 90 }],
    });
    const r = report('t-spike', '410000');
    expect(r.alerts.map((a) => [a.region, a.category, a.t])).toEqual([['410300', 'environment', '2026-11-19']]);
    // 6 h × 90 = 540 appeals on top of Luoyang's usual environment appeals that day.
    const [a] = r.alerts;
    expect((a?.observed ?? 0) - (a?.expected ?? 0)).toBeGreaterThan(400);
    const during = latestAppeals(regions, 't-spike', from + 3 * HOUR, 1000);
    expect(during.filter((x) => x.text.includes('偷排刺鼻异味')).length).toBeGreaterThan(5);
  });
});
