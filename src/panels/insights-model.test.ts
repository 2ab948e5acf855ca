import { describe, expect, it } from 'vitest';
import type { KpiRecord, RegionMetric } from '../data/contracts/index';
import type { Breach, ForecastBreach } from './alert-model';
import { buildInsights, type InsightInputs, phi } from './insights-model';

const NAMES: Record<string, [string, string]> = {
  '410000': ['河南', 'Henan'],
  '410100': ['郑州', 'Zhengzhou'],
  '410200': ['开封', 'Kaifeng'],
  '410300': ['洛阳', 'Luoyang'],
  '410400': ['平顶山', 'Pingdingshan'],
  '410500': ['安阳', 'Anyang'],
  '410600': ['鹤壁', 'Hebi'],
  '410700': ['新乡', 'Xinxiang'],
  '410800': ['焦作', 'Jiaozuo'],
  '411200': ['三门峡', 'Sanmenxia'],
};
const CITIES = Object.keys(NAMES).filter((c) => c !== '410000');

function inputs(over: Partial<InsightInputs> = {}): InsightInputs {
  const locale = over.locale ?? 'zh-CN';
  return {
    locale,
    region: '410000',
    regionLabel: (code) => NAMES[code]?.[locale === 'en' ? 1 : 0] ?? code,
    kpis: [kpi('retail', '社会消费品零售总额', 'Retail sales', '亿元', 4.8), kpi('unemployment', '城镇调查失业率', 'Unemployment', '%', 0.1)],
    metrics: [],
    breaches: [],
    warnings: [],
    series: {},
    paces: new Map(),
    links: { indicators: { retail: 'retail-trend' }, regions: 'gdp-ranking', alerts: 'alerts', kpis: 'kpis' },
    ...over,
  };
}

function kpi(id: string, name: string, nameEn: string, unit: string, yoy: number): KpiRecord {
  return { id, name, nameEn, region: '410000', period: '2026-10', value: 100, unit, yoy };
}

/** Retail YoY of the eight cities: a tight spread around 5 % (hand-picked), one planted at `planted`. */
function retail(planted: number | null): RegionMetric[] {
  const spread = [4.6, 5.1, 4.9, 5.3, 4.7, 5.0, 5.2, 4.8];
  return CITIES.map((code, i) => ({
    code,
    indicator: 'retail',
    value: 1000,
    unit: '亿元',
    yoy: code === '410300' && planted !== null ? planted : (spread[i] as number),
    period: '2026-10',
  }));
}

function breach(level: 1 | 2 | 3 | 4, code: string, actual: number): Breach {
  return {
    key: `u|${code}`,
    ruleId: 'u',
    level,
    code,
    indicator: 'unemployment',
    field: 'value',
    op: '>',
    threshold: 5.5,
    actual,
    unit: '%',
    period: '2026-10',
    note: undefined,
  };
}

describe('insights', () => {
  it('ranks a planted mover first, names the region and its YoY, and links the ranking panel', () => {
    const list = buildInsights(inputs({ metrics: retail(15) }));
    expect(list[0]?.kind).toBe('mover');
    expect(list[0]?.region).toBe('410300');
    expect(list[0]?.text).toContain('洛阳');
    expect(list[0]?.text).toContain('+15.0%');
    // 15 % against the province's 4.8 %: 10.2 pp above.
    expect(list[0]?.text).toContain('10.2');
    expect(list[0]?.panel).toBe('gdp-ranking');
  });

  it('reports no mover when no region stands out from its siblings', () => {
    expect(buildInsights(inputs({ metrics: retail(null) })).filter((f) => f.kind === 'mover')).toEqual([]);
  });

  it('puts a red breach above a blue one, keeps at most two of a kind and at most six in all', () => {
    const breaches = [breach(4, '410100', 5.6), breach(1, '410600', 6.4), breach(3, '410200', 5.7), breach(2, '410500', 5.9)];
    const list = buildInsights(inputs({ breaches, metrics: retail(15), maxItems: 6 }));
    const kinds = list.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'breach')).toHaveLength(2);
    expect(list[0]?.region).toBe('410600');
    expect(list[0]?.text).toContain('鹤壁');
    expect(list[0]?.text).toContain('6.4%');
    expect(list.length).toBeLessThanOrEqual(6);
  });

  it('says a forecast warning with its month and lead time, likelier when the interval clears the line', () => {
    const warn = (lo80: number, hi80: number): ForecastBreach => ({
      key: 'w',
      ruleId: 'u',
      level: 2,
      code: '411200',
      indicator: 'unemployment',
      op: '>',
      threshold: 5.5,
      at: '2027-01',
      leadMonths: 3,
      mean: 5.7,
      lo80,
      hi80,
      last: 5.4,
      lastT: '2026-10',
      unit: '%',
      horizon: 3,
      note: undefined,
    });
    const [tight] = buildInsights(inputs({ warnings: [warn(5.6, 5.8)] }));
    const [wide] = buildInsights(inputs({ warnings: [warn(5.0, 6.4)] }));
    expect(tight?.text).toContain('三门峡');
    expect(tight?.text).toContain('2027年1月');
    expect(tight?.text).toContain('提前 3 个月');
    expect(tight?.significance).toBeGreaterThan(0.99);
    // (5.7 − 5.5) / ((6.4 − 5.0) / 2.563) ≈ 0.37 sd → Φ ≈ 0.64
    expect(wide?.significance).toBeGreaterThan(0.6);
    expect(wide?.significance).toBeLessThan(0.68);
  });

  it('speaks English with the English names', () => {
    const [first] = buildInsights(inputs({ locale: 'en', metrics: retail(15) }));
    expect(first?.text).toContain('Luoyang');
    expect(first?.text).toContain('Retail sales');
    expect(first?.text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('is deterministic: the order of the inputs does not matter', () => {
    const breaches = [breach(2, '410100', 5.6), breach(2, '410200', 5.6), breach(2, '410500', 5.6)];
    const a = buildInsights(inputs({ breaches, metrics: retail(15) }));
    const b = buildInsights(inputs({ breaches: [...breaches].reverse(), metrics: [...retail(15)].reverse() }));
    expect(b.map((f) => f.id)).toEqual(a.map((f) => f.id));
  });

  it('uses the standard normal distribution', () => {
    expect(phi(0)).toBeCloseTo(0.5, 6);
    expect(phi(1.959964)).toBeCloseTo(0.975, 4);
    expect(phi(-1.644854)).toBeCloseTo(0.05, 4);
  });
});
