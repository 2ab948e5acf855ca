import { createRng, gaussian, pickWeighted, poisson, type Rng } from '../../src/lib/random.ts';
import {
  cstDay,
  cstDayStart,
  cstParts,
  DAY,
  HOUR,
  type IncidentCore,
  isoCst,
  jitterPoint,
  type KpiOut,
  placeName,
  type RegionMetricOut,
  type RegionSource,
  type ShareOut,
} from './emergency.ts';
import type { RegionLike } from './regions.ts';

/**
 * Seeded fire & rescue data (消防救援): alarms received (a few hundred a day
 * province-wide, more in the heating season and in the evening), fire
 * stations with their engines and status, average arrival time by county,
 * key high-risk units by category. Pure functions of (seed, time); Node-safe
 * (the feed server runs it under type stripping): erasable TS only.
 *
 * Also home of the small helpers the other domain generators share
 * (health.ts, disaster.ts, overview.ts) and of their route shape.
 */

// ── Shared by the domain generators ─────────────────────────────────────────

/** The context and route shape of `mocks/server/routes.ts` (structurally the same, to avoid an import cycle). */
export interface DomainContext {
  regions: RegionSource;
  seed: string;
  now: () => number;
}
export interface DomainRoute {
  path: string;
  doc: string;
  contract: string;
  answer(url: URL, ctx: DomainContext): { status: number; body: unknown };
}

export const PROVINCE = '410000';

export function round(v: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function withinRegion(regions: RegionSource, ancestor: string): (code: string) => boolean {
  return (code) => {
    let current = regions.get(code);
    while (current) {
      if (current.code === ancestor) return true;
      current = current.parent ? regions.get(current.parent) : undefined;
    }
    return false;
  };
}

/** The regions a region's panels compare: its children, or for a county its siblings. */
export function childrenOrSiblings(regions: RegionSource, region: string): readonly RegionLike[] {
  const kids = regions.children(region);
  if (kids.length) return kids;
  const self = regions.get(region);
  return self?.parent ? regions.children(self.parent) : [];
}

export function countiesOf(regions: RegionSource): RegionLike[] {
  return regions.entries.filter((e) => e.level === 'county' || (e.level === 'city' && regions.children(e.code).length === 0));
}

export function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  const n = raw === null || raw === '' ? Number.NaN : Number(raw);
  return Number.isInteger(n) ? Math.max(min, Math.min(max, n)) : fallback;
}

/** A route whose answer depends on a valid `region` (default: the province); `{ asOf, records }`. */
export function regionalRoute(
  path: string,
  contract: string,
  doc: string,
  fn: (url: URL, ctx: DomainContext, region: string, now: number) => unknown[],
): DomainRoute {
  return {
    path,
    contract,
    doc,
    answer(url, ctx) {
      const region = url.searchParams.get('region') || PROVINCE;
      if (!ctx.regions.get(region)) return { status: 404, body: { error: 'unknown region' } };
      const now = ctx.now();
      return { status: 200, body: { asOf: new Date(now).toISOString(), records: fn(url, ctx, region, now) } };
    },
  };
}

/** Weight of a county for counts (people, buildings): the economic share, flattened a little. */
export function countyWeight(regions: RegionSource, c: RegionLike): number {
  return Math.sqrt(regions.share(c.code));
}

// ── Alarms ──────────────────────────────────────────────────────────────────

/** Alarm categories as fire & rescue statistics count them (接警类型). */
export const ALARM_KINDS = [
  { key: 'building', name: '建筑火灾', nameEn: 'Building fire', incident: 'fire', share: 0.2, severe: 0.05 },
  { key: 'vehicle', name: '车辆火灾', nameEn: 'Vehicle fire', incident: 'fire', share: 0.08, severe: 0.02 },
  { key: 'electrical', name: '电气火灾', nameEn: 'Electrical fire', incident: 'fire', share: 0.1, severe: 0.03 },
  { key: 'wildland', name: '森林草原火灾', nameEn: 'Wildland fire', incident: 'fire', share: 0.04, severe: 0.04 },
  { key: 'rescue', name: '抢险救援', nameEn: 'Technical rescue', incident: 'other', share: 0.3, severe: 0.03 },
  { key: 'hazchem', name: '危化品处置', nameEn: 'Hazmat response', incident: 'hazchem', share: 0.03, severe: 0.12 },
  { key: 'assist', name: '社会救助', nameEn: 'Public assistance', incident: 'other', share: 0.25, severe: 0 },
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** Alarms a day province-wide, before season and weekday. */
export const ALARMS_PER_DAY = 320;

/** Heating season and dry spring burn more; the wildland share rises in spring and autumn harvest. */
function seasonFactor(month: number): number {
  return [1.35, 1.3, 1.25, 1.1, 0.95, 0.95, 0.9, 0.9, 0.9, 1.0, 1.15, 1.3][month - 1] ?? 1;
}

/** Share of a day's alarms in each CST hour (evening peak, quiet before dawn). */
const HOURLY = [2.2, 1.6, 1.2, 1.0, 1.0, 1.3, 2.4, 3.6, 4.4, 4.8, 5.0, 5.2, 5.0, 4.9, 5.0, 5.3, 5.6, 5.9, 6.2, 6.1, 5.4, 4.4, 3.5, 2.8];
const HOURLY_SUM = HOURLY.reduce((a, b) => a + b, 0);

export interface AlarmOut extends IncidentCore {
  type: 'fire' | 'traffic' | 'hazchem' | 'other';
  kind: string;
  seq: number;
  /** Minutes from the call to the first engine on scene. */
  arrivalMin: number;
  engines: number;
  /** `reportedAt` as epoch ms (internal: filtering without parsing; not sent). */
  t: number;
}

const PLACES: Record<string, readonly string[]> = {
  building: ['住宅楼', '沿街门店', '厂房', '仓库', '城中村民房', '商业综合体', '出租屋'],
  vehicle: ['高速公路货车', '城区小型轿车', '电动自行车', '公交车', '农用车'],
  electrical: ['配电箱', '电动车充电棚', '居民楼电缆井', '厂区变压器'],
  wildland: ['林地', '荒坡草地', '秸秆地块', '山林'],
  rescue: ['交通事故被困人员', '电梯困人', '落水人员', '建筑坍塌', '高处被困人员'],
  hazchem: ['液化气罐泄漏', '危化品槽车泄漏', '化工厂管道泄漏'],
  assist: ['开锁救助', '摘除马蜂窝', '动物救助', '老人被困', '排水排涝'],
};

const TITLE_SUFFIX: Record<string, string> = { building: '火灾', vehicle: '起火', electrical: '起火', wildland: '火情' };

const hourCache = new Map<string, AlarmOut[]>();
/** One hour's alarms (deterministic per hour index; cached, a month of hours is asked again and again). */
function alarmsInHour(regions: RegionSource, seed: string, hourIndex: number): AlarmOut[] {
  const key = `${seed}|${regions.entries.length}|${hourIndex}`;
  let list = hourCache.get(key);
  if (!list) {
    list = generateHour(regions, seed, hourIndex);
    if (hourCache.size > 3000) hourCache.clear();
    hourCache.set(key, list);
  }
  return list;
}

function generateHour(regions: RegionSource, seed: string, hourIndex: number): AlarmOut[] {
  const start = hourIndex * HOUR;
  const p = cstParts(start);
  const weekday = p.dow === 0 || p.dow === 6 ? 1.08 : 1;
  const mean = (ALARMS_PER_DAY * seasonFactor(p.m) * weekday * (HOURLY[p.h] ?? 4)) / HOURLY_SUM;
  const rng = createRng(`${seed}|fire-alarms|${hourIndex}`);
  const n = poisson(rng, mean);
  const counties = weightedCounties(regions);
  const out: AlarmOut[] = [];
  for (let i = 0; i < n; i++) {
    const kind = pickWeighted(
      rng,
      ALARM_KINDS.map((k) => [k, k.key === 'wildland' ? k.share * (p.m <= 4 || p.m >= 10 ? 1.6 : 0.4) : k.share] as const),
    );
    const county = pickCounty(counties, rng());
    const at = start + Math.floor(rng() * HOUR);
    const r = rng();
    const severity: 1 | 2 | 3 | 4 = r < kind.severe * 0.04 ? 1 : r < kind.severe * 0.3 ? 2 : r < kind.severe + 0.08 ? 3 : 4;
    const urban = county.name.endsWith('区');
    const arrivalMin = round(Math.max(3.5, (urban ? 7.2 : 11.5) + gaussian(rng) * (urban ? 1.6 : 2.6) + (kind.key === 'wildland' ? 9 : 0)), 1);
    const engines = Math.max(1, Math.round((severity <= 2 ? 6 : severity === 3 ? 3 : 1.6) + rng() * 2));
    const place = (PLACES[kind.key] ?? ['现场'])[Math.floor(rng() * (PLACES[kind.key]?.length ?? 1))];
    const [lon, lat] = jitterPoint(rng, county);
    const id = `fire-${hourIndex}-${i}`;
    const reportedAt = isoCst(at);
    out.push({
      id,
      type: kind.key === 'rescue' ? (place === '交通事故被困人员' ? 'traffic' : 'other') : kind.incident,
      kind: kind.key,
      severity,
      title: `${placeName(regions, county)} ${place}${TITLE_SUFFIX[kind.key] ?? ''} · 出动${engines}车`,
      region: county.code,
      lon,
      lat,
      reportedAt,
      updatedAt: reportedAt,
      status: 'reported',
      seq: hourIndex * 1000 + i,
      arrivalMin,
      engines,
      t: at,
    });
  }
  return out;
}

interface CumulativeCounties {
  counties: RegionLike[];
  /** Running sums of the weights, normalised to end at 1 (binary-searched: a month of alarms is generated in milliseconds). */
  cumulative: Float64Array;
}
const weightCache = new WeakMap<RegionSource, CumulativeCounties>();
function weightedCounties(regions: RegionSource): CumulativeCounties {
  let list = weightCache.get(regions);
  if (!list) {
    const counties = countiesOf(regions);
    const cumulative = new Float64Array(counties.length);
    let sum = 0;
    counties.forEach((c, i) => {
      sum += countyWeight(regions, c);
      cumulative[i] = sum;
    });
    for (let i = 0; i < cumulative.length; i++) cumulative[i] = (cumulative[i] as number) / sum;
    list = { counties, cumulative };
    weightCache.set(regions, list);
  }
  return list;
}

function pickCounty(w: CumulativeCounties, u: number): RegionLike {
  let lo = 0;
  let hi = w.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((w.cumulative[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return w.counties[lo] as RegionLike;
}

/** The status of an alarm at `now`: dispatched within a minute, on scene at its arrival, then controlled and closed. */
function alarmAt(a: AlarmOut, now: number): AlarmOut {
  const t0 = a.t;
  const arrive = t0 + a.arrivalMin * 60_000;
  const control = arrive + (a.severity <= 2 ? 150 : a.severity === 3 ? 60 : 25) * 60_000;
  const close = control + 40 * 60_000;
  const status = now < t0 + 60_000 ? 'reported' : now < arrive ? 'dispatched' : now < control ? 'onsite' : now < close ? 'controlled' : 'closed';
  const changed = status === 'reported' ? t0 : status === 'dispatched' ? t0 + 60_000 : status === 'onsite' ? arrive : status === 'controlled' ? control : close;
  return { ...a, status, updatedAt: isoCst(changed) };
}

/** Alarms received in (from, to], oldest first, as they were at their birth. */
export function alarmBirths(regions: RegionSource, seed: string, from: number, to: number): AlarmOut[] {
  const out: AlarmOut[] = [];
  for (let h = Math.floor(from / HOUR); h <= Math.floor(to / HOUR); h++) {
    for (const a of alarmsInHour(regions, seed, h)) if (a.t > from && a.t <= to) out.push(a);
  }
  return out;
}

/** The live alarm list: alarms of the last `hours` inside `region`, newest first, status as of `now`. */
export function recentAlarms(regions: RegionSource, seed: string, now: number, hours: number, region = PROVINCE, limit = 200): AlarmOut[] {
  const inside = withinRegion(regions, region);
  return alarmBirths(regions, seed, now - hours * HOUR, now)
    .filter((a) => inside(a.region))
    .reverse()
    .slice(0, limit)
    .map((a) => alarmAt(a, now));
}

/** Today's alarms (CST) by category. */
export function alarmsByKind(regions: RegionSource, seed: string, now: number, region = PROVINCE): ShareOut[] {
  const inside = withinRegion(regions, region);
  const counts = new Map<string, number>();
  for (const a of alarmBirths(regions, seed, cstDayStart(now) - 1, now)) if (inside(a.region)) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return ALARM_KINDS.map((k) => ({ key: k.key, name: k.name, nameEn: k.nameEn, value: counts.get(k.key) ?? 0, unit: '起' }));
}

/** Mean arrival time (minutes) per child region over the last `days`; regions without alarms are gaps. */
export function arrivalByRegion(
  regions: RegionSource,
  seed: string,
  now: number,
  region = PROVINCE,
  days = 30,
): (Omit<RegionMetricOut, 'value'> & { value: number | null })[] {
  const kids = childrenOrSiblings(regions, region);
  const tests = kids.map((k) => [k.code, withinRegion(regions, k.code)] as const);
  const sums = new Map<string, [number, number]>();
  for (const a of alarmBirths(regions, seed, now - days * DAY, now)) {
    if (a.kind === 'assist') continue;
    for (const [code, inside] of tests) {
      if (inside(a.region)) {
        const s = sums.get(code) ?? [0, 0];
        s[0] += a.arrivalMin;
        s[1] += 1;
        sums.set(code, s);
        break;
      }
    }
  }
  return kids.map((k) => {
    const s = sums.get(k.code);
    return { code: k.code, indicator: 'arrival', value: s && s[1] > 0 ? round(s[0] / s[1], 1) : null, unit: '分钟', period: cstDay(now) };
  });
}

// ── Stations ────────────────────────────────────────────────────────────────

export interface StationOut {
  id: string;
  kind: 'team';
  category: 'fire';
  name: string;
  region: string;
  lon: number;
  lat: number;
  /** Engines (fire appliances) of the station. */
  capacity: number;
  /** Engines in the station now. */
  available: number;
  unit: '辆';
  status: 'standby' | 'dispatched';
  incidentId?: string;
  updatedAt: string;
}

const STATION_SUFFIX = ['特勤站', '消防站', '中队', '专职队'];

/** Fire stations (one to four per county by size) and where their engines are at `now`. */
export function stationsAt(regions: RegionSource, seed: string, now: number, region = PROVINCE): StationOut[] {
  const base = stationList(regions, seed);
  const open = recentAlarms(regions, seed, now, 6).filter((a) => a.status === 'dispatched' || a.status === 'onsite');
  const busy = new Map<string, AlarmOut>();
  for (const a of open) {
    const station = base.find((s) => s.region === a.region && !busy.has(s.id));
    if (station) busy.set(station.id, a);
  }
  const inside = withinRegion(regions, region);
  return base
    .filter((s) => inside(s.region))
    .map((s) => {
      const a = busy.get(s.id);
      if (!a) return { ...s, updatedAt: isoCst(now) };
      return { ...s, status: 'dispatched' as const, available: Math.max(0, s.capacity - a.engines), incidentId: a.id, updatedAt: a.updatedAt };
    });
}

const stationCache = new Map<string, StationOut[]>();
function stationList(regions: RegionSource, seed: string): StationOut[] {
  const key = `${seed}|${regions.entries.length}`;
  const cached = stationCache.get(key);
  if (cached) return cached;
  const out: StationOut[] = [];
  for (const c of countiesOf(regions)) {
    const rng: Rng = createRng(`${seed}|fire-stations|${c.code}`);
    const n = Math.max(1, Math.min(4, Math.round(countyWeight(regions, c) * 18 + rng())));
    const city = c.parent ? regions.get(c.parent) : undefined;
    const brigade = c.name.endsWith('区') && city ? `${city.short}${c.short}` : c.short;
    for (let i = 0; i < n; i++) {
      const [lon, lat] = jitterPoint(rng, c, 0.03);
      const engines = i === 0 ? 8 + Math.floor(rng() * 6) : 4 + Math.floor(rng() * 4);
      const suffix = i === 0 ? (c.name.endsWith('区') ? STATION_SUFFIX[0] : STATION_SUFFIX[1]) : (STATION_SUFFIX[1 + (i % 3)] ?? '消防站');
      out.push({
        id: `station-${c.code}-${i}`,
        kind: 'team',
        category: 'fire',
        name: `${brigade}${i === 0 ? '' : ['城东', '城西', '城南', '城北'][i - 1]}${suffix}`,
        region: c.code,
        lon,
        lat,
        capacity: engines,
        available: engines,
        unit: '辆',
        status: 'standby',
        updatedAt: '',
      });
    }
  }
  stationCache.set(key, out);
  return out;
}

// ── High-risk units ─────────────────────────────────────────────────────────

/** Key fire-safety units by category (消防安全重点单位), counts scaled by the region's size. */
export const RISK_UNITS = [
  { key: 'highrise', name: '高层建筑', nameEn: 'High-rise buildings', unit: '栋', province: 21860 },
  { key: 'crowded', name: '人员密集场所', nameEn: 'Crowded venues', unit: '家', province: 15420 },
  { key: 'chemical', name: '化工企业', nameEn: 'Chemical plants', unit: '家', province: 2630 },
  { key: 'warehouse', name: '大型仓储物流', nameEn: 'Large warehouses', unit: '家', province: 3180 },
  { key: 'heritage', name: '文物古建筑', nameEn: 'Heritage buildings', unit: '处', province: 1270 },
  { key: 'elderly', name: '养老及福利机构', nameEn: 'Care homes', unit: '家', province: 3940 },
  { key: 'hazard', name: '重大火灾隐患（挂牌督办）', nameEn: 'Major hazards under supervision', unit: '处', province: 86 },
] as const;

export function riskUnits(
  regions: RegionSource,
  seed: string,
  region = PROVINCE,
): { key: string; name: string; nameEn: string; value: number; unit: string }[] {
  const share = regions.share(region);
  return RISK_UNITS.map((u) => {
    const rng = createRng(`${seed}|risk-units|${region}|${u.key}`);
    const value = region === PROVINCE ? u.province : Math.max(0, Math.round(u.province * share * (0.85 + rng() * 0.3)));
    return { key: u.key, name: u.name, nameEn: u.nameEn, value, unit: u.unit };
  }).sort((a, b) => b.value - a.value);
}

// ── Headline figures ────────────────────────────────────────────────────────

export function fireKpis(regions: RegionSource, seed: string, now: number, region = PROVINCE): KpiOut[] {
  const inside = withinRegion(regions, region);
  const start = cstDayStart(now);
  const today = alarmBirths(regions, seed, start - 1, now).filter((a) => inside(a.region));
  const yesterday = alarmBirths(regions, seed, start - DAY - 1, now - DAY).filter((a) => inside(a.region)).length;
  const spark: number[] = [];
  for (let i = 12; i >= 1; i--) spark.push(alarmBirths(regions, seed, start - i * DAY - 1, start - (i - 1) * DAY - 1).filter((a) => inside(a.region)).length);
  const fires = today.filter((a) => a.type === 'fire').length;
  const arrivals = today.filter((a) => a.kind !== 'assist' && a.t + a.arrivalMin * 60_000 <= now).map((a) => a.arrivalMin);
  const stations = stationsAt(regions, seed, now, region);
  const period = cstDay(now);
  const base = { region, period, yoy: null, source: '省消防救援总队（演示）' };
  return [
    {
      ...base,
      id: 'alarms-today',
      name: '今日接警',
      nameEn: 'Alarms today',
      value: today.length,
      unit: '起',
      mom: yesterday > 0 ? round(((today.length - yesterday) / yesterday) * 100, 1) : null,
      spark,
    },
    { ...base, id: 'fires-today', name: '其中火灾', nameEn: 'Of which fires', value: fires, unit: '起', mom: null, spark: [] },
    {
      ...base,
      id: 'arrival-minutes',
      name: '平均到场时间',
      nameEn: 'Mean arrival time',
      value: arrivals.length ? round(arrivals.reduce((a, b) => a + b, 0) / arrivals.length, 1) : null,
      unit: '分钟',
      mom: null,
      spark: [],
    },
    {
      ...base,
      id: 'engines-out',
      name: '在途及现场车辆',
      nameEn: 'Engines out',
      value: stations.reduce((s, st) => s + (st.capacity - st.available), 0),
      unit: '辆',
      mom: null,
      spark: [],
    },
    { ...base, id: 'stations', name: '消防站', nameEn: 'Fire stations', value: stations.length, unit: '个', mom: null, spark: [] },
  ];
}

// ── Routes ──────────────────────────────────────────────────────────────────

export const fireRoutes: readonly DomainRoute[] = [
  regionalRoute(
    '/api/fire/kpis',
    'kpi',
    'fire & rescue headline figures today (CST): alarms, fires, mean arrival time, engines out, stations',
    (_url, ctx, region, now) => fireKpis(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute('/api/fire/by-kind', 'share', 'alarms received today by category (建筑火灾, 抢险救援, 社会救助…), 起', (_url, ctx, region, now) =>
    alarmsByKind(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/fire/alarms',
    'incident',
    'alarms of the last `hours` (6, ≤ 48) inside `region`, newest first (`limit` 60, ≤ 500), status as of now',
    (url, ctx, region, now) =>
      recentAlarms(ctx.regions, ctx.seed, now, intParam(url, 'hours', 6, 1, 48), region, intParam(url, 'limit', 60, 1, 500)).map(
        ({ kind: _k, arrivalMin: _a, engines: _e, t: _t, ...incident }) => incident,
      ),
  ),
  regionalRoute(
    '/api/fire/stations',
    'resource',
    'fire stations inside `region` (teams: capacity = engines, available = engines in station, status standby|dispatched)',
    (_url, ctx, region, now) => stationsAt(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/fire/arrival',
    'region-metric',
    'mean time from call to first engine on scene (分钟) per child region over the last `days` (30, ≤ 90)',
    (url, ctx, region, now) => arrivalByRegion(ctx.regions, ctx.seed, now, region, intParam(url, 'days', 30, 1, 90)),
  ),
  regionalRoute('/api/fire/risk-units', 'rank', 'key fire-safety units inside `region` by category (栋/家/处)', (_url, ctx, region) =>
    riskUnits(ctx.regions, ctx.seed, region),
  ),
];
