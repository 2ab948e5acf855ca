import {
  alertsAt,
  emergencyKpis,
  incidentsByRegion,
  incidentsByType,
  incidentTrend,
  type RegionSource,
  recentIncidents,
  resourcesAt,
} from '../generators/emergency.ts';
import {
  addMonths,
  comparedRegions,
  compositionRecords,
  kpiRecords,
  projectRecords,
  projectsIn,
  regionMetricRecords,
  seriesRecords,
} from '../generators/economy.ts';
import { commandRoutes } from '../generators/command.ts';
import { disasterRoutes } from '../generators/disaster.ts';
import { fireRoutes } from '../generators/fire.ts';
import { healthRoutes } from '../generators/health.ts';
import { overviewRoutes } from '../generators/overview.ts';
import { RegionTable } from '../generators/regions.ts';
import {
  appealHourly,
  appealsByCategory,
  appealsByChannel,
  appealsByRegion,
  appealTrend,
  appealVolumes,
  departmentRates,
  hotTopics,
  latestAppeals,
  polarityTrend,
  regionFilter,
  sentimentKpis,
} from '../generators/sentiment.ts';

/**
 * The JSON endpoints of every screen (economy, emergency, public sentiment),
 * free of any HTTP framework: MSW (`mocks/handlers.ts`) and the feed server
 * (`mocks/server/feed-server.ts`) both answer from this one table
 * (`jsonRoutes`), so the demo build and a real local backend serve the same data.
 * Every answer is `{ asOf, records }`; unknown regions are a 404.
 */
export interface LiveContext {
  regions: RegionSource;
  seed: string;
  now: () => number;
}

export interface RouteAnswer {
  status: number;
  body: unknown;
}

export interface JsonRoute {
  path: string;
  /** One line for docs/data-contracts.md. */
  doc: string;
  contract: string;
  answer(url: URL, ctx: LiveContext): RouteAnswer;
}

const PROVINCE = '410000';

function int(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  const n = raw === null || raw === '' ? Number.NaN : Number(raw);
  return Number.isInteger(n) ? Math.max(min, Math.min(max, n)) : fallback;
}

function ok(ctx: LiveContext, records: unknown[]): RouteAnswer {
  return { status: 200, body: { asOf: new Date(ctx.now()).toISOString(), records } };
}

/** Route whose answer depends on a valid `region` (default: the province). */
function regional(path: string, contract: string, doc: string, fn: (url: URL, ctx: LiveContext, region: string, now: number) => unknown[]): JsonRoute {
  return {
    path,
    contract,
    doc,
    answer(url, ctx) {
      const region = url.searchParams.get('region') || PROVINCE;
      if (!ctx.regions.get(region)) return { status: 404, body: { error: 'unknown region' } };
      return ok(ctx, fn(url, ctx, region, ctx.now()));
    },
  };
}

/** Last complete month in China Standard Time: what statistical bureaus have published. */
export function lastPublishedMonth(now: number): string {
  const d = new Date(now + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth(); // 0-based current month = last complete month (1-based)
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `?to=` as a published month (a later or malformed month reads as the last published one). */
export function monthParam(value: string | null, now: number): string {
  const last = lastPublishedMonth(now);
  return value && MONTH.test(value) && value <= last ? value : last;
}

function idsParam(url: URL): string[] | undefined {
  const raw = url.searchParams.get('ids');
  return raw ? raw.split(',').filter((s) => /^[a-z0-9-]{1,40}$/.test(s)) : undefined;
}

/** The economy generators want a RegionTable (hierarchy and shares); one per region source. */
const tables = new WeakMap<RegionSource, RegionTable>();
export function regionTable(regions: RegionSource): RegionTable {
  if (regions instanceof RegionTable) return regions;
  let table = tables.get(regions);
  if (!table) {
    table = new RegionTable(regions.entries);
    tables.set(regions, table);
  }
  return table;
}

/** Key projects are generated once per (regions, seed, month): ~80 rows, filtered per region. */
const projectCache = new WeakMap<RegionTable, { key: string; rows: ReturnType<typeof projectRecords> }>();
function projectsOf(table: RegionTable, seed: string, month: string): ReturnType<typeof projectRecords> {
  const key = `${seed}|${month}`;
  const cached = projectCache.get(table);
  if (cached?.key === key) return cached.rows;
  const rows = projectRecords(table, month, seed);
  projectCache.set(table, { key, rows });
  return rows;
}

/** The economy screen's endpoints: monthly statistics as bureaus publish them. */
export const economyRoutes: readonly JsonRoute[] = [
  regional('/api/economy/kpis', 'kpi', 'headline economy indicators of `region` as of month `to`', (url, ctx, region, now) =>
    kpiRecords(regionTable(ctx.regions), region, monthParam(url.searchParams.get('to'), now), ctx.seed),
  ),
  regional(
    '/api/economy/series',
    'series',
    'monthly values of the indicators (`ids`=gdp,retail… or all) of `region` from `from` to `to` (12 months by default, ≤ 60); `scope=children`: of each region below it (forecast-based alerts)',
    (url, ctx, region, now) => {
      const to = monthParam(url.searchParams.get('to'), now);
      const fromRaw = url.searchParams.get('from');
      const from = fromRaw && MONTH.test(fromRaw) && fromRaw <= to ? fromRaw : addMonths(to, -11);
      const table = regionTable(ctx.regions);
      if (url.searchParams.get('scope') === 'children') {
        return comparedRegions(table, region).flatMap((code) => seriesRecords(table, code, from, to, ctx.seed, idsParam(url)));
      }
      return seriesRecords(table, region, from, to, ctx.seed, idsParam(url));
    },
  ),
  regional(
    '/api/economy/region-metrics',
    'region-metric',
    'indicators (`ids`) of the children of `region` (the siblings of a county) as of month `to`',
    (url, ctx, region, now) => regionMetricRecords(regionTable(ctx.regions), region, monthParam(url.searchParams.get('to'), now), ctx.seed, idsParam(url)),
  ),
  regional('/api/economy/projects', 'project', 'key projects inside `region`: plan vs done (亿元), status', (_url, ctx, region, now) => {
    const table = regionTable(ctx.regions);
    return projectsIn(table, region, projectsOf(table, ctx.seed, lastPublishedMonth(now)));
  }),
  regional(
    '/api/economy/composition',
    'share',
    'shares of `region` as of month `to`: `kind`=industry (value added by sector) | investment (fixed-asset investment by use)',
    (url, ctx, region, now) =>
      compositionRecords(
        regionTable(ctx.regions),
        region,
        monthParam(url.searchParams.get('to'), now),
        ctx.seed,
        url.searchParams.get('kind') === 'investment' ? 'investment' : 'industry',
      ),
  ),
];

export const liveRoutes: readonly JsonRoute[] = [
  regional(
    '/api/emergency/incidents',
    'incident',
    'incidents reported in the last `hours` (24, ≤ 168) inside `region`, newest first, status as of now',
    (url, ctx, region, now) => recentIncidents(ctx.regions, ctx.seed, now, int(url, 'hours', 24, 1, 168), regionFilter(ctx.regions, region)),
  ),
  regional(
    '/api/emergency/resources',
    'resource',
    'rescue teams, shelters and depots inside `region` (`kind`=team|shelter|depot filters), dispatched teams name their incident',
    (url, ctx, region, now) => {
      const kind = url.searchParams.get('kind');
      const inside = regionFilter(ctx.regions, region);
      return resourcesAt(ctx.regions, ctx.seed, now).filter((r) => inside(r.region) && (!kind || r.kind === kind));
    },
  ),
  regional(
    '/api/emergency/alerts',
    'alert',
    'weather warnings and IoT sensor alarms of the last `hours` (24) inside `region` (`kind`=weather|sensor filters), newest first',
    (url, ctx, region, now) => {
      const kind = url.searchParams.get('kind');
      const inside = regionFilter(ctx.regions, region);
      return alertsAt(ctx.regions, ctx.seed, now, int(url, 'hours', 24, 1, 168)).filter(
        (a) => inside(a.region) && (!kind || (kind === 'weather' ? a.id.startsWith('wx-') : a.id.startsWith('sensor-'))),
      );
    },
  ),
  regional(
    '/api/emergency/kpis',
    'kpi',
    'headline figures today (CST): incidents, being handled, time to scene, teams out, shelters open, warnings',
    (_url, ctx, region, now) => emergencyKpis(ctx.regions, ctx.seed, now, region),
  ),
  regional('/api/emergency/by-type', 'share', 'incidents by type today (or the last `hours`)', (url, ctx, region, now) =>
    incidentsByType(ctx.regions, ctx.seed, now, region, url.searchParams.has('hours') ? int(url, 'hours', 24, 1, 720) : undefined),
  ),
  regional('/api/emergency/by-region', 'region-metric', 'incidents per child region over the last `days` (7, ≤ 30)', (url, ctx, region, now) =>
    incidentsByRegion(ctx.regions, ctx.seed, now, region, int(url, 'days', 7, 1, 30)),
  ),
  regional(
    '/api/emergency/trend',
    'series',
    'daily incidents by severity (series red/orange/yellow/blue) for the last `days` (30, ≤ 90) and today',
    (url, ctx, region, now) => incidentTrend(ctx.regions, ctx.seed, now, region, int(url, 'days', 30, 1, 90)),
  ),
  regional(
    '/api/sentiment/appeals',
    'text-item',
    'latest `limit` (50, ≤ 500) 12345 appeals inside `region`, newest first — untrusted text',
    (url, ctx, region, now) =>
      latestAppeals(ctx.regions, ctx.seed, now, int(url, 'limit', 50, 1, 500), region === PROVINCE ? undefined : regionFilter(ctx.regions, region)),
  ),
  regional(
    '/api/sentiment/kpis',
    'kpi',
    'hotline headline figures: appeals today / this month, on-time rate, satisfaction, good-review rate',
    (_url, ctx, region, now) => sentimentKpis(ctx.regions, ctx.seed, now, region),
  ),
  regional('/api/sentiment/trend', 'series', 'daily appeals for the last `days` (30, ≤ 90) and today; `by`=total|channel|category', (url, ctx, region, now) => {
    const by = url.searchParams.get('by');
    return appealTrend(ctx.regions, ctx.seed, now, region, int(url, 'days', 30, 0, 90), by === 'channel' || by === 'category' ? by : 'total');
  }),
  regional(
    '/api/sentiment/hourly',
    'series',
    'hourly appeals (t = "YYYY-MM-DDTHH") for the last `hours` (48, ≤ 168) with `prior` = same hour a week earlier (spike detection)',
    (url, ctx, region, now) => appealHourly(ctx.regions, ctx.seed, now, region, int(url, 'hours', 48, 1, 168)),
  ),
  regional(
    '/api/sentiment/volumes',
    'series',
    'daily appeals per category (`series` = category key) in each child region (`region`) for the last `days` (28, 21–42) complete days — the input of spike detection',
    (url, ctx, region, now) => appealVolumes(ctx.regions, ctx.seed, now, region, int(url, 'days', 28, 21, 42)),
  ),
  regional('/api/sentiment/channels', 'share', 'appeals today by channel (电话/微信/APP/网站)', (_url, ctx, region, now) =>
    appealsByChannel(ctx.regions, ctx.seed, now, region),
  ),
  regional('/api/sentiment/categories', 'share', 'appeals today by category, largest first', (_url, ctx, region, now) =>
    appealsByCategory(ctx.regions, ctx.seed, now, region),
  ),
  regional('/api/sentiment/regions', 'region-metric', 'appeals today per child region (map heat, ranking)', (_url, ctx, region, now) =>
    appealsByRegion(ctx.regions, ctx.seed, now, region),
  ),
  {
    path: '/api/sentiment/departments',
    contract: 'rank',
    doc: 'on-time handling rate or satisfaction (%) by department, best first; `metric`=ontime|satisfaction',
    answer: (url, ctx) => ok(ctx, departmentRates(ctx.seed, ctx.now(), url.searchParams.get('metric') === 'satisfaction' ? 'satisfaction' : 'ontime')),
  },
  {
    path: '/api/sentiment/polarity',
    contract: 'series',
    doc: 'daily sentiment polarity shares (series positive/neutral/negative, %) for the last `days` (30) and today',
    answer: (url, ctx) => ok(ctx, polarityTrend(ctx.regions, ctx.seed, ctx.now(), int(url, 'days', 30, 1, 90))),
  },
  {
    path: '/api/sentiment/topics',
    contract: 'rank',
    doc: 'hot topics of the last 24 h with appeal counts, hottest first (a surge tops the list); `limit` (10)',
    answer: (url, ctx) => ok(ctx, hotTopics(ctx.regions, ctx.seed, ctx.now(), int(url, 'limit', 10, 1, 50))),
  },
];

/** Streams served as SSE at `/stream/<name>` and WebSocket at `/ws/<name>`. */
export const liveStreams: readonly { name: string; contract: string; doc: string }[] = [
  { name: 'incidents', contract: 'incident', doc: 'new incidents and their status changes (same id, upsert), tens a day' },
  { name: 'appeals', contract: 'text-item', doc: 'new 12345 appeals, tens of thousands a day with the daily rhythm — untrusted text' },
  { name: 'bench', contract: 'text-item', doc: 'synthetic appeals at exactly `rate` events/s (default 100), contiguous seq — load tests and the bench' },
];

/** Every JSON endpoint, as MSW and the feed server answer them. */
export const jsonRoutes: readonly JsonRoute[] = [
  ...economyRoutes,
  ...liveRoutes,
  ...commandRoutes,
  ...overviewRoutes,
  ...fireRoutes,
  ...healthRoutes,
  ...disasterRoutes,
];
