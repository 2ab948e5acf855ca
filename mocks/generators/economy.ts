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
  /** Annual target level for rates and growth indicators (a ceiling for unemployment), %. */
  targetLevel?: number;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const;
const SPRING_DIP = [0.8, 0.72, 1.0, 0.98, 1.0, 1.06, 0.98, 0.98, 1.02, 1.06, 1.08, 1.32] as const;
const FISCAL = [1.35, 0.75, 0.95, 1.15, 0.95, 0.9, 0.95, 0.8, 0.85, 1.05, 0.8, 1.5] as const;
const INVEST = [0.55, 0.55, 0.95, 0.98, 1.02, 1.18, 1.0, 1.0, 1.1, 1.05, 1.12, 1.5] as const;
const POWER = [1.05, 0.9, 0.95, 0.9, 0.95, 1.08, 1.22, 1.25, 1.0, 0.9, 0.95, 1.05] as const;

export const INDICATORS: readonly IndicatorDef[] = [
  {
    id: 'gdp',
    name: '地区生产总值',
    nameEn: 'GDP',
    unit: '亿元',
    annual: 61500,
    kind: 'flow',
    growth: 4.9,
    season: SPRING_DIP,
    targetGrowth: 1.05,
    source: '省统计局',
    scales: true,
    quarterly: true,
  },
  {
    id: 'industry',
    name: '规上工业增加值增速',
    nameEn: 'Industry VA growth',
    unit: '%',
    annual: 6.4,
    kind: 'growth',
    growth: 0,
    source: '省统计局',
    scales: false,
    targetLevel: 6,
  },
  {
    id: 'fai',
    name: '固定资产投资增速',
    nameEn: 'FAI growth',
    unit: '%',
    annual: 5.8,
    kind: 'growth',
    growth: 0,
    season: INVEST,
    source: '省统计局',
    scales: false,
    targetLevel: 5.5,
  },
  {
    id: 'retail',
    name: '社会消费品零售总额',
    nameEn: 'Retail sales',
    unit: '亿元',
    annual: 27200,
    kind: 'flow',
    growth: 5.6,
    season: SPRING_DIP,
    targetGrowth: 1.06,
    source: '省统计局',
    scales: true,
  },
  {
    id: 'unemployment',
    name: '城镇调查失业率',
    nameEn: 'Unemployment',
    unit: '%',
    annual: 5.2,
    kind: 'rate',
    growth: 0,
    source: '省人社厅',
    scales: false,
    targetLevel: 5.5,
  },
  {
    id: 'budget',
    name: '一般公共预算收入',
    nameEn: 'Budget revenue',
    unit: '亿元',
    annual: 4620,
    kind: 'flow',
    growth: 3.8,
    season: FISCAL,
    targetGrowth: 1.04,
    source: '省财政厅',
    scales: true,
  },
  {
    id: 'tax',
    name: '税收收入',
    nameEn: 'Tax revenue',
    unit: '亿元',
    annual: 2980,
    kind: 'flow',
    growth: 2.9,
    season: FISCAL,
    targetGrowth: 1.03,
    source: '省税务局',
    scales: true,
  },
  {
    id: 'loans',
    name: '本外币贷款余额',
    nameEn: 'Loan balance',
    unit: '亿元',
    annual: 94800,
    kind: 'stock',
    growth: 7.6,
    source: '人民银行省分行',
    scales: true,
  },
  {
    id: 'deposits',
    name: '本外币存款余额',
    nameEn: 'Deposit balance',
    unit: '亿元',
    annual: 118600,
    kind: 'stock',
    growth: 8.4,
    source: '人民银行省分行',
    scales: true,
  },
  {
    id: 'electricity',
    name: '全社会用电量',
    nameEn: 'Power use',
    unit: '亿千瓦时',
    annual: 4310,
    kind: 'flow',
    growth: 6.1,
    season: POWER,
    targetGrowth: 1.05,
    source: '省电力公司',
    scales: true,
  },
  {
    id: 'freight',
    name: '货运量',
    nameEn: 'Freight',
    unit: '万吨',
    annual: 268000,
    kind: 'flow',
    growth: 4.2,
    season: SPRING_DIP,
    targetGrowth: 1.04,
    source: '省交通运输厅',
    scales: true,
  },
];

export const INDICATOR_BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

function monthIndex(month: string): { y: number; m: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { y, m };
}

/** Whole months from `from` to `to` (0 when equal). */
function monthsFrom(from: string, to: string): number {
  const a = monthIndex(from);
  const b = monthIndex(to);
  return (b.y - a.y) * 12 + (b.m - a.m);
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

/**
 * Planted truths (issue #10): findings the demo should show and analysis tests can check against.
 * For comments and documentation only — e2e oracles are hand-checked values, not read from here.
 * - retailPolicy: 洛阳 consumption vouchers (消费券) lift monthly retail sales by `step` from
 *   `from` on, in the city and each of its counties. The city's whole retail series is scaled so
 *   that its cumulative Jan–`calibrate` figure stays what it was before the step was planted
 *   (published figures other screens pin by hand do not move; only the split before/after does).
 * - unemploymentRise: 三门峡's surveyed unemployment (the province's lowest, ≈ 4.8 %; the city's
 *   own figure, not its counties') climbs
 *   `perMonth` points a month from `from` on: below the 5.5 % red line in every published month
 *   up to `latest` (5.4 % in 2026-10), forecast to cross it within three months (trend + the
 *   January bump after Spring Festival).
 */
export const PLANTED = {
  retailPolicy: { region: '410300', indicator: 'retail', from: '2026-05', step: 0.05, calibrate: '2026-10' },
  unemploymentRise: { region: '411200', indicator: 'unemployment', from: '2025-11', perMonth: 0.05, redLine: 5.5, latest: '2026-10' },
} as const;

const calibration = new Map<string, number>();

/** Scale of a planted-policy region's retail series that keeps its Jan–calibrate cumulative figure. */
function policyScale(def: IndicatorDef, regions: RegionTable, code: string, seed: string): number {
  const key = `${seed}|${code}`;
  const hit = calibration.get(key);
  if (hit !== undefined) return hit;
  const { from, step, calibrate } = PLANTED.retailPolicy;
  let before = 0;
  let lifted = 0;
  for (let m = `${calibrate.slice(0, 4)}-01`; m <= calibrate; m = addMonths(m, 1)) {
    const v = baseMonthlyFlow(def, regions, code, m, seed);
    before += v;
    lifted += m >= from ? v * (1 + step) : v;
  }
  const k = lifted > 0 ? before / lifted : 1;
  calibration.set(key, k);
  return k;
}

/** Monthly flow of one indicator for a region (not cumulative), planted findings included. */
export function monthlyFlow(def: IndicatorDef, regions: RegionTable, code: string, month: string, seed: string): number {
  const base = baseMonthlyFlow(def, regions, code, month, seed);
  const policy = PLANTED.retailPolicy;
  if (def.id === policy.indicator && regions.isWithin(code, policy.region)) {
    return base * policyScale(def, regions, code, seed) * (month >= policy.from ? 1 + policy.step : 1);
  }
  return base;
}

function baseMonthlyFlow(def: IndicatorDef, regions: RegionTable, code: string, month: string, seed: string): number {
  const { y, m } = monthIndex(month);
  const season = def.season ?? FLAT;
  const seasonSum = season.reduce((a, b) => a + b, 0);
  const share = def.scales ? regions.share(code) : 1;
  const tilt = regionTilt(seed, code);
  const years = y - 2026 + (m - 1) / 12;
  const growth = (def.growth * tilt) / 100;
  const level = def.annual * share * (1 + growth) ** years;
  const noise = 1 + gaussian(createRng(`${seed}|${def.id}|${code}|${month}`)) * 0.025;
  return level * ((season[m - 1] ?? 1) / seasonSum) * noise;
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
    const rise = PLANTED.unemploymentRise;
    // the city's own figure only: its counties are generated independently (they already sit 0.4–0.8
    // points above the city) and would cross the 6 % county alert line
    const planted = def.id === rise.indicator && code === rise.region;
    const climb = planted && month >= rise.from ? rise.perMonth * (monthsFrom(rise.from, month) + 1) : 0;
    return round(def.annual + (tilt - 1) * 0.8 + seasonal + climb + gaussian(rng) * 0.08, 1);
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

interface Snapshot {
  period: string;
  value: number;
  yoy: number | null;
  mom: number | null;
  target: number | null;
}

/** Published value, YoY, MoM and annual target of one indicator for a region as of `month`. */
export function indicatorSnapshot(def: IndicatorDef, regions: RegionTable, code: string, month: string, seed: string): Snapshot {
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
  let target: number | null = null;
  if (def.kind === 'flow' && def.targetGrowth) {
    const { y } = monthIndex(period);
    const lastYear = publishedValue(def, regions, code, `${y - 1}-12`, seed);
    target = round(lastYear * def.targetGrowth, 1);
  }
  return { period, value: round(value, value >= 1000 ? 0 : 1), yoy, mom, target };
}

/** Headline KPI records for a region as of `month` (the last published month). */
export function kpiRecords(regions: RegionTable, code: string, month: string, seed: string): KpiOut[] {
  return INDICATORS.map((def) => {
    const snap = indicatorSnapshot(def, regions, code, month, seed);
    const spark: number[] = [];
    for (let i = 11; i >= 0; i--) {
      const p = addMonths(snap.period, -i * (def.quarterly ? 3 : 1));
      spark.push(def.kind === 'flow' ? round(monthlyFlow(def, regions, code, p, seed), 2) : round(publishedValue(def, regions, code, p, seed), 2));
    }
    return {
      id: def.id,
      name: def.name,
      nameEn: def.nameEn,
      region: code,
      period: snap.period,
      value: snap.value,
      unit: def.unit,
      yoy: snap.yoy,
      mom: snap.mom,
      target: snap.target,
      spark,
      source: def.source,
    };
  });
}

// ── Series (trend charts) ──────────────────────────────────────────────────

export interface SeriesOut {
  series: string;
  name: string;
  nameEn: string;
  region: string;
  t: string;
  value: number;
  unit: string;
  target: number | null;
  prior: number;
}

/** Months from `from` to `to` inclusive, at most `max` (the latest kept). */
export function monthsBetween(from: string, to: string, max = 60): string[] {
  const out: string[] = [];
  for (let m = to; m >= from && out.length < max; m = addMonths(m, -1)) out.unshift(m);
  return out;
}

/**
 * Monthly points of every indicator for a region: flows as the single month's
 * value (当月), with the same month a year earlier (`prior`) and a monthly
 * target path (prior × annual target growth); rates and growth indicators as
 * published, with their annual target level; GDP at quarter ends only, as
 * the cumulative quarterly figure.
 */
export function seriesRecords(regions: RegionTable, code: string, from: string, to: string, seed: string, ids?: readonly string[]): SeriesOut[] {
  const months = monthsBetween(from, to);
  const out: SeriesOut[] = [];
  for (const def of INDICATORS) {
    if (ids && ids.length > 0 && !ids.includes(def.id)) continue;
    for (const t of months) {
      let value: number;
      let prior: number;
      let target: number | null = null;
      if (def.quarterly) {
        if (Number(t.slice(5)) % 3 !== 0) continue;
        value = publishedValue(def, regions, code, t, seed);
        prior = publishedValue(def, regions, code, addMonths(t, -12), seed);
        target = def.targetGrowth ? prior * def.targetGrowth : null;
      } else if (def.kind === 'flow') {
        value = monthlyFlow(def, regions, code, t, seed);
        prior = monthlyFlow(def, regions, code, addMonths(t, -12), seed);
        target = def.targetGrowth ? prior * def.targetGrowth : null;
      } else {
        value = publishedValue(def, regions, code, t, seed);
        prior = publishedValue(def, regions, code, addMonths(t, -12), seed);
        target = def.targetLevel ?? null;
      }
      const digits = Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 100 ? 1 : 2;
      out.push({
        series: def.id,
        name: def.name,
        nameEn: def.nameEn,
        region: code,
        t,
        value: round(value, digits),
        unit: def.unit,
        target: target === null ? null : round(target, digits),
        prior: round(prior, digits),
      });
    }
  }
  return out;
}

// ── Region metrics (ranking, choropleth, threshold alerts) ─────────────────

export interface RegionMetricOut {
  code: string;
  indicator: string;
  value: number;
  unit: string;
  yoy: number | null;
  period: string;
}

/**
 * The regions a region-metric request is about: the children of a province
 * or city; for a county (no children), its siblings, so it can be compared.
 */
export function comparedRegions(regions: RegionTable, code: string): string[] {
  const kids = regions.children(code);
  if (kids.length > 0) return kids.map((k) => k.code);
  const parent = regions.get(code)?.parent;
  return parent ? regions.children(parent).map((k) => k.code) : [code];
}

export function regionMetricRecords(regions: RegionTable, code: string, month: string, seed: string, ids?: readonly string[]): RegionMetricOut[] {
  const out: RegionMetricOut[] = [];
  for (const child of comparedRegions(regions, code)) {
    for (const def of INDICATORS) {
      if (ids && ids.length > 0 && !ids.includes(def.id)) continue;
      const snap = indicatorSnapshot(def, regions, child, month, seed);
      out.push({ code: child, indicator: def.id, value: snap.value, unit: def.unit, yoy: snap.yoy, period: snap.period });
    }
  }
  return out;
}

// ── Composition (structure charts) ─────────────────────────────────────────

export interface ShareOut {
  key: string;
  name: string;
  nameEn: string;
  value: number;
  unit: string;
}

const INDUSTRY_SHARES = [
  { key: 'primary', name: '第一产业', nameEn: 'Primary industry', share: 0.092 },
  { key: 'secondary', name: '第二产业', nameEn: 'Secondary industry', share: 0.378 },
  { key: 'tertiary', name: '第三产业', nameEn: 'Tertiary industry', share: 0.53 },
] as const;

const INVESTMENT_SHARES = [
  { key: 'manufacturing', name: '工业投资', nameEn: 'Industry', share: 0.33 },
  { key: 'infrastructure', name: '基础设施', nameEn: 'Infrastructure', share: 0.23 },
  { key: 'real-estate', name: '房地产开发', nameEn: 'Real estate', share: 0.19 },
  { key: 'social', name: '民生及社会事业', nameEn: 'Social services', share: 0.1 },
  { key: 'agriculture', name: '农林水利', nameEn: 'Farming & water', share: 0.07 },
  { key: 'other', name: '其他', nameEn: 'Other', share: 0.08 },
] as const;

/** Notional annual fixed-asset investment of the province, 亿元 (demo magnitude). */
const FAI_ANNUAL = 58000;

/**
 * Structure of a region's economy as of `month`: GDP by the three industries
 * (`kind=industry`, cumulative, 亿元) or fixed-asset investment by sector
 * (`kind=investment`). Shares tilt per region, deterministically.
 */
export function compositionRecords(regions: RegionTable, code: string, month: string, seed: string, kind: 'industry' | 'investment'): ShareOut[] {
  const rng = createRng(`${seed}|composition|${kind}|${code}`);
  const base = kind === 'industry' ? INDUSTRY_SHARES : INVESTMENT_SHARES;
  const tilted = base.map((b) => ({ ...b, w: b.share * Math.max(0.3, 1 + gaussian(rng) * 0.18) }));
  const sum = tilted.reduce((a, b) => a + b.w, 0);
  let total: number;
  if (kind === 'industry') {
    const gdp = INDICATOR_BY_ID.get('gdp');
    total = gdp ? publishedValue(gdp, regions, code, periodLabel(gdp, month), seed) : 0;
  } else {
    const { m } = monthIndex(month);
    const season = INVEST.slice(0, m).reduce((a, b) => a + b, 0) / INVEST.reduce((a, b) => a + b, 0);
    total = FAI_ANNUAL * regions.share(code) * season;
  }
  return tilted.map((b) => ({ key: b.key, name: b.name, nameEn: b.nameEn, value: round((total * b.w) / sum, 1), unit: '亿元' }));
}

// ── Key projects (white list) ──────────────────────────────────────────────

export type ProjectStatus = 'on_track' | 'delayed' | 'stopped';

export interface ProjectOut {
  id: string;
  name: string;
  region: string;
  industry: string;
  owner: string;
  status: ProjectStatus;
  investmentPlan: number;
  investmentDone: number;
  unit: string;
  startYear: number;
  link?: string;
}

/**
 * The white list, by city: [name, industry, typical plan in 亿元].
 * One name carries an HTML payload on purpose: it must show as text.
 */
export const XSS_PROJECT_NAME = '<img src=x onerror="window.__xss=1">漯河食品产业园';

const PROJECTS: Record<string, readonly (readonly [string, string, number])[]> = {
  '410100': [
    ['郑州航空港区智能终端产业园（二期）', '电子信息', 120],
    ['郑州新能源汽车零部件产业园', '新能源汽车', 85],
    ['中原科技城数字经济产业园', '数字经济', 60],
    ['郑州地铁12号线一期工程', '交通基础设施', 210],
    ['郑州国际陆港多式联运枢纽', '现代物流', 48],
    ['新郑国际机场三期扩建工程', '交通基础设施', 320],
    ['郑州服务器研发生产基地', '电子信息', 40],
    ['郑州经开区汽车零部件产业园', '装备制造', 36],
    ['郑州高新区生物医药加速器', '生物医药', 22],
    ['郑州东站枢纽南广场综合开发', '城市更新', 75],
    ['郑州贾鲁河综合治理生态廊道', '生态环保', 54],
    ['中原医学科学城一期', '生物医药', 95],
  ],
  '410200': [
    ['开封乘用车扩能项目', '新能源汽车', 38],
    ['开封宋都古城文化旅游提升工程', '文化旅游', 26],
    ['开封精细化工产业园', '现代化工', 30],
    ['开封黄河滩区生态保护工程', '生态环保', 18],
  ],
  '410300': [
    ['洛阳石化百万吨乙烯项目', '现代化工', 260],
    ['洛阳高端铝合金板带项目', '新材料', 52],
    ['洛阳伊滨科技城', '科技创新', 80],
    ['洛阳智能农机产业园', '装备制造', 34],
    ['洛阳新能源电池基地', '新能源', 140],
    ['洛阳至栾川高速公路改扩建', '交通基础设施', 96],
    ['隋唐洛阳城国家遗址公园（三期）', '文化旅游', 28],
    ['洛阳偃师轴承产业园', '装备制造', 24],
  ],
  '410400': [
    ['平顶山尼龙新材料产业园（三期）', '新材料', 88],
    ['平顶山高端特钢精深加工项目', '新材料', 42],
    ['叶县盐化工循环经济项目', '现代化工', 36],
    ['平顶山抽水蓄能电站', '能源', 78],
  ],
  '410500': [
    ['安阳钢铁绿色化改造项目', '装备制造', 66],
    ['殷墟遗址博物馆配套工程', '文化旅游', 14],
    ['安阳航空航天产业园', '航空航天', 32],
    ['林州铝精深加工项目', '新材料', 27],
  ],
  '410600': [
    ['鹤壁数字经济产业园', '数字经济', 25],
    ['鹤壁镁精深加工产业园', '新材料', 31],
    ['鹤壁5G光电产业园', '电子信息', 19],
  ],
  '410700': [
    ['新乡高端电池材料产业园', '新能源', 58],
    ['新乡生物医药产业园（二期）', '生物医药', 21],
    ['新乡起重装备智能制造基地', '装备制造', 29],
    ['平原示范区黄河文化旅游带', '文化旅游', 17],
    ['新乡至焦作城际铁路', '交通基础设施', 110],
  ],
  '410800': [
    ['焦作新能源材料项目', '新材料', 35],
    ['云台山景区提升工程', '文化旅游', 12],
    ['焦作汽车零部件智能制造项目', '装备制造', 20],
    ['沁河流域综合治理工程', '水利', 24],
  ],
  '410900': [
    ['濮阳化工新材料产业园', '现代化工', 64],
    ['濮阳氢能产业园', '新能源', 40],
    ['濮阳引黄灌溉调节水库', '水利', 22],
    ['濮阳羽绒及服装产业园', '轻工纺织', 11],
  ],
  '411000': [
    ['许昌电力装备制造产业园', '装备制造', 45],
    ['许昌发制品跨境电商产业园', '轻工纺织', 13],
    ['长葛再生金属产业园', '新材料', 33],
    ['禹州钧瓷文化产业园', '文化旅游', 9],
    ['许昌至信阳高速公路', '交通基础设施', 150],
  ],
  '411100': [
    [XSS_PROJECT_NAME, '食品加工', 16],
    ['漯河食品实验室中试基地', '食品加工', 8],
    ['漯河现代冷链物流园', '现代物流', 15],
    ['沙澧河生态治理工程', '生态环保', 12],
  ],
  '411200': [
    ['三门峡铜箔新材料项目', '新材料', 46],
    ['三门峡黄河湿地公园提升工程', '生态环保', 10],
    ['灵宝黄金精深加工项目', '新材料', 26],
    ['陕州地坑院文旅项目', '文化旅游', 7],
  ],
  '411300': [
    ['南阳肉食加工产业综合体', '食品加工', 55],
    ['南阳光电产业园', '电子信息', 38],
    ['丹江口库区水质保护工程', '水利', 44],
    ['南阳卧龙综合保税区', '现代物流', 20],
    ['南阳艾草产业园', '生物医药', 8],
    ['南阳防爆电机智能制造项目', '装备制造', 18],
  ],
  '411400': [
    ['商丘制冷装备产业园', '装备制造', 30],
    ['商丘古城保护与修缮工程', '文化旅游', 23],
    ['商丘国际陆港物流园', '现代物流', 27],
    ['商丘高铁站前区综合开发', '城市更新', 62],
  ],
  '411500': [
    ['信阳茶产业园', '现代农业', 9],
    ['信阳电子信息产业园', '电子信息', 28],
    ['出山店水库灌区工程', '水利', 47],
    ['信阳明港机场改扩建', '交通基础设施', 35],
  ],
  '411600': [
    ['周口港中心港区三期', '现代物流', 52],
    ['周口生物基材料产业园', '新材料', 41],
    ['周口临港粮食物流园', '现代物流', 16],
    ['沙颍河航道升级工程', '交通基础设施', 68],
  ],
  '411700': [
    ['驻马店国际农产品加工产业园', '食品加工', 24],
    ['驻马店专用车智能制造项目', '装备制造', 19],
    ['嵖岈山景区提升工程', '文化旅游', 8],
    ['遂平至上蔡高速公路', '交通基础设施', 88],
  ],
  '419001': [
    ['济源高端钢铁材料项目', '新材料', 37],
    ['小浪底北岸灌区工程', '水利', 29],
  ],
};

function ownerFor(industry: string, cityShort: string, rng: () => number): string {
  if (industry === '交通基础设施') return rng() < 0.5 ? '省交通投资集团' : `${cityShort}交通建设投资公司`;
  if (industry === '水利') return '省水利投资集团';
  if (industry === '文化旅游') return `${cityShort}文化旅游投资集团`;
  if (industry === '城市更新' || industry === '生态环保') return `${cityShort}城市发展投资集团`;
  const suffix = ['产业投资集团', '实业股份有限公司', '科技有限公司', '高新技术产业开发区管委会'];
  return `${cityShort}${suffix[Math.floor(rng() * suffix.length)] ?? suffix[0]}`;
}

/**
 * About 80 key projects province-wide, each in a county (or city) of its
 * city, with plan vs done in 亿元 and a status mix that is mostly on track.
 * Completion depends on start year and status, and grows with the month.
 */
export function projectRecords(regions: RegionTable, month: string, seed: string): ProjectOut[] {
  const out: ProjectOut[] = [];
  const { y, m } = monthIndex(month);
  let n = 0;
  for (const [city, list] of Object.entries(PROJECTS)) {
    const cityEntry = regions.get(city);
    const cityShort = cityEntry?.short ?? city;
    const counties = regions.children(city);
    for (const [name, industry, typical] of list) {
      n++;
      const rng = createRng(`${seed}|project|${city}|${n}`);
      const county = counties.length ? counties[Math.floor(rng() * counties.length)] : undefined;
      const r = rng();
      const status: ProjectStatus = r < 0.06 ? 'stopped' : r < 0.22 ? 'delayed' : 'on_track';
      const plan = round(typical * Math.exp(gaussian(rng) * 0.25), 1);
      const startYear = 2022 + Math.floor(rng() * 5);
      const elapsed = Math.max(0.05, (y - startYear + m / 12) / 4);
      const pace = status === 'on_track' ? 0.9 + rng() * 0.25 : status === 'delayed' ? 0.45 + rng() * 0.2 : 0.2 + rng() * 0.2;
      const done = round(Math.min(plan, plan * Math.min(0.98, elapsed * pace)), 1);
      const project: ProjectOut = {
        id: `P${city.slice(0, 4)}${String(n).padStart(3, '0')}`,
        name,
        region: county?.code ?? city,
        industry,
        owner: ownerFor(industry, cityShort, rng),
        status,
        investmentPlan: plan,
        investmentDone: done,
        unit: '亿元',
        startYear,
      };
      // A hostile link next to the hostile name: only http(s) and relative links may render.
      if (name === XSS_PROJECT_NAME) project.link = 'javascript:window.__xss=2';
      out.push(project);
    }
  }
  return out;
}

/** Projects inside a region (the region itself or any of its descendants). */
export function projectsIn(regions: RegionTable, code: string, projects: readonly ProjectOut[]): ProjectOut[] {
  return projects.filter((p) => regions.isWithin(p.region, code));
}
