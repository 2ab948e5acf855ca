import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../data/contracts/index';
import { spikeReport } from './spike-model';

const RULES = { threshold: 6, minExcess: 30, minRatio: 0.6, recentDays: 7 };

/** 28 days from 2026-10-23 with a weekly rhythm (Sundays and Saturdays low) and small fixed wiggles. */
function days(region: string, series: string, base: number, bump: Record<string, number> = {}): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  const start = Date.UTC(2026, 9, 23);
  const weekday = [0.7, 1.15, 1.05, 1.0, 1.0, 0.95, 0.72];
  const wiggle = [0.03, -0.02, 0.01, -0.03, 0.02, 0, -0.01];
  for (let i = 0; i < 28; i++) {
    const d = new Date(start + i * 86_400_000);
    const t = d.toISOString().slice(0, 10);
    const value = Math.round(base * (weekday[d.getUTCDay()] as number) * (1 + (wiggle[i % 7] as number) + ((i * 7) % 5) / 100)) + (bump[t] ?? 0);
    out.push({ series, name: series === 'water' ? '水电气暖' : '城乡建设', region, t, value, unit: '件' });
  }
  return out;
}

describe('spike alerts on daily appeal volumes', () => {
  it('raises nothing on the normal weekly rhythm', () => {
    const report = spikeReport([...days('410100', 'water', 500), ...days('410300', 'urban', 300)], RULES);
    expect(report.checked).toBe(2);
    expect(report.refused).toBe(0);
    expect(report.alerts).toEqual([]);
  });

  it('raises a recent spike with its category, region, day and band', () => {
    // 16 November is a Monday: expected ≈ 500 × 1.15; +1,000 appeals on top.
    const report = spikeReport([...days('410100', 'water', 500, { '2026-11-16': 1000 }), ...days('410300', 'urban', 300)], RULES);
    expect(report.alerts).toHaveLength(1);
    const [a] = report.alerts;
    expect(a).toMatchObject({ category: 'water', name: '水电气暖', region: '410100', t: '2026-11-16' });
    expect(a?.observed).toBeGreaterThan(1500);
    expect(a?.expected).toBeGreaterThan(500);
    expect(a?.expected).toBeLessThan(700);
    expect(a?.hi).toBeLessThan(a?.observed ?? 0);
    expect(report.series.get('410100|water')?.flagged).toEqual(['2026-11-16']);
  });

  it('ignores an old spike (before the last 7 days) and a small one', () => {
    const old = spikeReport(days('410100', 'water', 500, { '2026-10-30': 1000 }), RULES);
    expect(old.alerts).toEqual([]);
    // +25 appeals on a series of ~60 a day: beyond the noise here, but under the 30-appeal floor.
    const small = spikeReport(days('410100', 'water', 60, { '2026-11-16': 25 }), RULES);
    expect(small.alerts).toEqual([]);
  });

  it('says why a series too short to judge is left out', () => {
    const report = spikeReport(days('410100', 'water', 500).slice(-10), RULES);
    expect(report.refused).toBe(1);
    expect(report.alerts).toEqual([]);
  });
});
