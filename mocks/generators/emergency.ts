import { createRng, gaussian, pick, pickWeighted, poisson, type Rng } from '../../src/lib/random.ts';
import type { RegionLike } from './regions.ts';

/**
 * Seeded emergency data for the emergency-command screen: an incident stream
 * (seven types, four-colour severity, positions inside the right county),
 * rescue teams / shelters / depots with dispatches, sensor alarms, weather
 * warnings and the aggregates the panels show.
 *
 * Everything is a pure function of (seed, time): the same seed gives the same
 * demo, and a stream can be replayed from any cursor after a restart.
 * Node-safe (the feed server runs it under type stripping): erasable TS only.
 */

/** What the generators need of a region table (RegionTable satisfies it). */
export interface RegionSource {
  readonly entries: readonly RegionLike[];
  get(code: string): RegionLike | undefined;
  children(code: string): readonly RegionLike[];
  share(code: string): number;
}

// ── China Standard Time calendar (shared with sentiment.ts) ───────────────

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const CST = 8 * HOUR;

/** Calendar parts of an instant in China Standard Time. `dow`: 0 = Sunday. */
export function cstParts(ms: number): { y: number; m: number; d: number; h: number; min: number; dow: number } {
  const t = new Date(ms + CST);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), min: t.getUTCMinutes(), dow: t.getUTCDay() };
}

/** CST midnight at or before `ms`. */
export function cstDayStart(ms: number): number {
  return Math.floor((ms + CST) / DAY) * DAY - CST;
}

/** "2026-11-20" in CST. */
export function cstDay(ms: number): string {
  const p = cstParts(ms);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** "2026-11-20T14" in CST. */
export function cstHour(ms: number): string {
  return `${cstDay(ms)}T${String(cstParts(ms).h).padStart(2, '0')}`;
}

export function isoCst(ms: number): string {
  const t = new Date(ms + CST).toISOString();
  return `${t.slice(0, 19)}+08:00`;
}

function round(v: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

// ── Reference data ─────────────────────────────────────────────────────────

export const INCIDENT_TYPES = ['fire', 'flood', 'traffic', 'hazchem', 'mine', 'geological', 'health'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_TYPE_NAMES: Record<IncidentType, { zh: string; en: string }> = {
  fire: { zh: '火灾', en: 'Fire' },
  flood: { zh: '洪涝', en: 'Flood' },
  traffic: { zh: '交通事故', en: 'Traffic' },
  hazchem: { zh: '危化品', en: 'Hazardous chemicals' },
  mine: { zh: '矿山', en: 'Mine' },
  geological: { zh: '地质灾害', en: 'Geological' },
  health: { zh: '公共卫生', en: 'Public health' },
};

export const SEVERITY_NAMES: Record<1 | 2 | 3 | 4, { key: string; zh: string; en: string }> = {
  1: { key: 'red', zh: '红色（Ⅰ级）', en: 'Red (I)' },
  2: { key: 'orange', zh: '橙色（Ⅱ级）', en: 'Orange (II)' },
  3: { key: 'yellow', zh: '黄色（Ⅲ级）', en: 'Yellow (III)' },
  4: { key: 'blue', zh: '蓝色（Ⅳ级）', en: 'Blue (IV)' },
};

/** Province-wide incidents per day on average ("tens a day"). */
export const INCIDENTS_PER_DAY = 36;

/** Share of each type; `summer` multiplies Jun–Sep (floods and landslides follow the rain). */
const TYPE_MIX: Record<IncidentType, { share: number; summer: number; winter: number }> = {
  traffic: { share: 0.34, summer: 0.9, winter: 1.25 },
  fire: { share: 0.26, summer: 0.8, winter: 1.35 },
  health: { share: 0.11, summer: 1.2, winter: 1.0 },
  flood: { share: 0.09, summer: 3.5, winter: 0.1 },
  hazchem: { share: 0.08, summer: 1.1, winter: 1.0 },
  mine: { share: 0.06, summer: 1.0, winter: 1.0 },
  geological: { share: 0.06, summer: 2.6, winter: 0.4 },
};

/** Severity odds per type: [red, orange, yellow] (blue is the rest). Red is rare and must look rare. */
const SEVERITY_ODDS: Record<IncidentType, readonly [number, number, number]> = {
  traffic: [0.004, 0.03, 0.22],
  fire: [0.004, 0.04, 0.24],
  health: [0.003, 0.03, 0.2],
  flood: [0.01, 0.07, 0.3],
  hazchem: [0.012, 0.08, 0.3],
  mine: [0.015, 0.09, 0.3],
  geological: [0.008, 0.06, 0.3],
};

/** Cities where a type concentrates (mines in the coal belt, chemicals in Puyang…). */
const TYPE_BIAS: Partial<Record<IncidentType, Record<string, number>>> = {
  mine: { '410400': 6, '410800': 4, '410600': 4, '410100': 2, '410300': 3, '411200': 4, '411400': 2 },
  hazchem: { '410900': 5, '410300': 3, '410400': 3, '410800': 3, '410700': 2, '419001': 3 },
  flood: { '411500': 3.5, '411300': 2.5, '411700': 3, '411600': 2, '411100': 1.5 },
  geological: { '410300': 4, '411200': 4, '411300': 3, '410800': 2.5, '410700': 2, '410500': 1.5 },
};

/** Hour-of-day weights (CST) of incidents: quiet before dawn, busy in the day and evening. */
const INCIDENT_HOURS = [
  0.45, 0.35, 0.3, 0.3, 0.35, 0.5, 0.8, 1.2, 1.35, 1.3, 1.25, 1.3, 1.25, 1.2, 1.2, 1.25, 1.3, 1.45, 1.5, 1.35, 1.2, 1.0, 0.8, 0.6,
] as const;
const INCIDENT_HOURS_SUM = INCIDENT_HOURS.reduce((a, b) => a + b, 0);

const RIVERS = ['淮河', '沙颍河', '洪汝河', '贾鲁河', '卫河', '唐白河', '伊洛河', '史灌河', '惠济河', '涡河'] as const;
const HIGHWAYS = [
  'G4京港澳高速',
  'G30连霍高速',
  'G45大广高速',
  'G55二广高速',
  'G1511日兰高速',
  'G40沪陕高速',
  'G36宁洛高速',
  'G107国道',
  'G310国道',
  'G207国道',
] as const;

const TITLES: Record<IncidentType, readonly string[]> = {
  fire: [
    '某小区高层住宅火灾',
    '某工业园区厂房火灾',
    '某沿街商铺火灾',
    '某物流仓库火灾',
    '某农村自建房火灾',
    '某餐饮店厨房火灾',
    '某电动车充电棚火灾',
    '某商场配电室火灾',
  ],
  flood: ['{river}水位超警戒', '某村强降雨致道路积水内涝', '某镇农田受淹', '某下穿隧道积水', '{river}堤防出现管涌险情'],
  traffic: ['{highway}{short}段多车追尾事故', '某路口货车侧翻', '某国道客车与货车相撞', '{highway}{short}段危险路段车辆失控', '某城区道路电动车与轿车碰撞'],
  hazchem: ['某化工企业储罐区可燃气体泄漏', '某危化品运输车辆侧翻泄漏', '某化工厂反应釜异常升温', '某加油站油品泄漏', '某园区液氨管道泄漏'],
  mine: ['某煤矿井下局部冒顶', '某煤矿瓦斯浓度超限', '某非煤矿山边坡滑落', '某煤矿井下透水险情', '某铝土矿采空区塌陷'],
  geological: ['某村山体滑坡', '某镇地面塌陷', '某景区落石', '某村泥石流隐患点险情', '某乡道路边坡垮塌'],
  health: ['某学校聚集性胃肠炎疫情', '某企业食堂疑似食物中毒', '某养老院聚集性发热病例', '某工地疑似一氧化碳中毒', '某村聚集性腹泻病例'],
};

// ── Regions ────────────────────────────────────────────────────────────────

const regionCache = new WeakMap<RegionSource, { counties: RegionLike[]; weights: Map<IncidentType | 'all', [RegionLike, number][]> }>();

function countiesOf(regions: RegionSource) {
  let entry = regionCache.get(regions);
  if (!entry) {
    const counties = regions.entries.filter((e) => e.level === 'county');
    const weights = new Map<IncidentType | 'all', [RegionLike, number][]>();
    const base = (c: RegionLike) => Math.max(regions.share(c.code), 1e-5) ** 0.7;
    weights.set(
      'all',
      counties.map((c) => [c, base(c)]),
    );
    for (const type of INCIDENT_TYPES) {
      const bias = TYPE_BIAS[type];
      weights.set(
        type,
        counties.map((c) => [c, base(c) * (bias?.[c.parent ?? ''] ?? 1)]),
      );
    }
    entry = { counties, weights };
    regionCache.set(regions, entry);
  }
  return entry;
}

/** Weighted county pick (by economic weight, biased per type). */
export function pickCounty(regions: RegionSource, rng: Rng, type: IncidentType | 'all' = 'all'): RegionLike {
  const list = countiesOf(regions).weights.get(type);
  if (!list?.length) throw new Error('the region table has no counties');
  return pickWeighted(rng, list);
}

/** A point near the county's label point (inside the county for all but the smallest ones). */
export function jitterPoint(rng: Rng, county: RegionLike, spread = 0.035): [number, number] {
  const clamp = (v: number) => Math.max(-2.2 * spread, Math.min(2.2 * spread, v));
  return [round(county.label[0] + clamp(gaussian(rng) * spread), 4), round(county.label[1] + clamp(gaussian(rng) * spread * 0.8), 4)];
}

/** "郑州市金水区" for a city district, "巩义市" / "中牟县" for a county-level unit. */
export function placeName(regions: RegionSource, county: RegionLike): string {
  const city = county.parent ? regions.get(county.parent) : undefined;
  if (city?.level !== 'city' || city.code === county.code) return county.name;
  return county.name.endsWith('区') ? `${city.name}${county.name}` : county.name;
}

// ── Incidents ──────────────────────────────────────────────────────────────

export interface IncidentOut {
  id: string;
  type: IncidentType;
  severity: 1 | 2 | 3 | 4;
  title: string;
  region: string;
  lon: number;
  lat: number;
  reportedAt: string;
  updatedAt: string;
  status: 'reported' | 'dispatched' | 'onsite' | 'controlled' | 'closed';
  seq: number;
}

/** An incident as reported, with its milestones (status changes) fixed at birth. */
export interface IncidentBirth {
  id: string;
  type: IncidentType;
  severity: 1 | 2 | 3 | 4;
  title: string;
  region: string;
  lon: number;
  lat: number;
  reportedAt: number;
  /** Times of dispatched, onsite, controlled, closed. */
  milestones: readonly [number, number, number, number];
  seq: number;
}

const STATUSES = ['reported', 'dispatched', 'onsite', 'controlled', 'closed'] as const;

function seasonOf(month: number): 'summer' | 'winter' | 'mid' {
  if (month >= 6 && month <= 9) return 'summer';
  if (month === 12 || month <= 2) return 'winter';
  return 'mid';
}

function typeWeights(month: number): [IncidentType, number][] {
  const season = seasonOf(month);
  return INCIDENT_TYPES.map((t) => {
    const mix = TYPE_MIX[t];
    return [t, mix.share * (season === 'summer' ? mix.summer : season === 'winter' ? mix.winter : 1)];
  });
}

function severityOf(rng: Rng, type: IncidentType): 1 | 2 | 3 | 4 {
  const [red, orange, yellow] = SEVERITY_ODDS[type];
  const r = rng();
  if (r < red) return 1;
  if (r < red + orange) return 2;
  if (r < red + orange + yellow) return 3;
  return 4;
}

function fillTitle(rng: Rng, template: string, county: RegionLike): string {
  return template.replace('{river}', pick(rng, RIVERS)).replace('{highway}', pick(rng, HIGHWAYS)).replace('{short}', county.short);
}

const hourCache = new Map<string, IncidentBirth[]>();

/**
 * Incidents reported in one clock hour (`hourIndex` = epoch ms / 3,600,000),
 * sorted by time; ids and sequence numbers are stable. Poisson count with a
 * daily rhythm and seasonal type mix.
 */
export function incidentsInHour(regions: RegionSource, seed: string, hourIndex: number): IncidentBirth[] {
  const key = `${seed}|${hourIndex}`;
  const cached = hourCache.get(key);
  if (cached) return cached;
  const start = hourIndex * HOUR;
  const { h, m } = cstParts(start);
  const rng = createRng(`${seed}|incidents|${hourIndex}`);
  const dayNoise = 1 + gaussian(createRng(`${seed}|incident-day|${cstDay(start)}`)) * 0.15;
  const mean = (INCIDENTS_PER_DAY * dayNoise * (INCIDENT_HOURS[h] ?? 1)) / INCIDENT_HOURS_SUM;
  const count = Math.min(99, poisson(rng, Math.max(0, mean)));
  const weights = typeWeights(m);
  const raw: Omit<IncidentBirth, 'id' | 'seq'>[] = [];
  for (let k = 0; k < count; k++) {
    const type = pickWeighted(rng, weights);
    const county = pickCounty(regions, rng, type);
    const severity = severityOf(rng, type);
    const [lon, lat] = jitterPoint(rng, county);
    const reportedAt = start + Math.floor(rng() * HOUR);
    // Bigger incidents take longer to control and close.
    const scale = severity === 1 ? 3 : severity === 2 ? 2 : severity === 3 ? 1.4 : 1;
    const dispatched = reportedAt + Math.round((1.5 + rng() * 5) * 60_000);
    const onsite = dispatched + Math.round((8 + rng() * 22) * 60_000);
    const controlled = onsite + Math.round((25 + rng() * 110) * scale * 60_000);
    const closed = controlled + Math.round((60 + rng() * 300) * scale * 60_000);
    raw.push({
      type,
      severity,
      title: `${placeName(regions, county)}${fillTitle(rng, pick(rng, TITLES[type]), county)}`,
      region: county.code,
      lon,
      lat,
      reportedAt,
      milestones: [dispatched, onsite, controlled, closed],
    });
  }
  raw.sort((a, b) => a.reportedAt - b.reportedAt);
  const out = raw.map((r, i) => ({ ...r, id: `inc-${hourIndex}-${i}`, seq: hourIndex * 100 + i }));
  if (hourCache.size > 4000) hourCache.clear();
  hourCache.set(key, out);
  return out;
}

/** The incident as seen at `now` (status and updatedAt from its milestones). */
export function incidentAt(birth: IncidentBirth, now: number, seq = birth.seq): IncidentOut {
  let stage = 0;
  while (stage < 4 && (birth.milestones[stage] as number) <= now) stage++;
  const updatedAt = stage === 0 ? birth.reportedAt : (birth.milestones[stage - 1] as number);
  return {
    id: birth.id,
    type: birth.type,
    severity: birth.severity,
    title: birth.title,
    region: birth.region,
    lon: birth.lon,
    lat: birth.lat,
    reportedAt: isoCst(birth.reportedAt),
    updatedAt: isoCst(updatedAt),
    status: STATUSES[stage] as IncidentOut['status'],
    seq,
  };
}

/** Incidents reported in (from, to], oldest first. */
export function incidentBirths(regions: RegionSource, seed: string, from: number, to: number): IncidentBirth[] {
  const out: IncidentBirth[] = [];
  for (let h = Math.floor(from / HOUR); h <= Math.floor(to / HOUR); h++) {
    for (const b of incidentsInHour(regions, seed, h)) if (b.reportedAt > from && b.reportedAt <= to) out.push(b);
  }
  return out;
}

/** Incidents reported in the last `hours` before `now`, newest first, as seen at `now`. */
export function recentIncidents(regions: RegionSource, seed: string, now: number, hours = 24, within?: (code: string) => boolean): IncidentOut[] {
  return incidentBirths(regions, seed, now - hours * HOUR, now)
    .filter((b) => !within || within(b.region))
    .map((b) => incidentAt(b, now))
    .reverse();
}

export const INCIDENT_STREAM_BUCKET_MS = HOUR;
export const INCIDENT_STREAM_SLOT = 1000;
/** Incidents stay "live" (emit status changes) for at most this many hours. */
const LIVE_HOURS = 48;

export interface StreamItem<T> {
  time: number;
  data: T;
}

/**
 * The incident stream of one hour: every new incident and every status
 * change whose time falls in the hour, oldest first. An update reuses the
 * incident id, so a push buffer upserts it in place.
 */
export function incidentStreamBucket(regions: RegionSource, seed: string, hourIndex: number): StreamItem<IncidentOut>[] {
  const from = hourIndex * HOUR;
  const to = from + HOUR;
  const items: StreamItem<IncidentOut>[] = [];
  for (let h = hourIndex - LIVE_HOURS; h <= hourIndex; h++) {
    for (const b of incidentsInHour(regions, seed, h)) {
      if (b.reportedAt >= from && b.reportedAt < to) items.push({ time: b.reportedAt, data: incidentAt(b, b.reportedAt) });
      for (const t of b.milestones) if (t >= from && t < to) items.push({ time: t, data: incidentAt(b, t) });
    }
  }
  items.sort((a, b) => a.time - b.time || a.data.id.localeCompare(b.data.id));
  items.forEach((item, i) => {
    item.data = { ...item.data, seq: hourIndex * INCIDENT_STREAM_SLOT + i };
  });
  return items.slice(0, INCIDENT_STREAM_SLOT);
}

// ── Resources ──────────────────────────────────────────────────────────────

export interface ResourceOut {
  id: string;
  kind: 'team' | 'shelter' | 'depot';
  category: string;
  name: string;
  region: string;
  lon: number;
  lat: number;
  capacity: number;
  available: number;
  unit: string;
  status: 'standby' | 'dispatched' | 'open' | 'full' | 'closed';
  incidentId?: string;
  updatedAt: string;
}

const SPECIAL_TEAMS: readonly { category: string; name: string; cities: readonly string[]; size: [number, number] }[] = [
  { category: 'mine', name: '矿山救护队', cities: ['410400', '410800', '410600', '410100', '410300', '411200', '411400'], size: [30, 60] },
  { category: 'hazchem', name: '危险化学品应急救援队', cities: ['410900', '410300', '410400', '410800', '410700', '419001', '410100'], size: [25, 45] },
  { category: 'flood', name: '防汛抢险突击队', cities: ['411500', '411300', '411700', '411600', '411100', '410100', '410200'], size: [60, 150] },
  { category: 'geological', name: '地质灾害应急救援队', cities: ['410300', '411200', '411300', '410800'], size: [20, 40] },
  { category: 'medical', name: '紧急医学救援队', cities: [], size: [20, 40] },
];

const SHELTER_SITES = ['人民广场', '体育中心', '中心公园', '第一高级中学', '文化广场', '会展中心'] as const;

/** Type of incident → team category that answers it (fire teams answer everything else). */
const ANSWERS: Record<IncidentType, string> = {
  fire: 'fire',
  traffic: 'fire',
  flood: 'flood',
  hazchem: 'hazchem',
  mine: 'mine',
  geological: 'geological',
  health: 'medical',
};

interface ResourceBase extends Omit<ResourceOut, 'status' | 'available' | 'updatedAt' | 'incidentId'> {
  parent: string;
}

const resourceCache = new WeakMap<RegionSource, Map<string, ResourceBase[]>>();

function resourceBases(regions: RegionSource, seed: string): ResourceBase[] {
  let bySeed = resourceCache.get(regions);
  if (!bySeed) {
    bySeed = new Map();
    resourceCache.set(regions, bySeed);
  }
  const cached = bySeed.get(seed);
  if (cached) return cached;
  const out: ResourceBase[] = [];
  const cities = regions.entries.filter((e) => e.level === 'city');
  for (const city of cities) {
    const rng = createRng(`${seed}|resources|${city.code}`);
    const counties = regions.children(city.code);
    const seat = counties.find((c) => c.name.endsWith('区')) ?? counties[0] ?? city;
    for (const county of counties) {
      const [lon, lat] = jitterPoint(rng, county, 0.02);
      out.push({
        id: `team-${county.code}`,
        kind: 'team',
        category: 'fire',
        name: `${city.short}市消防救援支队${county.short}${county.name.endsWith('区') ? '大队' : '县大队'}`.replace('县县', '县'),
        region: county.code,
        parent: city.code,
        lon,
        lat,
        capacity: 25 + Math.floor(rng() * 35),
        unit: '人',
      });
      const shelters = 1 + Math.floor(rng() * 2);
      for (let s = 0; s < shelters; s++) {
        const [slon, slat] = jitterPoint(rng, county, 0.025);
        out.push({
          id: `shelter-${county.code}-${s}`,
          kind: 'shelter',
          category: 'general',
          name: `${county.short}${SHELTER_SITES[(s + Math.floor(rng() * SHELTER_SITES.length)) % SHELTER_SITES.length]}应急避难场所`,
          region: county.code,
          parent: city.code,
          lon: slon,
          lat: slat,
          capacity: Math.round((2000 + rng() * 28000) / 100) * 100,
          unit: '人',
        });
      }
    }
    for (const team of SPECIAL_TEAMS) {
      if (team.cities.length && !team.cities.includes(city.code)) continue;
      const [lon, lat] = jitterPoint(rng, seat, 0.03);
      out.push({
        id: `team-${city.code}-${team.category}`,
        kind: 'team',
        category: team.category,
        name: `${city.short}市${team.name}`,
        region: seat.code,
        parent: city.code,
        lon,
        lat,
        capacity: team.size[0] + Math.floor(rng() * (team.size[1] - team.size[0])),
        unit: '人',
      });
    }
    const [dlon, dlat] = jitterPoint(rng, seat, 0.04);
    out.push({
      id: `depot-${city.code}`,
      kind: 'depot',
      category: 'general',
      name: `${city.short}市应急物资储备库`,
      region: seat.code,
      parent: city.code,
      lon: dlon,
      lat: dlat,
      capacity: Math.round((20_000 + rng() * 80_000) / 100) * 100,
      unit: '件',
    });
  }
  bySeed.set(seed, out);
  return out;
}

/**
 * Rescue resources as of `now`: incidents being handled (dispatched, on
 * site) get the nearest free team of the right speciality (else the county's
 * fire brigade), shelters near orange/red floods and landslides open.
 */
export function resourcesAt(regions: RegionSource, seed: string, now: number): ResourceOut[] {
  const bases = resourceBases(regions, seed);
  const active = recentIncidents(regions, seed, now, 24).filter((i) => i.status === 'dispatched' || i.status === 'onsite');
  const assigned = new Map<string, IncidentOut>();
  for (const inc of active.slice().reverse()) {
    const wanted = ANSWERS[inc.type];
    let best: ResourceBase | null = null;
    let bestD = Number.POSITIVE_INFINITY;
    for (const b of bases) {
      if (b.kind !== 'team' || assigned.has(b.id) || (b.category !== wanted && b.category !== 'fire')) continue;
      const penalty = b.category === wanted ? 1 : 1.6;
      const d = Math.hypot(b.lon - inc.lon, b.lat - inc.lat) * penalty;
      if (d < bestD) {
        bestD = d;
        best = b;
      }
    }
    if (best && bestD < 1.5) assigned.set(best.id, inc);
  }
  const opening = recentIncidents(regions, seed, now, 24).filter(
    (i) => i.severity <= 2 && (i.type === 'flood' || i.type === 'geological') && i.status !== 'closed',
  );
  const day = cstDay(now);
  return bases.map(({ parent, ...b }) => {
    const rng = createRng(`${seed}|resource-state|${b.id}|${day}`);
    const inc = assigned.get(b.id);
    if (b.kind === 'team') {
      const out = Math.round(b.capacity * (inc ? 0.5 + rng() * 0.3 : 0.05 + rng() * 0.15));
      return {
        ...b,
        status: inc ? 'dispatched' : 'standby',
        available: b.capacity - out,
        ...(inc ? { incidentId: inc.id } : {}),
        updatedAt: isoCst(inc ? Date.parse(inc.updatedAt) : cstDayStart(now)),
      };
    }
    if (b.kind === 'shelter') {
      const near = opening.find((i) => i.region === b.region || regions.get(i.region)?.parent === parent);
      const occupied = near ? Math.round(b.capacity * (0.2 + rng() * 0.75)) : 0;
      const status = near ? (occupied >= b.capacity * 0.95 ? 'full' : 'open') : 'standby';
      return { ...b, status, available: b.capacity - occupied, updatedAt: isoCst(near ? Date.parse(near.reportedAt) : cstDayStart(now)) };
    }
    return { ...b, status: 'standby', available: Math.round(b.capacity * (0.7 + rng() * 0.28)), updatedAt: isoCst(cstDayStart(now)) };
  }) as ResourceOut[];
}

// ── Alerts: sensor alarms and weather warnings ─────────────────────────────

export interface AlertOut {
  id: string;
  level: 1 | 2 | 3 | 4;
  indicator: string;
  region: string;
  message: string;
  at: string;
}

const WEATHER: Record<'summer' | 'winter' | 'mid', readonly (readonly [string, string, number])[]> = {
  summer: [
    ['rainstorm', '暴雨', 0.06],
    ['thunder', '雷暴大风', 0.05],
    ['heat', '高温', 0.07],
    ['hail', '冰雹', 0.01],
  ],
  winter: [
    ['cold-wave', '寒潮', 0.03],
    ['fog', '大雾', 0.06],
    ['haze', '霾', 0.05],
    ['icing', '道路结冰', 0.03],
    ['snow', '暴雪', 0.015],
  ],
  mid: [
    ['gale', '大风', 0.04],
    ['fog', '大雾', 0.04],
    ['haze', '霾', 0.03],
    ['rainstorm', '暴雨', 0.015],
    ['forest-fire', '森林火险', 0.02],
  ],
};

const WARNING_COLOURS = ['红色', '橙色', '黄色', '蓝色'] as const;

/**
 * Weather warnings in force and IoT sensor alarms (hazardous-chemical plants,
 * coal mines) of the last `hours`, newest first.
 */
export function alertsAt(regions: RegionSource, seed: string, now: number, hours = 24): AlertOut[] {
  const out: { at: number; alert: AlertOut }[] = [];
  const season = seasonOf(cstParts(now).m);
  const cities = regions.entries.filter((e) => e.level === 'city');
  for (let dayStart = cstDayStart(now - hours * HOUR); dayStart <= now; dayStart += DAY) {
    const day = cstDay(dayStart);
    for (const city of cities) {
      for (const [key, name, p] of WEATHER[season]) {
        const rng = createRng(`${seed}|wx|${city.code}|${day}|${key}`);
        if (rng() >= p) continue;
        const at = dayStart + Math.floor((5 + rng() * 14) * HOUR);
        if (at > now || at < now - hours * HOUR) continue;
        const level = pickWeighted(rng, [
          [1, 0.03],
          [2, 0.17],
          [3, 0.5],
          [4, 0.3],
        ] as const) as 1 | 2 | 3 | 4;
        out.push({
          at,
          alert: {
            id: `wx-${city.code}-${day.replaceAll('-', '')}-${key}`,
            level,
            indicator: key,
            region: city.code,
            message: `${city.name}气象台发布${name}${WARNING_COLOURS[level - 1]}预警信号`,
            at: isoCst(at),
          },
        });
      }
    }
  }
  for (let h = Math.floor((now - hours * HOUR) / HOUR); h <= Math.floor(now / HOUR); h++) {
    const rng = createRng(`${seed}|sensor|${h}`);
    const n = poisson(rng, 0.7);
    for (let k = 0; k < n; k++) {
      const at = h * HOUR + Math.floor(rng() * HOUR);
      const mine = rng() < 0.4;
      const county = pickCounty(regions, rng, mine ? 'mine' : 'hazchem');
      const level = (rng() < 0.05 ? 2 : rng() < 0.35 ? 3 : 4) as 1 | 2 | 3 | 4;
      const place = placeName(regions, county);
      const message = mine
        ? `${place}某煤矿${1 + Math.floor(rng() * 9)}号工作面甲烷浓度${(0.8 + rng() * 0.7).toFixed(2)}%超限报警`
        : `${place}某化工企业${pick(rng, ['储罐区', '装卸区', '反应车间', '仓库'])}可燃气体浓度${Math.round(20 + rng() * 40)}%LEL超限报警`;
      if (at <= now && at > now - hours * HOUR)
        out.push({ at, alert: { id: `sensor-${h}-${k}`, level, indicator: mine ? 'methane' : 'gas-lel', region: county.code, message, at: isoCst(at) } });
    }
  }
  return out.sort((a, b) => b.at - a.at).map((o) => o.alert);
}

// ── Aggregates ─────────────────────────────────────────────────────────────

function withinFn(regions: RegionSource, ancestor: string): (code: string) => boolean {
  return (code) => {
    let current = regions.get(code);
    while (current) {
      if (current.code === ancestor) return true;
      current = current.parent ? regions.get(current.parent) : undefined;
    }
    return false;
  };
}

/** Incidents since CST midnight of `now` inside `region`. */
function todaysIncidents(regions: RegionSource, seed: string, now: number, region: string): IncidentOut[] {
  const within = withinFn(regions, region);
  return incidentBirths(regions, seed, cstDayStart(now) - 1, now)
    .filter((b) => within(b.region))
    .map((b) => incidentAt(b, now));
}

export interface ShareOut {
  key: string;
  name: string;
  nameEn: string;
  value: number;
  unit: string;
}

/** Incidents by type in the last `hours` (default: today so far). */
export function incidentsByType(regions: RegionSource, seed: string, now: number, region = '410000', hours?: number): ShareOut[] {
  const within = withinFn(regions, region);
  const from = hours ? now - hours * HOUR : cstDayStart(now) - 1;
  const counts = new Map<IncidentType, number>(INCIDENT_TYPES.map((t) => [t, 0]));
  for (const b of incidentBirths(regions, seed, from, now)) if (within(b.region)) counts.set(b.type, (counts.get(b.type) ?? 0) + 1);
  return INCIDENT_TYPES.map((t) => ({ key: t, name: INCIDENT_TYPE_NAMES[t].zh, nameEn: INCIDENT_TYPE_NAMES[t].en, value: counts.get(t) ?? 0, unit: '起' }));
}

export interface RegionMetricOut {
  code: string;
  indicator: string;
  value: number;
  unit: string;
  period: string;
}

/** Incidents per child region of `region` over the last `days` days (counties' children: the county itself). */
export function incidentsByRegion(regions: RegionSource, seed: string, now: number, region = '410000', days = 7): RegionMetricOut[] {
  let kids = regions.children(region);
  if (!kids.length) {
    const self = regions.get(region);
    kids = self?.parent ? regions.children(self.parent) : [];
  }
  const tests = kids.map((k) => [k.code, withinFn(regions, k.code)] as const);
  const counts = new Map<string, number>(kids.map((k) => [k.code, 0]));
  for (const b of incidentBirths(regions, seed, now - days * DAY, now)) {
    for (const [code, within] of tests) {
      if (within(b.region)) {
        counts.set(code, (counts.get(code) ?? 0) + 1);
        break;
      }
    }
  }
  return kids.map((k) => ({ code: k.code, indicator: 'incidents', value: counts.get(k.code) ?? 0, unit: '起', period: cstDay(now) }));
}

export interface SeriesOut {
  series: string;
  name: string;
  nameEn: string;
  region: string;
  t: string;
  value: number;
  unit: string;
}

/** Daily incidents by severity for the last `days` complete days plus today so far. */
export function incidentTrend(regions: RegionSource, seed: string, now: number, region = '410000', days = 30): SeriesOut[] {
  const within = withinFn(regions, region);
  const out: SeriesOut[] = [];
  for (let i = days; i >= 0; i--) {
    const start = cstDayStart(now) - i * DAY;
    const end = Math.min(now, start + DAY - 1);
    const counts = [0, 0, 0, 0];
    for (const b of incidentBirths(regions, seed, start - 1, end)) if (within(b.region)) counts[b.severity - 1] = (counts[b.severity - 1] ?? 0) + 1;
    for (const sev of [1, 2, 3, 4] as const) {
      const name = SEVERITY_NAMES[sev];
      out.push({ series: name.key, name: name.zh, nameEn: name.en, region, t: cstDay(start), value: counts[sev - 1] ?? 0, unit: '起' });
    }
  }
  return out;
}

export interface KpiOut {
  id: string;
  name: string;
  nameEn: string;
  region: string;
  period: string;
  value: number | null;
  unit: string;
  yoy: number | null;
  mom: number | null;
  spark: number[];
  source: string;
}

/** Headline emergency figures for `region` as of `now` (today so far, CST). */
export function emergencyKpis(regions: RegionSource, seed: string, now: number, region = '410000'): KpiOut[] {
  const within = withinFn(regions, region);
  const today = todaysIncidents(regions, seed, now, region);
  const yesterdaySameTime = incidentBirths(regions, seed, cstDayStart(now) - DAY - 1, now - DAY).filter((b) => within(b.region)).length;
  const daily: number[] = [];
  for (let i = 11; i >= 0; i--) {
    const start = cstDayStart(now) - i * DAY;
    daily.push(incidentBirths(regions, seed, start - 1, Math.min(now, start + DAY - 1)).filter((b) => within(b.region)).length);
  }
  const active = recentIncidents(regions, seed, now, 48, within).filter((i) => i.status !== 'closed' && i.status !== 'controlled');
  const responses = incidentBirths(regions, seed, now - DAY, now)
    .filter((b) => within(b.region) && b.milestones[1] <= now)
    .map((b) => (b.milestones[1] - b.reportedAt) / 60_000);
  const resources = resourcesAt(regions, seed, now).filter((r) => within(r.region));
  const warnings = alertsAt(regions, seed, now, 24).filter((a) => a.id.startsWith('wx-') && within(a.region));
  const period = cstDay(now);
  const base = { region, period, yoy: null, source: '省应急管理厅（演示）' };
  const change = (a: number, b: number) => (b > 0 ? round(((a - b) / b) * 100, 1) : null);
  return [
    {
      ...base,
      id: 'incidents-today',
      name: '今日突发事件',
      nameEn: 'Incidents today',
      value: today.length,
      unit: '起',
      mom: change(today.length, yesterdaySameTime),
      spark: daily,
    },
    { ...base, id: 'incidents-active', name: '处置中事件', nameEn: 'Being handled', value: active.length, unit: '起', mom: null, spark: [] },
    {
      ...base,
      id: 'response-minutes',
      name: '平均到场时长',
      nameEn: 'Mean time to scene',
      value: responses.length ? round(responses.reduce((a, b) => a + b, 0) / responses.length, 1) : null,
      unit: '分钟',
      mom: null,
      spark: [],
    },
    {
      ...base,
      id: 'teams-dispatched',
      name: '出动救援队伍',
      nameEn: 'Teams dispatched',
      value: resources.filter((r) => r.status === 'dispatched').length,
      unit: '支',
      mom: null,
      spark: [],
    },
    {
      ...base,
      id: 'shelters-open',
      name: '开放避难场所',
      nameEn: 'Shelters open',
      value: resources.filter((r) => r.kind === 'shelter' && r.status !== 'standby').length,
      unit: '处',
      mom: null,
      spark: [],
    },
    { ...base, id: 'warnings-active', name: '生效气象预警', nameEn: 'Weather warnings', value: warnings.length, unit: '条', mom: null, spark: [] },
  ];
}
