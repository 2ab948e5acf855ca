import { createRng, gaussian, poisson } from '../../src/lib/random.ts';
import { type AlertOut, cstDay, cstDayStart, cstParts, DAY, HOUR, isoCst, type KpiOut, type RegionSource } from './emergency.ts';
import { childrenOrSiblings, countiesOf, type DomainRoute, intParam, PROVINCE, regionalRoute, round, withinRegion } from './fire.ts';

/**
 * Seeded public-health surveillance data (疫情防控): weekly notifiable-disease
 * reports (法定传染病) by disease and by region, each disease with its own
 * season (influenza peaking in winter, hand-foot-and-mouth disease in early
 * summer, infectious diarrhoea in summer, tuberculosis flat), daily
 * fever-clinic visits with the band of the five previous seasons, hospital
 * bed and ICU occupancy by city, cluster early warnings from schools and
 * care homes, and immunisation coverage. Pure functions of (seed, time);
 * Node-safe (erasable TS only). Magnitudes are province-scale (≈ 99 million
 * people), not published figures.
 */

const WEEK = 7 * DAY;

/** Day of year (0-based) in CST. */
function dayOfYear(ms: number): number {
  const p = cstParts(ms);
  return (Date.UTC(p.y, p.m - 1, p.d) - Date.UTC(p.y, 0, 1)) / DAY;
}

/** A seasonal curve: 1 + amp × cos(day − peak), sharpened so peaks are narrower than troughs. */
function season(ms: number, peakDoy: number, amp: number, sharp = 1): number {
  const c = (Math.cos((2 * Math.PI * (dayOfYear(ms) - peakDoy)) / 365) + 1) / 2;
  return 1 - amp + 2 * amp * c ** sharp;
}

/** Monday 00:00 CST of the week containing `ms`. */
export function weekStart(ms: number): number {
  const day = cstDayStart(ms);
  const dow = cstParts(day).dow;
  return day - ((dow + 6) % 7) * DAY;
}

export const DISEASES = [
  { key: 'influenza', name: '流行性感冒', nameEn: 'Influenza', weekly: 9000, peak: 10, amp: 0.92, sharp: 3 },
  { key: 'hfmd', name: '手足口病', nameEn: 'Hand, foot & mouth', weekly: 2400, peak: 150, amp: 0.8, sharp: 2 },
  { key: 'diarrhoea', name: '其他感染性腹泻', nameEn: 'Infectious diarrhoea', weekly: 1900, peak: 200, amp: 0.45, sharp: 1 },
  { key: 'tb', name: '肺结核', nameEn: 'Tuberculosis', weekly: 620, peak: 80, amp: 0.12, sharp: 1 },
  { key: 'hepatitis-b', name: '乙型肝炎', nameEn: 'Hepatitis B', weekly: 1100, peak: 90, amp: 0.08, sharp: 1 },
  { key: 'scarlet', name: '猩红热', nameEn: 'Scarlet fever', weekly: 160, peak: 120, amp: 0.6, sharp: 2 },
] as const;

/** This season's influenza runs a little early and high (seeded per season). */
function fluYear(seed: string, ms: number): { shift: number; scale: number } {
  const p = cstParts(ms);
  const seasonYear = p.m >= 8 ? p.y : p.y - 1;
  const rng = createRng(`${seed}|flu-season|${seasonYear}`);
  return { shift: -12 + rng() * 18, scale: 0.85 + rng() * 0.5 };
}

/** Reports of one disease in the week starting `week` inside `region`. */
function weeklyCases(regions: RegionSource, seed: string, region: string, d: (typeof DISEASES)[number], week: number): number {
  const mid = week + 3.5 * DAY;
  let factor = season(mid, d.peak, d.amp, d.sharp);
  if (d.key === 'influenza') {
    const f = fluYear(seed, mid);
    factor = season(mid - f.shift * DAY, d.peak, d.amp, d.sharp) * f.scale;
  }
  const share = populationShare(regions, region);
  const rng = createRng(`${seed}|nd|${d.key}|${region}|${week}`);
  return poisson(rng, d.weekly * factor * share);
}

/** Population share: flatter than the economic share (people are more evenly spread than GDP). */
export function populationShare(regions: RegionSource, region: string): number {
  if (region === PROVINCE) return 1;
  const self = regions.get(region);
  if (!self) return 0;
  const parent = self.parent ?? PROVINCE;
  const sibs = regions.children(parent);
  const w = (code: string) => Math.sqrt(regions.share(code));
  const total = sibs.reduce((s, r) => s + w(r.code), 0) || 1;
  return populationShare(regions, parent) * (w(region) / total);
}

/** Weekly reports by disease for the last `weeks` complete weeks (t = the week's Monday; the week under way is left out, never drawn as a drop). */
export function diseaseWeeks(regions: RegionSource, seed: string, now: number, region = PROVINCE, weeks = 12) {
  const out: { series: string; name: string; nameEn: string; region: string; t: string; value: number; unit: string; prior: number }[] = [];
  const current = weekStart(now);
  for (let i = weeks; i >= 1; i--) {
    const w = current - i * WEEK;
    const elapsed = 1;
    for (const d of DISEASES) {
      const yearAgo = weekStart(w - 364 * DAY);
      out.push({
        series: d.key,
        name: d.name,
        nameEn: d.nameEn,
        region,
        t: cstDay(w),
        value: Math.round(weeklyCases(regions, seed, region, d, w) * elapsed),
        unit: '例',
        prior: weeklyCases(regions, seed, region, d, yearAgo),
      });
    }
  }
  return out;
}

/** Reports this week (all notifiable diseases) and the incidence per 100,000 per child region. */
export function diseaseByRegion(regions: RegionSource, seed: string, now: number, region = PROVINCE) {
  const w = weekStart(now);
  const elapsed = Math.min(1, (now - w) / WEEK);
  const last = w - WEEK;
  return childrenOrSiblings(regions, region).flatMap((k) => {
    const cases = DISEASES.reduce((s, d) => s + weeklyCases(regions, seed, k.code, d, w), 0) * elapsed;
    const prev = DISEASES.reduce((s, d) => s + weeklyCases(regions, seed, k.code, d, last), 0);
    const people = 9_872 * populationShare(regions, k.code); // 万人
    return [
      { code: k.code, indicator: 'cases', value: Math.round(cases), unit: '例', period: cstDay(w), yoy: null },
      { code: k.code, indicator: 'incidence', value: round((prev / people) * 10, 2), unit: '/10万', period: cstDay(last), yoy: null },
    ];
  });
}

// ── Fever clinics ───────────────────────────────────────────────────────────

const FEVER_BASE = 21_000; // visits a day province-wide at the summer trough

function feverVisits(seed: string, ms: number, seasonShift: number, scale: number, noiseKey: string): number {
  const rng = createRng(`${seed}|fever|${noiseKey}|${cstDay(ms)}`);
  const s = season(ms - seasonShift * DAY, 12, 0.55, 2.5) * scale;
  const dow = cstParts(ms).dow;
  const weekday = dow === 1 ? 1.12 : dow === 0 ? 0.9 : 1;
  return FEVER_BASE * (0.55 + 1.4 * (s - 0.45)) * weekday * Math.exp(gaussian(rng) * 0.04);
}

/**
 * Daily fever-clinic visits for the last `days` complete days (series
 * `visits`), with the seasonal band of the five previous seasons on the same
 * calendar day: `band-high` / `band-low` = their highest / lowest 7-day mean.
 */
export function feverClinic(regions: RegionSource, seed: string, now: number, region = PROVINCE, days = 90) {
  // Complete days only: today so far would read as a collapse.
  const share = populationShare(regions, region);
  const today = cstDayStart(now);
  const f = fluYear(seed, now);
  const out: { series: string; name: string; nameEn: string; region: string; t: string; value: number; unit: string }[] = [];
  for (let i = days; i >= 1; i--) {
    const day = today - i * DAY;
    const part = 1;
    const visits = feverVisits(seed, day, f.shift, f.scale, 'now') * share * part;
    const past: number[] = [];
    for (let y = 1; y <= 5; y++) {
      const then = day - y * 364 * DAY;
      const py = fluYear(seed, then);
      let sum = 0;
      for (let k = -3; k <= 3; k++) sum += feverVisits(seed, then + k * DAY, py.shift, py.scale, `y${y}`);
      past.push((sum / 7) * share);
    }
    const t = cstDay(day);
    const base = { region, t, unit: '人次' };
    out.push({ ...base, series: 'visits', name: '发热门诊就诊', nameEn: 'Fever-clinic visits', value: Math.round(visits) });
    out.push({ ...base, series: 'band-high', name: '近5年同期最高', nameEn: '5-season high', value: Math.round(Math.max(...past)) });
    out.push({ ...base, series: 'band-low', name: '近5年同期最低', nameEn: '5-season low', value: Math.round(Math.min(...past)) });
  }
  return out;
}

// ── Hospitals ───────────────────────────────────────────────────────────────

/** Bed and ICU occupancy (%) per child region now: higher in the flu season, higher in big cities. */
export function hospitalOccupancy(regions: RegionSource, seed: string, now: number, region = PROVINCE) {
  const flu = season(now, 12, 0.5, 2);
  const day = cstDay(now);
  return childrenOrSiblings(regions, region).flatMap((k) => {
    const rng = createRng(`${seed}|beds|${k.code}|${day}`);
    const big = Math.sqrt(regions.share(k.code) * 18);
    const beds = Math.min(99, 70 + 8 * flu + 4 * (big - 1) + gaussian(rng) * 3);
    const icu = Math.min(99, 62 + 14 * flu + 6 * (big - 1) + gaussian(rng) * 5);
    return [
      { code: k.code, indicator: 'beds', value: round(beds, 1), unit: '%', period: day },
      { code: k.code, indicator: 'icu', value: round(icu, 1), unit: '%', period: day },
    ];
  });
}

/** Immunisation coverage (%) per child region: the national programme (国家免疫规划) and influenza vaccine for people 60+. */
export function vaccination(regions: RegionSource, seed: string, now: number, region = PROVINCE) {
  const { y, m } = cstParts(now);
  const period = `${m === 1 ? y - 1 : y}-${String(m === 1 ? 12 : m - 1).padStart(2, '0')}`;
  return childrenOrSiblings(regions, region).flatMap((k) => {
    const rng = createRng(`${seed}|vaccination|${k.code}|${period}`);
    return [
      { code: k.code, indicator: 'nip', value: round(Math.min(99.6, 96.2 + gaussian(rng) * 1.4), 1), unit: '%', period },
      { code: k.code, indicator: 'flu-60', value: round(Math.max(8, 24 + gaussian(rng) * 6 + (m >= 10 || m <= 2 ? 6 : 0)), 1), unit: '%', period },
    ];
  });
}

// ── Clusters ────────────────────────────────────────────────────────────────

const CLUSTER_KINDS = [
  { key: 'ili', disease: '流感样病例', places: ['小学', '中学', '幼儿园', '养老院'], peak: 10, amp: 0.9, cases: [10, 40] },
  { key: 'norovirus', disease: '诺如病毒感染', places: ['幼儿园', '小学', '大学', '企业食堂'], peak: 20, amp: 0.6, cases: [8, 30] },
  { key: 'varicella', disease: '水痘', places: ['小学', '中学'], peak: 330, amp: 0.5, cases: [5, 15] },
  { key: 'hfmd', disease: '手足口病', places: ['幼儿园', '托育机构'], peak: 150, amp: 0.8, cases: [5, 12] },
] as const;
const SCHOOL_NAMES = ['实验', '第一', '第二', '城关', '育才', '东风', '新华', '阳光', '红旗', '光明'];

/** A cluster warning in the alert contract's shape. */
export type ClusterOut = AlertOut;

/** Cluster early warnings (聚集性疫情预警) raised in the last `days` inside `region`, newest first. */
export function clusterWarnings(regions: RegionSource, seed: string, now: number, region = PROVINCE, days = 7): ClusterOut[] {
  const inside = withinRegion(regions, region);
  const counties = countiesOf(regions);
  const out: ClusterOut[] = [];
  for (let i = days; i >= 0; i--) {
    const day = cstDayStart(now) - i * DAY;
    const rng = createRng(`${seed}|clusters|${cstDay(day)}`);
    for (const k of CLUSTER_KINDS) {
      const n = poisson(rng, 1.3 * season(day, k.peak, k.amp, 2));
      for (let j = 0; j < n; j++) {
        const county = counties[Math.floor(rng() * counties.length)];
        const place = k.places[Math.floor(rng() * k.places.length)] ?? '学校';
        const school = SCHOOL_NAMES[Math.floor(rng() * SCHOOL_NAMES.length)] ?? '实验';
        const cases = k.cases[0] + Math.floor(rng() * (k.cases[1] - k.cases[0]));
        const at = day + Math.floor((7 + rng() * 12) * HOUR);
        if (!county || at > now || !inside(county.code)) continue;
        const level = (cases >= 30 ? 2 : cases >= 15 ? 3 : 4) as 2 | 3 | 4;
        out.push({
          id: `cluster-${cstDay(day)}-${k.key}-${j}`,
          level,
          indicator: k.key,
          region: county.code,
          message: `${county.name}某${school}${place}报告${k.disease}聚集性疫情，累计${cases}例，已开展流调与消杀`,
          at: isoCst(at),
        });
      }
    }
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}

// ── Headline figures ────────────────────────────────────────────────────────

export function healthKpis(regions: RegionSource, seed: string, now: number, region = PROVINCE): KpiOut[] {
  const weeks = diseaseWeeks(regions, seed, now, region, 12);
  const byWeek = new Map<string, number>();
  for (const r of weeks) byWeek.set(r.t, (byWeek.get(r.t) ?? 0) + r.value);
  const totals = [...byWeek.values()];
  const lastWeek = totals[totals.length - 1] ?? null;
  const before = totals[totals.length - 2] ?? null;
  const fever = feverClinic(regions, seed, now, region, 13).filter((r) => r.series === 'visits');
  const yesterday = fever[fever.length - 1]?.value ?? null;
  const occ = hospitalOccupancy(regions, seed, now, region);
  const mean = (ind: string) => {
    const list = occ.filter((o) => o.indicator === ind).map((o) => o.value);
    return list.length ? round(list.reduce((a, b) => a + b, 0) / list.length, 1) : null;
  };
  const clusters = clusterWarnings(regions, seed, now, region, 7).length;
  const period = cstDay(now);
  const base = { region, period, yoy: null, source: '省卫生健康委、疾控中心（演示）' };
  return [
    {
      ...base,
      id: 'notifiable-week',
      name: '上周法定传染病报告',
      nameEn: 'Notifiable cases last week',
      value: lastWeek,
      unit: '例',
      mom: lastWeek !== null && before ? round(((lastWeek - before) / before) * 100, 1) : null,
      spark: totals,
    },
    {
      ...base,
      id: 'fever-yesterday',
      name: '昨日发热门诊就诊',
      nameEn: 'Fever-clinic visits yesterday',
      value: yesterday,
      unit: '人次',
      mom: null,
      spark: fever.map((r) => r.value),
    },
    { ...base, id: 'bed-occupancy', name: '床位使用率', nameEn: 'Bed occupancy', value: mean('beds'), unit: '%', mom: null, spark: [] },
    { ...base, id: 'icu-occupancy', name: 'ICU床位使用率', nameEn: 'ICU occupancy', value: mean('icu'), unit: '%', mom: null, spark: [] },
    { ...base, id: 'clusters-7d', name: '近7日聚集性疫情', nameEn: 'Clusters, 7 days', value: clusters, unit: '起', mom: null, spark: [] },
  ];
}

// ── Routes ──────────────────────────────────────────────────────────────────

export const healthRoutes: readonly DomainRoute[] = [
  regionalRoute(
    '/api/health/kpis',
    'kpi',
    'headline figures: notifiable cases last week, fever-clinic visits yesterday, bed and ICU occupancy (%), clusters in 7 days',
    (_url, ctx, region, now) => healthKpis(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/health/diseases',
    'series',
    'weekly notifiable-disease reports (例) by disease for the last `weeks` (12, ≤ 52) complete weeks; t = the Monday; prior = a year earlier',
    (url, ctx, region, now) => diseaseWeeks(ctx.regions, ctx.seed, now, region, intParam(url, 'weeks', 12, 1, 52)),
  ),
  regionalRoute(
    '/api/health/by-region',
    'region-metric',
    'per child region: `cases` reported this week so far (例), `incidence` last week (per 100,000)',
    (_url, ctx, region, now) => diseaseByRegion(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/health/fever',
    'series',
    'daily fever-clinic visits (人次) for the last `days` (90, ≤ 365) complete days with band-high / band-low = the five previous seasons on the same day',
    (url, ctx, region, now) => feverClinic(ctx.regions, ctx.seed, now, region, intParam(url, 'days', 90, 7, 365)),
  ),
  regionalRoute('/api/health/hospitals', 'region-metric', 'bed (`beds`) and ICU (`icu`) occupancy per child region, %', (_url, ctx, region, now) =>
    hospitalOccupancy(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/health/vaccination',
    'region-metric',
    'immunisation coverage per child region, last month: `nip` (national programme, %), `flu-60` (influenza vaccine, people 60+, %)',
    (_url, ctx, region, now) => vaccination(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/health/clusters',
    'alert',
    'cluster early warnings of the last `days` (7, ≤ 30) inside `region` (schools, kindergartens, care homes), newest first',
    (url, ctx, region, now) => clusterWarnings(ctx.regions, ctx.seed, now, region, intParam(url, 'days', 7, 1, 30)),
  ),
];
