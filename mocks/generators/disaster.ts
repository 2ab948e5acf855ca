import { createRng, gaussian, poisson } from '../../src/lib/random.ts';
import { type AlertOut, cstDay, cstDayStart, cstParts, DAY, HOUR, type IncidentCore, isoCst, type KpiOut, type RegionSource } from './emergency.ts';
import { childrenOrSiblings, countiesOf, type DomainRoute, intParam, PROVINCE, regionalRoute, round, withinRegion } from './fire.ts';
import type { RegionLike } from './regions.ts';

/**
 * Seeded natural-disaster and hydrology data (自然灾害与水情): rainfall by
 * county from moving rain systems (Henan's climate: ~10 mm in January,
 * ~160 mm in July), river gauges on the Yellow River, the Huai and their
 * tributaries against warning and guaranteed levels, the large reservoirs
 * against their flood-limit levels (汛限水位, in force 1 June – 30 September),
 * geological-hazard points warned by rain, and weather / earthquake /
 * geological-risk warnings in the four colours. Pure functions of (seed,
 * time); Node-safe (erasable TS only). Levels are in metres above datum and
 * approximate the published figures closely enough for a demo, no more.
 */

/** Mean monthly precipitation in Henan, mm (Jan…Dec). */
const MONTHLY_MM = [11, 17, 35, 45, 68, 92, 162, 128, 70, 45, 28, 12];

/** Calibration: systems per 6-hour block at 60 mm a month, and a typical peak rate (mm/h); fitted so monthly areal rain matches MONTHLY_MM. */
const RAIN_SYSTEMS = 0.3;
const RAIN_PEAK = 1.0;

const BBOX = { lon: [110.4, 116.6], lat: [31.4, 36.3] } as const;

interface RainSystem {
  lon: number;
  lat: number;
  /** Degrees per hour it moves (mostly west to east). */
  dLon: number;
  dLat: number;
  radius: number;
  /** Peak rain rate at the centre, mm/h. */
  peak: number;
  start: number;
  hours: number;
}

const blockCache = new Map<string, RainSystem[]>();
/** Rain systems born in one 6-hour block (cached). */
function systemsOfBlock(seed: string, block: number): RainSystem[] {
  const key = `${seed}|${block}`;
  let list = blockCache.get(key);
  if (!list) {
    list = generateBlock(seed, block);
    if (blockCache.size > 2000) blockCache.clear();
    blockCache.set(key, list);
  }
  return list;
}

function generateBlock(seed: string, block: number): RainSystem[] {
  const start = block * 6 * HOUR;
  const m = cstParts(start).m;
  const rng = createRng(`${seed}|rain-systems|${block}`);
  const wetness = (MONTHLY_MM[m - 1] ?? 40) / 60;
  const out: RainSystem[] = [];
  // As many systems as the month is wet; summer cells are more intense (convective), winter ones light and wide.
  const n = poisson(rng, RAIN_SYSTEMS * wetness);
  const intensity = 0.5 + 0.5 * Math.min(2.7, wetness);
  for (let i = 0; i < n; i++) {
    // The south (Huai basin) is wetter: bias the centre southwards.
    const lat = BBOX.lat[0] + (BBOX.lat[1] - BBOX.lat[0]) * rng() ** 1.4;
    out.push({
      lon: BBOX.lon[0] - 0.8 + (BBOX.lon[1] - BBOX.lon[0]) * rng(),
      lat,
      dLon: 0.08 + rng() * 0.12,
      dLat: (rng() - 0.4) * 0.06,
      radius: 0.5 + rng() * 1.1,
      peak: RAIN_PEAK * intensity * (0.4 + rng() * 1.6) * (rng() < 0.06 ? 4 : 1),
      start: start + Math.floor(rng() * 6 * HOUR),
      hours: 6 + Math.floor(rng() * 18),
    });
  }
  return out;
}

/** Rain (mm) at a point during one hour. */
function rainInHour(seed: string, hourIndex: number, lon: number, lat: number): number {
  const t = hourIndex * HOUR;
  let mm = 0;
  for (let b = Math.floor((t - 30 * HOUR) / (6 * HOUR)); b <= Math.floor(t / (6 * HOUR)); b++) {
    for (const s of systemsOfBlock(seed, b)) {
      const age = (t - s.start) / HOUR;
      if (age < 0 || age > s.hours) continue;
      const life = Math.sin((Math.PI * age) / s.hours);
      const cx = s.lon + s.dLon * age;
      const cy = s.lat + s.dLat * age;
      const d2 = ((lon - cx) ** 2 + (lat - cy) ** 2) / (s.radius * s.radius);
      mm += s.peak * life * Math.exp(-d2);
    }
  }
  return mm < 0.05 ? 0 : mm;
}

const hourCache = new Map<string, Map<string, number>>();
/** Rain per county during one hour (cached: a few hours are asked again and again). */
function countyRainHour(regions: RegionSource, seed: string, hourIndex: number): Map<string, number> {
  const key = `${seed}|${regions.entries.length}|${hourIndex}`;
  let m = hourCache.get(key);
  if (!m) {
    m = new Map();
    for (const c of countiesOf(regions)) {
      const rng = createRng(`${seed}|rain-noise|${c.code}|${hourIndex}`);
      const v = rainInHour(seed, hourIndex, c.label[0], c.label[1]);
      m.set(c.code, v > 0 ? v * Math.exp(gaussian(rng) * 0.25) : 0);
    }
    if (hourCache.size > 400) hourCache.clear();
    hourCache.set(key, m);
  }
  return m;
}

const windowCache = new Map<string, Map<string, number>>();
/** Rain per county over the last `hours` complete and current hours up to `now`, mm (cached per minute). */
export function countyRain(regions: RegionSource, seed: string, now: number, hours: number): Map<string, number> {
  const key = `${seed}|${regions.entries.length}|${Math.floor(now / 60_000)}|${hours}`;
  let m = windowCache.get(key);
  if (!m) {
    m = sumRain(regions, seed, now, hours);
    if (windowCache.size > 200) windowCache.clear();
    windowCache.set(key, m);
  }
  return m;
}

function sumRain(regions: RegionSource, seed: string, now: number, hours: number): Map<string, number> {
  const out = new Map<string, number>();
  const last = Math.floor(now / HOUR);
  for (let h = last - hours + 1; h <= last; h++) {
    const frac = h === last ? (now - h * HOUR) / HOUR : 1;
    for (const [code, v] of countyRainHour(regions, seed, h)) out.set(code, (out.get(code) ?? 0) + v * frac);
  }
  return out;
}

export const RAIN_WINDOWS = [
  { id: 'rain1h', hours: 1 },
  { id: 'rain3h', hours: 3 },
  { id: 'rain24h', hours: 24 },
] as const;

/** Rainfall per child region in the 1, 3 and 24 h windows (mm): a county's own, a city's areal mean over its counties. */
export function rainByRegion(
  regions: RegionSource,
  seed: string,
  now: number,
  region = PROVINCE,
): { code: string; indicator: string; value: number; unit: string; period: string }[] {
  const kids = childrenOrSiblings(regions, region);
  const counties = countiesOf(regions);
  const out: { code: string; indicator: string; value: number; unit: string; period: string }[] = [];
  const period = `${cstDay(now)}T${String(cstParts(now).h).padStart(2, '0')}`;
  for (const w of RAIN_WINDOWS) {
    const rain = countyRain(regions, seed, now, w.hours);
    for (const k of kids) {
      const inside = withinRegion(regions, k.code);
      const mine = counties.filter((c) => inside(c.code));
      const v = mine.length ? mine.reduce((s, c) => s + (rain.get(c.code) ?? 0), 0) / mine.length : (rain.get(k.code) ?? 0);
      out.push({ code: k.code, indicator: w.id, value: round(v, 1), unit: 'mm', period });
    }
  }
  return out;
}

// ── Hydrology ───────────────────────────────────────────────────────────────

interface GaugeDef {
  id: string;
  name: string;
  nameEn: string;
  water: string;
  waterEn: string;
  region: string;
  lon: number;
  lat: number;
  warning: number;
  guaranteed: number;
  /** Typical level in the dry season (Dec–Feb), m. */
  low: number;
  /** How far a wet season lifts it, m. */
  swing: number;
}

/** Main river gauges (approximate levels, m). */
export const GAUGES: readonly GaugeDef[] = [
  {
    id: 'huayuankou',
    name: '花园口',
    nameEn: 'Huayuankou',
    water: '黄河',
    waterEn: 'Yellow River',
    region: '410108',
    lon: 113.66,
    lat: 34.91,
    warning: 93.85,
    guaranteed: 95.6,
    low: 89.9,
    swing: 3.1,
  },
  {
    id: 'jiahetan',
    name: '夹河滩',
    nameEn: 'Jiahetan',
    water: '黄河',
    waterEn: 'Yellow River',
    region: '410225',
    lon: 114.56,
    lat: 34.9,
    warning: 75.2,
    guaranteed: 77.1,
    low: 71.6,
    swing: 2.8,
  },
  {
    id: 'gaocun',
    name: '高村',
    nameEn: 'Gaocun',
    water: '黄河',
    waterEn: 'Yellow River',
    region: '410928',
    lon: 115.08,
    lat: 35.38,
    warning: 61.8,
    guaranteed: 63.6,
    low: 58.3,
    swing: 2.6,
  },
  {
    id: 'baimasi',
    name: '白马寺',
    nameEn: 'Baimasi',
    water: '洛河',
    waterEn: 'Luo River',
    region: '410307',
    lon: 112.6,
    lat: 34.72,
    warning: 118.9,
    guaranteed: 120.5,
    low: 114.2,
    swing: 3.4,
  },
  {
    id: 'longmenzhen',
    name: '龙门镇',
    nameEn: 'Longmenzhen',
    water: '伊河',
    waterEn: 'Yi River',
    region: '410311',
    lon: 112.47,
    lat: 34.55,
    warning: 151.2,
    guaranteed: 153.0,
    low: 147.1,
    swing: 2.9,
  },
  {
    id: 'wuzhi',
    name: '武陟',
    nameEn: 'Wuzhi',
    water: '沁河',
    waterEn: 'Qin River',
    region: '410823',
    lon: 113.39,
    lat: 35.1,
    warning: 105.3,
    guaranteed: 107.8,
    low: 101.2,
    swing: 3.0,
  },
  {
    id: 'qimen',
    name: '淇门',
    nameEn: 'Qimen',
    water: '卫河',
    waterEn: 'Wei River',
    region: '410621',
    lon: 114.3,
    lat: 35.6,
    warning: 64.0,
    guaranteed: 66.4,
    low: 59.4,
    swing: 3.6,
  },
  {
    id: 'xixian',
    name: '息县',
    nameEn: 'Xixian',
    water: '淮河',
    waterEn: 'Huai River',
    region: '411528',
    lon: 114.74,
    lat: 32.34,
    warning: 41.5,
    guaranteed: 43.8,
    low: 34.6,
    swing: 5.6,
  },
  {
    id: 'huaibin',
    name: '淮滨',
    nameEn: 'Huaibin',
    water: '淮河',
    waterEn: 'Huai River',
    region: '411527',
    lon: 115.42,
    lat: 32.44,
    warning: 29.0,
    guaranteed: 30.5,
    low: 22.9,
    swing: 5.2,
  },
  {
    id: 'zhoukou',
    name: '周口',
    nameEn: 'Zhoukou',
    water: '沙颍河',
    waterEn: 'Shaying River',
    region: '411602',
    lon: 114.65,
    lat: 33.62,
    warning: 46.5,
    guaranteed: 48.2,
    low: 41.7,
    swing: 3.9,
  },
  {
    id: 'luohe',
    name: '漯河',
    nameEn: 'Luohe',
    water: '沙河',
    waterEn: 'Sha River',
    region: '411102',
    lon: 114.01,
    lat: 33.58,
    warning: 59.5,
    guaranteed: 61.6,
    low: 54.5,
    swing: 4.0,
  },
  {
    id: 'bantai',
    name: '班台',
    nameEn: 'Bantai',
    water: '洪汝河',
    waterEn: 'Hongru River',
    region: '411729',
    lon: 115.26,
    lat: 32.74,
    warning: 33.5,
    guaranteed: 35.6,
    low: 28.3,
    swing: 4.6,
  },
  {
    id: 'nanyang',
    name: '南阳',
    nameEn: 'Nanyang',
    water: '白河',
    waterEn: 'Bai River',
    region: '411302',
    lon: 112.55,
    lat: 33.0,
    warning: 110.2,
    guaranteed: 112.0,
    low: 105.9,
    swing: 3.2,
  },
  {
    id: 'guotan',
    name: '郭滩',
    nameEn: 'Guotan',
    water: '唐河',
    waterEn: 'Tang River',
    region: '411328',
    lon: 112.83,
    lat: 32.69,
    warning: 95.5,
    guaranteed: 97.6,
    low: 90.2,
    swing: 3.9,
  },
];

interface ReservoirDef {
  id: string;
  name: string;
  nameEn: string;
  water: string;
  waterEn: string;
  region: string;
  lon: number;
  lat: number;
  floodLimit: number;
  normal: number;
  /** Design flood level (设计洪水位), the top of the bar. */
  design: number;
  /** Level at the end of the dry season, m; the reservoir is drawn down before the flood season and refilled after it. */
  low: number;
}

export const RESERVOIRS: readonly ReservoirDef[] = [
  {
    id: 'xiaolangdi',
    name: '小浪底',
    nameEn: 'Xiaolangdi',
    water: '黄河',
    waterEn: 'Yellow River',
    region: '410308',
    lon: 112.4,
    lat: 34.93,
    floodLimit: 235,
    normal: 275,
    design: 274,
    low: 238,
  },
  {
    id: 'sanmenxia',
    name: '三门峡',
    nameEn: 'Sanmenxia',
    water: '黄河',
    waterEn: 'Yellow River',
    region: '411203',
    lon: 111.34,
    lat: 34.83,
    floodLimit: 305,
    normal: 318,
    design: 335,
    low: 306,
  },
  {
    id: 'luhun',
    name: '陆浑',
    nameEn: 'Luhun',
    water: '伊河',
    waterEn: 'Yi River',
    region: '410325',
    lon: 112.18,
    lat: 34.2,
    floodLimit: 317.5,
    normal: 319.5,
    design: 327.5,
    low: 313.2,
  },
  {
    id: 'hekoucun',
    name: '河口村',
    nameEn: 'Hekoucun',
    water: '沁河',
    waterEn: 'Qin River',
    region: '419001',
    lon: 112.67,
    lat: 35.18,
    floodLimit: 238,
    normal: 275,
    design: 285.4,
    low: 240,
  },
  {
    id: 'yahekou',
    name: '鸭河口',
    nameEn: 'Yahekou',
    water: '白河',
    waterEn: 'Bai River',
    region: '411321',
    lon: 112.65,
    lat: 33.3,
    floodLimit: 175.7,
    normal: 177.0,
    design: 179.8,
    low: 172.6,
  },
  {
    id: 'zhaopingtai',
    name: '昭平台',
    nameEn: 'Zhaopingtai',
    water: '沙河',
    waterEn: 'Sha River',
    region: '410423',
    lon: 112.77,
    lat: 33.72,
    floodLimit: 174.0,
    normal: 177.0,
    design: 181.5,
    low: 171.2,
  },
  {
    id: 'baiguishan',
    name: '白龟山',
    nameEn: 'Baiguishan',
    water: '沙河',
    waterEn: 'Sha River',
    region: '410402',
    lon: 113.24,
    lat: 33.7,
    floodLimit: 101.0,
    normal: 103.0,
    design: 106.2,
    low: 99.1,
  },
  {
    id: 'shimantan',
    name: '石漫滩',
    nameEn: 'Shimantan',
    water: '滚河',
    waterEn: 'Gun River',
    region: '410481',
    lon: 113.55,
    lat: 33.26,
    floodLimit: 106.0,
    normal: 107.0,
    design: 110.9,
    low: 104.1,
  },
  {
    id: 'banqiao',
    name: '板桥',
    nameEn: 'Banqiao',
    water: '汝河',
    waterEn: 'Ru River',
    region: '411726',
    lon: 113.62,
    lat: 32.99,
    floodLimit: 110.0,
    normal: 111.5,
    design: 117.5,
    low: 107.6,
  },
  {
    id: 'suyahu',
    name: '宿鸭湖',
    nameEn: 'Suyahu',
    water: '汝河',
    waterEn: 'Ru River',
    region: '411727',
    lon: 114.23,
    lat: 32.98,
    floodLimit: 52.5,
    normal: 53.0,
    design: 57.4,
    low: 51.2,
  },
  {
    id: 'boshan',
    name: '薄山',
    nameEn: 'Boshan',
    water: '臻头河',
    waterEn: 'Zhentou River',
    region: '411725',
    lon: 114.08,
    lat: 32.82,
    floodLimit: 115.0,
    normal: 116.6,
    design: 120.4,
    low: 112.9,
  },
  {
    id: 'nanwan',
    name: '南湾',
    nameEn: 'Nanwan',
    water: '浉河',
    waterEn: 'Shi River',
    region: '411502',
    lon: 113.99,
    lat: 32.1,
    floodLimit: 103.5,
    normal: 104.0,
    design: 108.1,
    low: 101.3,
  },
  {
    id: 'chushandian',
    name: '出山店',
    nameEn: 'Chushandian',
    water: '淮河',
    waterEn: 'Huai River',
    region: '411503',
    lon: 113.87,
    lat: 32.22,
    floodLimit: 88.0,
    normal: 88.0,
    design: 95.8,
    low: 85.6,
  },
];

/** Flood season in Henan: 1 June – 30 September. */
export function inFloodSeason(now: number): boolean {
  const m = cstParts(now).m;
  return m >= 6 && m <= 9;
}

/** Wet-season lift of a river, 0…1 by day of year (peaking in late July), plus recent rain near the gauge. */
function seasonalLift(now: number): number {
  const p = cstParts(now);
  const doy = (Date.UTC(p.y, p.m - 1, p.d) - Date.UTC(p.y, 0, 1)) / DAY;
  return Math.max(0, Math.cos((2 * Math.PI * (doy - 205)) / 365)) ** 1.6;
}

export interface WaterLevelOut {
  id: string;
  name: string;
  nameEn: string;
  kind: 'river' | 'reservoir';
  water: string;
  waterEn: string;
  region: string;
  lon: number;
  lat: number;
  level: number;
  unit: 'm';
  warning?: number;
  guaranteed?: number;
  floodLimit?: number;
  normalPool?: number;
  design?: number;
  floodSeason?: boolean;
  /** Change over the last 6 hours, m. */
  change6h: number;
  at: string;
}

function rainNear(regions: RegionSource, seed: string, now: number, code: string, hours: number): number {
  const rain = countyRain(regions, seed, now, hours);
  const self = regions.get(code);
  const city = self?.parent ?? code;
  const inside = withinRegion(regions, city);
  const list = [...rain.entries()].filter(([c]) => inside(c));
  return list.length ? list.reduce((s, [, v]) => s + v, 0) / list.length : 0;
}

function gaugeLevel(regions: RegionSource, seed: string, g: GaugeDef, t: number): number {
  const rng = createRng(`${seed}|gauge|${g.id}|${cstDay(t)}`);
  const rain = rainNear(regions, seed, t, g.region, 72);
  return g.low + g.swing * seasonalLift(t) + Math.min(g.swing * 1.4, rain * 0.018) + gaussian(rng) * 0.12;
}

function reservoirLevel(regions: RegionSource, seed: string, r: ReservoirDef, t: number): number {
  const p = cstParts(t);
  const rng = createRng(`${seed}|reservoir|${r.id}|${cstDay(t)}`);
  const rain = rainNear(regions, seed, t, r.region, 72);
  // Drawn down to near the flood limit by June, held there through the season, refilled towards the normal pool after it.
  const refill = p.m >= 10 ? (p.m - 9) / 4 : p.m <= 5 ? Math.max(0, 1 - (p.m - 1) / 5) : 0;
  const target = p.m >= 6 && p.m <= 9 ? r.floodLimit - 0.6 : r.low + (r.normal - 0.5 - r.low) * Math.min(1, refill);
  return target + Math.min(2.5, rain * 0.01) + gaussian(rng) * 0.08;
}

/** River gauges and reservoirs inside `region` at `now` (`kind` filters). */
export function waterLevels(regions: RegionSource, seed: string, now: number, region = PROVINCE, kind?: 'river' | 'reservoir'): WaterLevelOut[] {
  const inside = withinRegion(regions, region);
  const at = isoCst(Math.floor(now / HOUR) * HOUR);
  const out: WaterLevelOut[] = [];
  if (kind !== 'reservoir') {
    for (const g of GAUGES) {
      if (!inside(g.region)) continue;
      const level = gaugeLevel(regions, seed, g, now);
      const before = gaugeLevel(regions, seed, g, now - 6 * HOUR);
      out.push({
        id: `gauge-${g.id}`,
        name: g.name,
        nameEn: g.nameEn,
        kind: 'river',
        water: g.water,
        waterEn: g.waterEn,
        region: g.region,
        lon: g.lon,
        lat: g.lat,
        level: round(level, 2),
        unit: 'm',
        warning: g.warning,
        guaranteed: g.guaranteed,
        change6h: round(level - before, 2),
        at,
      });
    }
  }
  if (kind !== 'river') {
    for (const r of RESERVOIRS) {
      if (!inside(r.region)) continue;
      const level = reservoirLevel(regions, seed, r, now);
      const before = reservoirLevel(regions, seed, r, now - 6 * HOUR);
      out.push({
        id: `reservoir-${r.id}`,
        name: `${r.name}水库`,
        nameEn: `${r.nameEn} Reservoir`,
        kind: 'reservoir',
        water: r.water,
        waterEn: r.waterEn,
        region: r.region,
        lon: r.lon,
        lat: r.lat,
        level: round(level, 2),
        unit: 'm',
        floodLimit: r.floodLimit,
        normalPool: r.normal,
        design: r.design,
        floodSeason: inFloodSeason(now),
        change6h: round(level - before, 2),
        at,
      });
    }
  }
  return out;
}

// ── Geological hazards ──────────────────────────────────────────────────────

/** Mountain counties with many monitored hazard points (滑坡, 崩塌, 泥石流, 地面塌陷). */
const HAZARD_COUNTIES = [
  '410324',
  '410325',
  '410326',
  '410327',
  '410323',
  '411224',
  '411282',
  '411221',
  '411323',
  '411326',
  '411325',
  '411321',
  '410581',
  '410782',
  '410185',
  '410183',
  '410423',
  '411523',
  '411524',
  '411521',
  '419001',
  '410482',
];
const HAZARD_KINDS = ['滑坡', '崩塌', '泥石流', '地面塌陷', '不稳定斜坡'] as const;
const VILLAGES = ['石门', '大坪', '柳树沟', '白土岭', '黄柏', '马家岭', '上河', '杨树坪', '龙王庙', '青岗', '南沟', '北岭', '栗子坪', '老君'];

export interface HazardOut extends IncidentCore {
  type: 'geological';
}

/**
 * Monitored geological-hazard points with a warning in force at `now`: a point
 * is warned when the rain of the last 24 h over its county passes 25 / 50 /
 * 80 / 120 mm (blue … red), or — a few a week, rain or not — when its
 * displacement sensor trips (blue or yellow). Unwarned points are not listed.
 */
export function hazardWarnings(regions: RegionSource, seed: string, now: number, region = PROVINCE): HazardOut[] {
  const inside = withinRegion(regions, region);
  const rain = countyRain(regions, seed, now, 24);
  const day = cstDay(now);
  const out: HazardOut[] = [];
  for (const code of HAZARD_COUNTIES) {
    const county = regions.get(code);
    if (!county || !inside(code)) continue;
    const mm = rain.get(code) ?? 0;
    const rng = createRng(`${seed}|hazard-points|${code}`);
    const points = 3 + Math.floor(rng() * 4);
    for (let i = 0; i < points; i++) {
      const kind = HAZARD_KINDS[Math.floor(rng() * HAZARD_KINDS.length)] ?? '滑坡';
      const village = VILLAGES[Math.floor(rng() * VILLAGES.length)] ?? '石门';
      const lon = round(county.label[0] + (rng() - 0.5) * 0.16, 4);
      const lat = round(county.label[1] + (rng() - 0.5) * 0.12, 4);
      const sensitivity = 0.7 + rng() * 0.6;
      const eff = mm * sensitivity;
      const sensorRng = createRng(`${seed}|hazard-sensor|${code}|${i}|${day}`);
      const sensor = sensorRng() < 0.05;
      const severity: 1 | 2 | 3 | 4 | 0 = eff >= 120 ? 1 : eff >= 80 ? 2 : eff >= 50 ? 3 : eff >= 25 ? 4 : sensor ? (sensorRng() < 0.3 ? 3 : 4) : 0;
      if (!severity) continue;
      const cause = eff >= 25 ? `24小时降雨${round(mm, 0)}毫米` : '位移监测超阈值';
      const since = cstDayStart(now) + Math.floor(sensorRng() * Math.max(1, now - cstDayStart(now)));
      out.push({
        id: `hazard-${code}-${i}`,
        type: 'geological',
        severity,
        title: `${county.name}${village}村${kind}隐患点 · ${cause}`,
        region: code,
        lon,
        lat,
        reportedAt: isoCst(Math.min(since, now)),
        updatedAt: isoCst(Math.min(since, now)),
        status: severity <= 2 ? 'onsite' : 'reported',
      });
    }
  }
  return out.sort((a, b) => a.severity - b.severity || b.reportedAt.localeCompare(a.reportedAt));
}

// ── Warnings ────────────────────────────────────────────────────────────────

const COLOURS = ['红色', '橙色', '黄色', '蓝色'] as const;
const SEASONAL_WX: Record<'summer' | 'winter' | 'mid', readonly (readonly [string, string, number])[]> = {
  summer: [
    ['heat', '高温', 0.25],
    ['thunder', '雷暴大风', 0.2],
    ['hail', '冰雹', 0.04],
  ],
  winter: [
    ['cold-wave', '寒潮', 0.12],
    ['fog', '大雾', 0.25],
    ['haze', '霾', 0.18],
    ['icing', '道路结冰', 0.1],
    ['snow', '暴雪', 0.05],
    ['gale', '大风', 0.12],
  ],
  mid: [
    ['gale', '大风', 0.2],
    ['fog', '大雾', 0.15],
    ['forest-fire', '森林火险', 0.12],
    ['dust', '沙尘', 0.04],
  ],
};
function seasonOf(m: number): 'summer' | 'winter' | 'mid' {
  return m >= 6 && m <= 9 ? 'summer' : m === 12 || m <= 2 ? 'winter' : 'mid';
}

/** Places where small earthquakes are recorded in and around Henan. */
const QUAKE_PLACES = [
  { region: '411203', place: '三门峡市陕州区' },
  { region: '419001', place: '济源市' },
  { region: '410522', place: '安阳市安阳县' },
  { region: '410581', place: '林州市' },
  { region: '411224', place: '卢氏县' },
  { region: '410928', place: '濮阳县' },
  { region: '411526', place: '潢川县' },
  { region: '410327', place: '宜阳县' },
];

/** A warning in the alert contract's shape. */
export type WarningOut = AlertOut;

/** Warnings in force / issued in the last `hours`: rainstorm (from the rain), seasonal weather, geological risk, earthquakes. */
export function disasterWarnings(regions: RegionSource, seed: string, now: number, region = PROVINCE, hours = 24): WarningOut[] {
  const inside = withinRegion(regions, region);
  const out: WarningOut[] = [];
  const cities = regions.entries.filter((e) => e.level === 'city');
  const rain = countyRain(regions, seed, now, 24);
  const rain6 = countyRain(regions, seed, now, 6);
  const counties = countiesOf(regions);
  for (const city of cities) {
    const inCity = withinRegion(regions, city.code);
    const mine = counties.filter((c) => inCity(c.code));
    const max24 = Math.max(0, ...mine.map((c) => rain.get(c.code) ?? 0));
    const max6 = Math.max(0, ...mine.map((c) => rain6.get(c.code) ?? 0));
    // GB/T 27962 thresholds: blue 50 mm/12 h, yellow 50 mm/6 h, orange 50 mm/3 h, red 100 mm/3 h — approximated on 6 h and 24 h sums.
    const level: 0 | 1 | 2 | 3 | 4 = max6 >= 100 ? 1 : max6 >= 70 ? 2 : max6 >= 50 ? 3 : max24 >= 50 ? 4 : 0;
    if (level && inside(city.code))
      out.push({
        id: `dz-rain-${city.code}-${cstDay(now)}`,
        level,
        indicator: 'rainstorm',
        region: city.code,
        message: `${city.name}气象台发布暴雨${COLOURS[level - 1]}预警：预计未来6小时降雨量将达${level <= 2 ? 100 : 50}毫米以上`,
        at: isoCst(now - Math.floor(createRng(`${seed}|rain-wx|${city.code}`)() * 3 * HOUR)),
      });
    const geo = max24 >= 50 ? (max24 >= 100 ? 2 : 3) : 0;
    if (geo && inside(city.code))
      out.push({
        id: `dz-geo-${city.code}-${cstDay(now)}`,
        level: geo,
        indicator: 'geo-risk',
        region: city.code,
        message: `${city.name}地质灾害气象风险${COLOURS[geo - 1]}预警：山区滑坡、崩塌风险${geo === 2 ? '高' : '较高'}`,
        at: isoCst(now - 2 * HOUR),
      });
  }
  const season = seasonOf(cstParts(now).m);
  for (let dayStart = cstDayStart(now - hours * HOUR); dayStart <= now; dayStart += DAY) {
    const day = cstDay(dayStart);
    for (const city of cities) {
      if (!inside(city.code)) continue;
      const rng = createRng(`${seed}|dz-wx|${city.code}|${day}`);
      for (const [key, name, p] of SEASONAL_WX[season]) {
        if (rng() >= p) continue;
        const r = rng();
        // Most warnings are blue or yellow; red (level I) a few times a year province-wide.
        const level = (r < 0.004 ? 1 : r < 0.07 ? 2 : r < 0.45 ? 3 : 4) as 1 | 2 | 3 | 4;
        const at = dayStart + Math.floor(rng() * DAY);
        if (at > now || at < now - hours * HOUR) continue;
        out.push({
          id: `dz-wx-${key}-${city.code}-${day}`,
          level,
          indicator: key,
          region: city.code,
          message: `${city.name}气象台发布${name}${COLOURS[level - 1]}预警`,
          at: isoCst(at),
        });
      }
    }
    const qrng = createRng(`${seed}|quakes|${day}`);
    if (qrng() < 0.18) {
      const q = QUAKE_PLACES[Math.floor(qrng() * QUAKE_PLACES.length)] ?? QUAKE_PLACES[0];
      const mag = round(2.6 + qrng() ** 2.2 * 2.4, 1);
      const depth = 6 + Math.floor(qrng() * 14);
      const at = dayStart + Math.floor(qrng() * DAY);
      if (q && at <= now && at >= now - hours * HOUR && regions.get(q.region) && inside(q.region))
        out.push({
          id: `dz-quake-${day}`,
          level: mag >= 4.5 ? 2 : mag >= 3.5 ? 3 : 4,
          indicator: 'earthquake',
          region: q.region,
          message: `中国地震台网正式测定：${q.place}发生${mag}级地震，震源深度${depth}千米`,
          at: isoCst(at),
        });
    }
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}

// ── Headline figures ────────────────────────────────────────────────────────

export function disasterKpis(regions: RegionSource, seed: string, now: number, region = PROVINCE): KpiOut[] {
  const inside = withinRegion(regions, region);
  const rain = countyRain(regions, seed, now, 24);
  const mine = countiesOf(regions).filter((c) => inside(c.code));
  let top: RegionLike | undefined;
  for (const c of mine) if (!top || (rain.get(c.code) ?? 0) > (rain.get(top.code) ?? 0)) top = c;
  const levels = waterLevels(regions, seed, now, region);
  const overWarning = levels.filter((l) => l.warning !== undefined && l.level > l.warning).length;
  const overLimit = levels.filter((l) => l.floodLimit !== undefined && l.floodSeason && l.level > l.floodLimit).length;
  const hazards = hazardWarnings(regions, seed, now, region).length;
  const warnings = disasterWarnings(regions, seed, now, region).length;
  const period = cstDay(now);
  const base = { region, period, yoy: null, mom: null, spark: [], source: '省水利厅、气象局、自然资源厅（演示）' };
  return [
    { ...base, id: 'rain-max-24h', name: '24小时最大降雨', nameEn: 'Max rain, 24 h', value: top ? round(rain.get(top.code) ?? 0, 1) : null, unit: 'mm' },
    {
      ...base,
      id: 'rain-mean-24h',
      name: '24小时面雨量',
      nameEn: 'Areal rain, 24 h',
      value: mine.length ? round(mine.reduce((s, c) => s + (rain.get(c.code) ?? 0), 0) / mine.length, 1) : null,
      unit: 'mm',
    },
    { ...base, id: 'gauges-over-warning', name: '超警戒水位站', nameEn: 'Gauges above warning', value: overWarning, unit: '个' },
    { ...base, id: 'reservoirs-over-limit', name: '超汛限水库', nameEn: 'Reservoirs above flood limit', value: overLimit, unit: '座' },
    { ...base, id: 'hazard-warnings', name: '地灾预警隐患点', nameEn: 'Hazard points warned', value: hazards, unit: '处' },
    { ...base, id: 'warnings-active', name: '生效预警', nameEn: 'Warnings in force', value: warnings, unit: '条' },
  ];
}

// ── Routes ──────────────────────────────────────────────────────────────────

export const disasterRoutes: readonly DomainRoute[] = [
  regionalRoute(
    '/api/disaster/kpis',
    'kpi',
    'headline figures now: max and areal rain over 24 h (mm), gauges above warning, reservoirs above flood limit, hazard points warned, warnings',
    (_url, ctx, region, now) => disasterKpis(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/disaster/rain',
    'region-metric',
    'rainfall per child region (a county its own, a city the mean of its counties), indicators rain1h / rain3h / rain24h, mm',
    (_url, ctx, region, now) => rainByRegion(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/disaster/water-levels',
    'water-level',
    'river gauges (warning / guaranteed levels) and reservoirs (flood-limit, normal pool) inside `region`, m; `kind`=river|reservoir',
    (url, ctx, region, now) => {
      const kind = url.searchParams.get('kind');
      return waterLevels(ctx.regions, ctx.seed, now, region, kind === 'river' || kind === 'reservoir' ? kind : undefined);
    },
  ),
  regionalRoute(
    '/api/disaster/hazards',
    'incident',
    'geological-hazard points with a warning in force inside `region` (type geological, severity = warning level)',
    (_url, ctx, region, now) => hazardWarnings(ctx.regions, ctx.seed, now, region),
  ),
  regionalRoute(
    '/api/disaster/warnings',
    'alert',
    'rainstorm, weather, geological-risk and earthquake warnings of the last `hours` (24, ≤ 72) inside `region`, newest first',
    (url, ctx, region, now) => disasterWarnings(ctx.regions, ctx.seed, now, region, intParam(url, 'hours', 24, 1, 72)),
  ),
];
