import { createRng, gaussian } from '../../src/lib/random.ts';
import type { RegionTable } from './regions.ts';

/**
 * Seeded economic indicators with province-scale magnitudes, seasonality
 * (Spring Festival dip in Jan–Feb, year-end peaks in fiscal and investment
 * series) published as cumulative-to-date with YoY growth, as statistical
 * bureaus do. Everything is a pure function of (seed, region, month).
 */
export interface IndicatorDef {
  id: string;
  name: string;
  nameEn: string;
  unit: string;
  /** Annual province total in `unit` (for flows), or the level (for stocks/rates). */
  annual: number;
  kind: 'flow' | 'stock' | 'rate' | 'growth';
  /** Typical YoY growth, %. */
  growth: number;
  /** Monthly weights Jan…Dec for flows (seasonality). */
  season?: readonly number[];
  /** Annual target as a multiple of last year (flows) for progress bars. */
  targetGrowth?: number;
  source: string;
  /** Does the value scale with the region's share? Rates do not. */
  scales: boolean;
  /** Published only quarterly (GDP). */
  quarterly?: boolean;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;
const SPRING_DIP = [0.8, 0.72, 1.0, 0.98, 1.0, 1.06, 0.98, 0.98, 1.02, 1.06, 1.08, 1.32] as const;
const FISCAL = [1.35, 0.75, 0.95, 1.15, 0.95, 0.9, 0.95, 0.8, 0.85, 1.05, 0.8, 1.5] as const;
const INVEST = [0.55, 0.55, 0.95, 0.98, 1.02, 1.18, 1.0, 1.0, 1.1, 1.05, 1.12, 1.5] as const;
const POWER = [1.05, 0.9, 0.95, 0.9, 0.95, 1.08, 1.22, 1.25, 1.0, 0.9, 0.95, 1.05] as const;

export const INDICATORS: readonly IndicatorDef[] = [
  { id: 'gdp', name: '地区生产总值', nameEn: 'GDP', unit: '亿元', annual: 61500, kind: 'flow', growth: 4.9, season: SPRING_DIP, targetGrowth: 1.05, source: '省统计局', scales: true, quarterly: true },
  { id: 'industry', name: '规上工业增加值增速', nameEn: 'Industrial value added growth', unit: '%', annual: 6.4, kind: 'growth', growth: 0, source: '省统计局', scales: false },
  { id: 'fai', name: '固定资产投资增速', nameEn: 'Fixed-asset investment growth', unit: '%', annual: 5.8, kind: 'growth', growth: 0, season: INVEST, source: '省统计局', scales: false },
  { id: 'retail', name: '社会消费品零售总额', nameEn: 'Retail sales of consumer goods', unit: '亿元', annual: 27200, kind: 'flow', growth: 5.6, season: SPRING_DIP, targetGrowth: 1.06, source: '省统计局', scales: true },
  { id: 'unemployment', name: '城镇调查失业率', nameEn: 'Surveyed urban unemployment', unit: '%', annual: 5.2, kind: 'rate', growth: 0, source: '省人社厅', scales: false },
  { id: 'budget', name: '一般公共预算收入', nameEn: 'General budget revenue', unit: '亿元', annual: 4620, kind: 'flow', growth: 3.8, season: FISCAL, targetGrowth: 1.04, source: '省财政厅', scales: true },
  { id: 'tax', name: '税收收入', nameEn: 'Tax revenue', unit: '亿元', annual: 2980, kind: 'flow', growth: 2.9, season: FISCAL, targetGrowth: 1.03, source: '省税务局', scales: true },
  { id: 'loans', name: '本外币贷款余额', nameEn: 'Loan balance', unit: '亿元', annual: 94800, kind: 'stock', growth: 7.6, source: '人民银行省分行', scales: true },
  { id: 'deposits', name: '本外币存款余额', nameEn: 'Deposit balance', unit: '亿元', annual: 118600, kind: 'stock', growth: 8.4, source: '人民银行省分行', scales: true },
  { id: 'electricity', name: '全社会用电量', nameEn: 'Electricity consumption', unit: '亿千瓦时', annual: 4310, kind: 'flow', growth: 6.1, season: POWER, targetGrowth: 1.05, source: '省电力公司', scales: true },
  { id: 'freight', name: '货运量', nameEn: 'Freight volume', unit: '万吨', annual: 268000, kind: 'flow', growth: 4.2, season: SPRING_DIP, targetGrowth: 1.04, source: '省交通运输厅', scales: true },
];

export const INDICATOR_BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

function monthIndex(month: string): { y: number; m: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { y, m };
}

export function addMonths(month: string, delta: number): string {
  const { y, m } = monthIndex(month);
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Region-specific multiplier around 1 for growth and noise, stable per (seed, region). */
function regionTilt(seed: string, code: string): number {
  const rng = createRng(`${seed}|tilt|${code}`);
  return 1 + gaussian(rng) * 0.25;
}

/** Monthly flow of one indicator for a region (not cumulative). */
export function monthlyFlow(def: IndicatorDef, regions: RegionTable, code: string, month: string, seed: string): number {
  const { y, m } = monthIndex(month);
  const season = def.season ?? FLAT;
  const seasonSum = season.reduce((a, b) => a + b, 0);
  const share = def.scales ? regions.share(code) : 1;
  const tilt = regionTilt(seed, code);
  const years = y - 2026 + (m - 1) / 12;
  const growth = (def.growth * tilt) / 100;
  const level = def.annual * share * (1 + growth) ** years;
  const noise = 1 + gaussian(createRng(`${seed}|${def.id}|${code}|${month}`)) * 0.025;
  return (level * ((season[m - 1] ?? 1) / seasonSum)) * noise;
}

function cumulative(def: IndicatorDef, regions: RegionTable, code: string, month: string, seed: string): number {
  const { y, m } = monthIndex(month);
  let sum = 0;
  for (let i = 1; i <= m; i++) sum += monthlyFlow(def, regions, code, `${y}-${String(i).padStart(2, '0')}`, seed);
  return sum;
}

/** The value a bureau would publish for `month` (cumulative for flows, level for stocks and rates). */
export function publishedValue(def: IndicatorDef, regions: RegionTable, code: string, month: string, seed: string): number {
  if (def.kind === 'flow') {
    // Quarterly indicators are published for the last complete quarter.
    const { y, m } = monthIndex(month);
    const effective = def.quarterly ? `${y}-${String(Math.max(3, m - (m % 3))).padStart(2, '0')}` : month;
    if (def.quarterly && m < 3) return cumulative(def, regions, code, `${y - 1}-12`, seed);
    return cumulative(def, regions, code, effective, seed);
  }
  const { y, m } = monthIndex(month);
  const rng = createRng(`${seed}|${def.id}|${code}|${month}`);
  const tilt = regionTilt(seed, code);
  if (def.kind === 'stock') {
    const years = y - 2026 + (m - 1) / 12;
    return def.annual * regions.share(code) * (1 + (def.growth * tilt) / 100) ** years * (1 + gaussian(rng) * 0.004);
  }
  if (def.kind === 'rate') {
    // Unemployment peaks after Spring Festival and at graduation (Jul).
    const seasonal = m <= 2 ? 0.25 : m === 7 ? 0.3 : 0;
    return round(def.annual + (tilt - 1) * 0.8 + seasonal + gaussian(rng) * 0.08, 1);
  }
  // growth indicators: a rate that drifts month to month, lower in Jan–Feb.
  const drift = Math.sin((y * 12 + m) / 4) * 0.9;
  return round(def.annual * tilt + drift + (m <= 2 ? -1.2 : 0) + gaussian(rng) * 0.4, 1);
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function periodLabel(def: IndicatorDef, month: string): string {
  if (!def.quarterly) return month;
  const { y, m } = monthIndex(month);
  if (m < 3) return `${y - 1}-12`;
  return `${y}-${String(m - (m % 3)).padStart(2, '0')}`;
}

export interface KpiOut {
  id: string;
  name: string;
  nameEn: string;
  region: string;
  period: string;
  value: number;
  unit: string;
  yoy: number | null;
  mom: number | null;
  target: number | null;
  spark: number[];
  source: string;
}

/** Headline KPI records for a region as of `month` (the last published month). */
export function kpiRecords(regions: RegionTable, code: string, month: string, seed: string): KpiOut[] {
  return INDICATORS.map((def) => {
    const period = periodLabel(def, month);
    const value = publishedValue(def, regions, code, period, seed);
    const prior = publishedValue(def, regions, code, addMonths(period, -12), seed);
    const prev = publishedValue(def, regions, code, addMonths(period, def.quarterly ? -3 : -1), seed);
    const isLevel = def.kind === 'rate' || def.kind === 'growth';
    const yoy = isLevel ? round(value - prior, 1) : round((value / prior - 1) * 100, 1);
    // MoM of a cumulative flow compares the latest single month with the one before.
    let mom: number | null;
    if (def.kind === 'flow' && !def.quarterly) {
      const cur = monthlyFlow(def, regions, code, period, seed);
      const before = monthlyFlow(def, regions, code, addMonths(period, -1), seed);
      mom = round((cur / before - 1) * 100, 1);
    } else if (def.kind === 'stock') mom = round((value / prev - 1) * 100, 1);
    else if (isLevel) mom = round(value - prev, 1);
    else mom = null;
    const spark: number[] = [];
    for (let i = 11; i >= 0; i--) {
      const p = addMonths(period, -i * (def.quarterly ? 3 : 1));
      spark.push(def.kind === 'flow' ? round(monthlyFlow(def, regions, code, p, seed), 2) : round(publishedValue(def, regions, code, p, seed), 2));
    }
    let target: number | null = null;
    if (def.kind === 'flow' && def.targetGrowth) {
      const { y } = monthIndex(period);
      const lastYear = publishedValue(def, regions, code, `${y - 1}-12`, seed);
      target = round(lastYear * def.targetGrowth, 1);
    }
    return {
      id: def.id,
      name: def.name,
      nameEn: def.nameEn,
      region: code,
      period,
      value: round(value, value >= 1000 ? 0 : 1),
      unit: def.unit,
      yoy,
      mom,
      target,
      spark,
      source: def.source,
    };
  });
}
