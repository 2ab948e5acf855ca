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

// ── Distances and travel ───────────────────────────────────────────────────

/** Great-circle distance in km (haversine, mean Earth radius 6371.0088 km). */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes from a crew's alarm to rolling out. */
const TURNOUT_MIN = 1.5;
/** Roads are longer than the straight line; average speed of an emergency run on Henan's mixed urban/rural roads. */
const ROAD_FACTOR = 1.35;
const RUN_KMH = 42;

/** Minutes on the road from a station to a point (straight line × road factor at the average run speed). */
export function travelMinutes(from: { lon: number; lat: number }, to: readonly [number, number]): number {
  return (haversineKm([from.lon, from.lat], to) * ROAD_FACTOR * 60) / RUN_KMH;
}

/** The county fire brigade (first responder) of a county. */
function brigadeOf(regions: RegionSource, seed: string, county: string): ResourceBase | undefined {
  return resourceIndex(regions, seed).get(`team-${county}`);
}

// ── Incidents ──────────────────────────────────────────────────────────────

/** What every incident-like record (incidents, fire alarms, geological hazards) carries, as the incident contract has it. */
export interface IncidentCore {
  id: string;
  severity: 1 | 2 | 3 | 4;
  title: string;
  region: string;
  lon: number;
  lat: number;
  reportedAt: string;
  updatedAt: string;
  status: 'reported' | 'dispatched' | 'onsite' | 'controlled' | 'closed';
}

export interface IncidentOut extends IncidentCore {
  type: IncidentType;
  /** Every status reached so far with its time, oldest first (the detail card's timeline). */
  history: { status: IncidentOut['status']; at: string }[];
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
    // Call to dispatch order: faster for graver incidents (targets in RESPONSE_TARGETS), a long tail.
    const dispatchMin = (severity <= 2 ? 1 + rng() * 2.2 : 1.5 + rng() * 3.5) * (rng() < 0.08 ? 2 : 1);
    const dispatched = reportedAt + Math.round(dispatchMin * 60_000);
    // The county's fire brigade is first on scene: turnout plus road travel from its station.
    const brigade = brigadeOf(regions, seed, county.code);
    const travel = brigade ? travelMinutes(brigade, [lon, lat]) : 12 + rng() * 15;
    const onsite = dispatched + Math.round((TURNOUT_MIN + travel + rng() * 3) * 60_000);
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
    history: [
      { status: 'reported', at: isoCst(birth.reportedAt) },
      ...birth.milestones.slice(0, stage).map((t, i) => ({ status: STATUSES[i + 1] as IncidentOut['status'], at: isoCst(t) })),
    ],
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
  const items: StreamItem<IncidentOut>[] = (injectedIncidents.get(seed) ?? []).filter((e) => e.time >= from && e.time < to).map((e) => ({ ...e }));
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

/**
 * Events a test adds to a seed's incident stream (a new incident, a duplicate,
 * a late report, a status change): each lands in the stream at its `time`
 * (when the feed receives it), in order with the generated events, and is
 * sent by the feed server and MSW like any other. Tests use their own seed.
 */
const injectedIncidents = new Map<string, StreamItem<IncidentOut>[]>();
let injections = 0;

export function injectIncidentEvent(seed: string, time: number, data: Omit<IncidentOut, 'seq'>): void {
  const list = injectedIncidents.get(seed) ?? [];
  list.push({ time, data: { ...data, seq: 0 } });
  injectedIncidents.set(seed, list);
  injections++;
}

export function clearInjectedIncidents(seed: string): void {
  if (injectedIncidents.delete(seed)) injections++;
}

/** Changes whenever an injection does (stream caches key on it). */
export function incidentInjections(): number {
  return injections;
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
  /** A dispatched team: when it is expected on scene (ISO, CST). */
  eta?: string;
  updatedAt: string;
}

const SPECIAL_TEAMS: readonly { category: string; name: string; cities: readonly string[]; size: [number, number] }[] = [
  { category: 'mine', name: '矿山救护队', cities: ['410400', '410800', '410600', '410100', '410300', '411200', '411400'], size: [30, 60] },
  { category: 'hazchem', name: '危险化学品应急救援队', cities: ['410900', '410300', '410400', '410800', '410700', '419001', '410100'], size: [25, 45] },
  { category: 'flood', name: '防汛抢险突击队', cities: ['411500', '411300', '411700', '411600', '411100', '410100', '410200'], size: [60, 150] },
  { category: 'geological', name: '地质灾害应急救援队', cities: ['410300', '411200', '411300', '410800'], size: [20, 40] },
  { category: 'medical', name: '紧急医学救援队', cities: [], size: [20, 40] },
];

/** 金水 (a district), 中牟县, 登封市, 淇县 (a one-character name keeps its suffix). */
function unitPlace(county: RegionLike): string {
  const suffix = county.name.endsWith('区') ? '' : county.name.slice(-1);
  return county.short.endsWith(suffix) ? county.short : `${county.short}${suffix}`;
}

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

interface ResourceBase extends Omit<ResourceOut, 'status' | 'available' | 'updatedAt' | 'incidentId' | 'eta'> {
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
        // 金水大队 (a district), 中牟县大队, 登封市大队 (a county-level city).
        name: `${city.short}市消防救援支队${unitPlace(county)}大队`,
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

const indexCache = new WeakMap<RegionSource, Map<string, Map<string, ResourceBase>>>();
function resourceIndex(regions: RegionSource, seed: string): Map<string, ResourceBase> {
  let bySeed = indexCache.get(regions);
  if (!bySeed) {
    bySeed = new Map();
    indexCache.set(regions, bySeed);
  }
  let index = bySeed.get(seed);
  if (!index) {
    index = new Map(resourceBases(regions, seed).map((b) => [b.id, b]));
    bySeed.set(seed, index);
  }
  return index;
}

/** A team sent to an incident, and when it is expected on scene. */
interface Assignment {
  incident: IncidentOut;
  eta: number;
}

/**
 * Who goes to an incident (a dispatch plan, as a command centre would send):
 * the county's fire brigade first (its arrival is the incident's "on site"
 * milestone); the city's specialist team for mines, chemicals, floods,
 * landslides and public health; for level II and above two more brigades
 * from neighbouring counties, for level I a third, and for a level-III fire
 * one more. A team busy elsewhere is skipped for the next nearest.
 */
function dispatchPlan(regions: RegionSource, seed: string, bases: readonly ResourceBase[], inc: IncidentOut, busy: ReadonlyMap<string, Assignment>) {
  const index = resourceIndex(regions, seed);
  const at: [number, number] = [inc.lon, inc.lat];
  const dispatched = Date.parse(inc.history.find((h) => h.status === 'dispatched')?.at ?? inc.updatedAt);
  const onsite = inc.history.find((h) => h.status === 'onsite');
  const out: { base: ResourceBase; eta: number }[] = [];
  const free = (b: ResourceBase | undefined): b is ResourceBase => b !== undefined && b.kind === 'team' && !busy.has(b.id) && !out.some((o) => o.base === b);
  const run = (b: ResourceBase, extra = 0) => dispatched + Math.round((TURNOUT_MIN + extra + travelMinutes(b, at)) * 60_000);
  const first = index.get(`team-${inc.region}`);
  if (free(first)) out.push({ base: first, eta: onsite ? Date.parse(onsite.at) : run(first) });
  const city = regions.get(inc.region)?.parent ?? '';
  const wanted = ANSWERS[inc.type];
  if (wanted !== 'fire') {
    const special = index.get(`team-${city}-${wanted}`);
    // No specialist team in the city: the nearest one in the province (mine rescue from the coal belt…).
    const candidate = free(special)
      ? special
      : bases.filter((b) => b.category === wanted && free(b)).sort((a, b) => haversineKm([a.lon, a.lat], at) - haversineKm([b.lon, b.lat], at))[0];
    if (candidate) out.push({ base: candidate, eta: run(candidate, 4) });
  }
  const backups = inc.severity === 1 ? 3 : inc.severity === 2 ? 2 : inc.severity === 3 && inc.type === 'fire' ? 1 : 0;
  if (backups) {
    const near = bases
      .filter((b) => b.category === 'fire' && free(b))
      .map((b) => [b, haversineKm([b.lon, b.lat], at)] as const)
      .sort((a, b) => a[1] - b[1])
      .slice(0, backups);
    for (const [b] of near) out.push({ base: b, eta: run(b, 1) });
  }
  return out;
}

/**
 * Rescue resources as of `now`: every incident being handled (dispatched,
 * on site) has the teams of its dispatch plan (`dispatchPlan`) with their
 * expected time on scene; shelters near orange/red floods and landslides open.
 */
export function resourcesAt(regions: RegionSource, seed: string, now: number): ResourceOut[] {
  const bases = resourceBases(regions, seed);
  const active = recentIncidents(regions, seed, now, 24).filter((i) => i.status === 'dispatched' || i.status === 'onsite');
  const assigned = new Map<string, Assignment>();
  // Oldest first: a team already out stays with the incident it was sent to.
  for (const inc of active.slice().reverse()) {
    for (const { base, eta } of dispatchPlan(regions, seed, bases, inc, assigned)) assigned.set(base.id, { incident: inc, eta });
  }
  const opening = recentIncidents(regions, seed, now, 24).filter(
    (i) => i.severity <= 2 && (i.type === 'flood' || i.type === 'geological') && i.status !== 'closed',
  );
  const day = cstDay(now);
  return bases.map(({ parent, ...b }) => {
    const rng = createRng(`${seed}|resource-state|${b.id}|${day}`);
    const job = assigned.get(b.id);
    if (b.kind === 'team') {
      const out = Math.round(b.capacity * (job ? 0.5 + rng() * 0.3 : 0.05 + rng() * 0.15));
      const sentAt = job ? Date.parse(job.incident.history.find((h) => h.status === 'dispatched')?.at ?? job.incident.updatedAt) : 0;
      return {
        ...b,
        status: job ? 'dispatched' : 'standby',
        available: b.capacity - out,
        ...(job ? { incidentId: job.incident.id, eta: isoCst(job.eta) } : {}),
        updatedAt: isoCst(job ? sentAt : cstDayStart(now)),
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
  for (const a of sensorAlarms(regions, seed, now, hours)) {
    const at = Date.parse(a.at);
    const reading = `${formatReading(a.reading)}${a.unit}`;
    const limit = `${formatReading(a.threshold)}${a.unit}`;
    out.push({
      at,
      alert: {
        id: a.id,
        level: a.level,
        indicator: a.indicator,
        region: a.region,
        message: `${a.site}${a.point}${SENSOR_INDICATORS[a.indicator].zh}${reading}，超过报警阈值${limit}`,
        at: a.at,
      },
    });
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

// ── IoT sensor alarms (hazardous-chemical parks, coal mines) ───────────────

export type SensorIndicator = 'methane' | 'co' | 'gas-lel' | 'h2s' | 'nh3';

/** What a sensor measures, its unit and first-level alarm threshold (AQ 1029 coal-mine monitoring; GB/T 50493 for plants). */
export const SENSOR_INDICATORS: Record<SensorIndicator, { zh: string; en: string; unit: string; threshold: number; digits: number }> = {
  methane: { zh: '甲烷浓度', en: 'Methane', unit: '%', threshold: 1.0, digits: 2 },
  co: { zh: '一氧化碳浓度', en: 'Carbon monoxide', unit: 'ppm', threshold: 24, digits: 0 },
  'gas-lel': { zh: '可燃气体浓度', en: 'Flammable gas', unit: '%LEL', threshold: 25, digits: 0 },
  h2s: { zh: '硫化氢浓度', en: 'Hydrogen sulphide', unit: 'ppm', threshold: 10, digits: 1 },
  nh3: { zh: '氨气浓度', en: 'Ammonia', unit: 'ppm', threshold: 30, digits: 0 },
};

interface SensorSite {
  id: string;
  kind: 'chemical' | 'mine';
  name: string;
  county: string;
  indicators: readonly SensorIndicator[];
  points: readonly string[];
  /** Relative alarm frequency. */
  weight: number;
}

/** Monitored sites: chemical parks (化工园区) and coal mines (煤矿) of Henan's chemical and coal belts. */
const SENSOR_SITES: readonly SensorSite[] = [
  {
    id: 'puyang-cp',
    kind: 'chemical',
    name: '濮阳经济技术开发区化工园区',
    county: '410902',
    indicators: ['gas-lel', 'h2s', 'nh3'],
    points: ['储罐区', '装卸区', '反应车间'],
    weight: 3,
  },
  { id: 'puyang-fx', kind: 'chemical', name: '范县新区化工园区', county: '410926', indicators: ['gas-lel', 'nh3'], points: ['储罐区', '仓库'], weight: 1.5 },
  {
    id: 'hebi-bs',
    kind: 'chemical',
    name: '鹤壁宝山循环经济产业集聚区',
    county: '410611',
    indicators: ['gas-lel', 'co'],
    points: ['合成车间', '储罐区'],
    weight: 1.5,
  },
  {
    id: 'pds-nylon',
    kind: 'chemical',
    name: '平顶山尼龙新材料产业集聚区',
    county: '410403',
    indicators: ['gas-lel', 'nh3'],
    points: ['己二酸装置区', '储罐区'],
    weight: 2,
  },
  {
    id: 'jiaozuo-cp',
    kind: 'chemical',
    name: '焦作市中站区化工园区',
    county: '410803',
    indicators: ['gas-lel', 'h2s'],
    points: ['反应车间', '装卸区'],
    weight: 1.5,
  },
  {
    id: 'luoyang-pc',
    kind: 'chemical',
    name: '洛阳石化产业集聚区',
    county: '410311',
    indicators: ['gas-lel', 'h2s'],
    points: ['常减压装置区', '罐区'],
    weight: 2,
  },
  { id: 'kaifeng-fc', kind: 'chemical', name: '开封精细化工产业园', county: '410212', indicators: ['gas-lel', 'nh3'], points: ['仓库', '反应车间'], weight: 1 },
  { id: 'pds-mine-1', kind: 'mine', name: '平顶山市某煤矿', county: '410404', indicators: ['methane', 'co'], points: ['一号井工作面', '回风巷'], weight: 3 },
  { id: 'pds-mine-2', kind: 'mine', name: '汝州市某煤矿', county: '410482', indicators: ['methane', 'co'], points: ['采煤工作面', '上隅角'], weight: 1.5 },
  { id: 'hebi-mine', kind: 'mine', name: '鹤壁市某煤矿', county: '410603', indicators: ['methane', 'co'], points: ['三号井工作面', '掘进头'], weight: 2 },
  { id: 'jiaozuo-mine', kind: 'mine', name: '焦作市某煤矿', county: '410821', indicators: ['methane'], points: ['采煤工作面', '回风巷'], weight: 1.5 },
  { id: 'xinan-mine', kind: 'mine', name: '新安县某煤矿', county: '410323', indicators: ['methane', 'co'], points: ['采煤工作面', '回风巷'], weight: 1.5 },
  { id: 'yichuan-mine', kind: 'mine', name: '伊川县某煤矿', county: '410329', indicators: ['methane'], points: ['掘进工作面'], weight: 1 },
  { id: 'yima-mine', kind: 'mine', name: '义马市某煤矿', county: '411281', indicators: ['methane', 'co'], points: ['掘进工作面', '上隅角'], weight: 1.5 },
  { id: 'yongcheng-mine', kind: 'mine', name: '永城市某煤矿', county: '411481', indicators: ['methane', 'co'], points: ['综采工作面', '回风巷'], weight: 2 },
  { id: 'dengfeng-mine', kind: 'mine', name: '登封市某煤矿', county: '410185', indicators: ['methane'], points: ['采煤工作面'], weight: 1 },
  { id: 'xinmi-mine', kind: 'mine', name: '新密市某煤矿', county: '410183', indicators: ['methane', 'co'], points: ['掘进头', '回风巷'], weight: 1 },
];

export interface SensorAlarmOut {
  id: string;
  site: string;
  kind: 'chemical' | 'mine';
  point: string;
  region: string;
  indicator: SensorIndicator;
  reading: number;
  threshold: number;
  unit: string;
  /** 2 (orange) at twice the threshold, 3 (yellow) at 1.5×, else 4 (blue); red stays for level-I incidents. */
  level: 2 | 3 | 4;
  at: string;
  status: 'active' | 'cleared';
  clearedAt?: string;
}

function formatReading(v: number): string {
  return String(v);
}

/**
 * Sensor alarms of the last `hours` (about one an hour province-wide), newest
 * first, with the reading against the site's alarm threshold; an alarm clears
 * 10–70 minutes later. Sites outside the region table are skipped.
 */
export function sensorAlarms(regions: RegionSource, seed: string, now: number, hours = 24, within?: (code: string) => boolean): SensorAlarmOut[] {
  const sites = SENSOR_SITES.filter((site) => regions.get(site.county));
  if (!sites.length) return [];
  const out: SensorAlarmOut[] = [];
  for (let h = Math.floor((now - hours * HOUR) / HOUR); h <= Math.floor(now / HOUR); h++) {
    const rng = createRng(`${seed}|sensor|${h}`);
    const n = poisson(rng, 1.1);
    for (let k = 0; k < n; k++) {
      const at = h * HOUR + Math.floor(rng() * HOUR);
      const site = pickWeighted(
        rng,
        sites.map((x) => [x, x.weight] as const),
      );
      const indicator = pick(rng, site.indicators);
      const def = SENSOR_INDICATORS[indicator];
      const ratio = rng() < 0.05 ? 2 + rng() * 0.6 : rng() < 0.3 ? 1.5 + rng() * 0.45 : 1.02 + rng() * 0.45;
      const reading = round(def.threshold * ratio, def.digits);
      const level = (ratio >= 2 ? 2 : ratio >= 1.5 ? 3 : 4) as 2 | 3 | 4;
      const clearedAt = at + Math.round((10 + rng() * 60) * 60_000);
      const point = pick(rng, site.points);
      if (at > now || at <= now - hours * HOUR || (within && !within(site.county))) continue;
      out.push({
        id: `sensor-${h}-${k}`,
        site: site.name,
        kind: site.kind,
        point,
        region: site.county,
        indicator,
        reading,
        threshold: def.threshold,
        unit: def.unit,
        level,
        at: isoCst(at),
        status: clearedAt <= now ? 'cleared' : 'active',
        ...(clearedAt <= now ? { clearedAt: isoCst(clearedAt) } : {}),
      });
    }
  }
  return out.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

// ── Incidents per hour, response times ─────────────────────────────────────

/** Incidents reported per clock hour for the last `hours` (t = "YYYY-MM-DDTHH"), with the same hour a day earlier as `prior`. */
export function incidentsHourly(regions: RegionSource, seed: string, now: number, region = '410000', hours = 24): (SeriesOut & { prior: number })[] {
  const inside = withinFn(regions, region);
  const current = Math.floor(now / HOUR) * HOUR;
  const count = (from: number, to: number) => incidentBirths(regions, seed, from - 1, Math.min(to, now) - 1).filter((b) => inside(b.region)).length;
  const out: (SeriesOut & { prior: number })[] = [];
  for (let i = hours - 1; i >= 0; i--) {
    const start = current - i * HOUR;
    out.push({
      series: 'incidents',
      name: '事件数',
      nameEn: 'Incidents',
      region,
      t: cstHour(start),
      value: count(start, start + HOUR),
      unit: '起',
      prior: count(start - DAY, Math.min(start + HOUR, now) - DAY),
    });
  }
  return out;
}

/** Response targets by level, minutes (demo values in the spirit of the province's emergency plans). */
export const RESPONSE_TARGETS: Record<1 | 2 | 3 | 4, { dispatch: number; scene: number }> = {
  1: { dispatch: 2, scene: 15 },
  2: { dispatch: 3, scene: 20 },
  3: { dispatch: 5, scene: 25 },
  4: { dispatch: 5, scene: 30 },
};

export interface ResponseTimeOut {
  level: 1 | 2 | 3 | 4;
  /** Incidents with a dispatch in the window. */
  count: number;
  /** Mean minutes from the report to the dispatch order. */
  dispatchMinutes: number | null;
  /** Mean minutes from the report to the first unit on scene. */
  sceneMinutes: number | null;
  dispatchTarget: number;
  sceneTarget: number;
  /** Share of incidents on scene within the target, %. */
  onTarget: number | null;
  period: string;
}

/** Mean time to dispatch and to scene by level over the last `days` (7), against the targets. */
export function responseTimes(regions: RegionSource, seed: string, now: number, region = '410000', days = 7): ResponseTimeOut[] {
  const inside = withinFn(regions, region);
  const births = incidentBirths(regions, seed, now - days * DAY, now).filter((b) => inside(b.region));
  const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 1) : null);
  return ([1, 2, 3, 4] as const).map((level) => {
    const mine = births.filter((b) => b.severity === level);
    const dispatch = mine.filter((b) => b.milestones[0] <= now).map((b) => (b.milestones[0] - b.reportedAt) / 60_000);
    const scene = mine.filter((b) => b.milestones[1] <= now).map((b) => (b.milestones[1] - b.reportedAt) / 60_000);
    const target = RESPONSE_TARGETS[level];
    return {
      level,
      count: dispatch.length,
      dispatchMinutes: mean(dispatch),
      sceneMinutes: mean(scene),
      dispatchTarget: target.dispatch,
      sceneTarget: target.scene,
      onTarget: scene.length ? round((scene.filter((m) => m <= target.scene).length / scene.length) * 100, 1) : null,
      period: `${cstDay(now - days * DAY + 1)}/${cstDay(now)}`,
    };
  });
}
