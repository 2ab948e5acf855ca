import { z } from 'zod';
import { instant, num, numberIn, numOrGap, period, regionCode, severity, text } from './fields.ts';

/**
 * Dataset contracts: the canonical record shapes panels consume. Every feed is
 * mapped onto one of these and validated record by record at the adapter
 * boundary; records that fail are quarantined (dropped and counted).
 */

/** Headline indicator for one region and period (cumulative-to-date, as bureaus publish). */
export const kpiRecord = z.object({
  id: text(64),
  name: text(40),
  nameEn: text(60).optional(),
  region: regionCode,
  period: period,
  value: numOrGap,
  unit: text(12),
  yoy: numOrGap.optional(),
  mom: numOrGap.optional(),
  target: numOrGap.optional(),
  /** Recent history, oldest first, for the sparkline; gaps allowed. */
  spark: z.array(numOrGap).max(120).optional(),
  source: text(60).optional(),
  asOf: instant.optional(),
});

/** One point of a named series. */
export const seriesPoint = z.object({
  series: text(64),
  name: text(40).optional(),
  nameEn: text(60).optional(),
  region: regionCode.optional(),
  t: period,
  value: numOrGap,
  unit: text(12).optional(),
  target: numOrGap.optional(),
  /** Value in the same period a year earlier, for 同比 comparisons. */
  prior: numOrGap.optional(),
});

/** A metric value for one region (choropleth, ranking). */
export const regionMetric = z.object({
  code: regionCode,
  indicator: text(64),
  value: numOrGap,
  unit: text(12).optional(),
  yoy: numOrGap.optional(),
  period: period.optional(),
});

/** An item of a ranking that is not a region (department, category…). */
export const rankItem = z.object({
  key: text(64),
  name: text(40),
  nameEn: text(60).optional(),
  value: numOrGap,
  unit: text(12).optional(),
});

/** A share of a whole (composition charts). */
export const shareItem = rankItem;

export const incidentTypes = ['fire', 'flood', 'traffic', 'hazchem', 'mine', 'geological', 'health', 'other'] as const;

export const incident = z.object({
  id: text(64),
  type: z.enum(incidentTypes).catch('other'),
  severity: severity,
  title: text(120),
  region: regionCode,
  lon: numberIn(73, 136),
  lat: numberIn(3, 54),
  reportedAt: instant,
  updatedAt: instant.optional(),
  status: z.enum(['reported', 'dispatched', 'onsite', 'controlled', 'closed']).catch('reported'),
  /** Statuses reached so far with their times, oldest first (the detail card's timeline); an unreadable entry drops the history, not the incident. */
  history: z
    .array(z.object({ status: z.enum(['reported', 'dispatched', 'onsite', 'controlled', 'closed']), at: instant }))
    .max(20)
    .optional()
    .catch(undefined),
  seq: num.optional(),
});

export const resourceKinds = ['team', 'shelter', 'depot'] as const;

/**
 * A rescue resource on the map: a team (fire station, mine rescue…), a
 * shelter or a materials depot. A dispatched team names its incident so the
 * map can draw the dispatch line.
 */
export const resource = z.object({
  id: text(64),
  kind: z.enum(resourceKinds),
  /** Speciality of a team or depot: fire, flood, mine, hazchem, medical, general. */
  category: text(20).optional(),
  name: text(60),
  region: regionCode,
  lon: numberIn(73, 136),
  lat: numberIn(3, 54),
  /** People (teams, shelters) or stock (depots). */
  capacity: numOrGap.optional(),
  /** Available now (free places, people on standby, stock left). */
  available: numOrGap.optional(),
  unit: text(12).optional(),
  status: z.enum(['standby', 'dispatched', 'open', 'full', 'closed']).catch('standby'),
  incidentId: text(64).optional(),
  /** A dispatched team: when it is expected on scene. */
  eta: instant.optional(),
  updatedAt: instant.optional(),
});

/** Response times of one incident level over a window: minutes from the report to the dispatch order and to the first unit on scene, against targets. */
export const responseTime = z.object({
  level: severity,
  /** Incidents dispatched in the window. */
  count: num,
  dispatchMinutes: numOrGap,
  sceneMinutes: numOrGap,
  dispatchTarget: numOrGap.optional(),
  sceneTarget: numOrGap.optional(),
  /** Share of incidents on scene within the target, %. */
  onTarget: numOrGap.optional(),
  /** The window, e.g. "2026-11-13/2026-11-20". */
  period: text(30).optional(),
});

/** An IoT sensor alarm at a hazardous-chemical park or a coal mine: the reading against the alarm threshold. */
export const sensorAlarm = z.object({
  id: text(64),
  /** Monitored site (化工园区, 煤矿). */
  site: text(60),
  kind: z.enum(['chemical', 'mine', 'other']).catch('other'),
  /** Where on the site (储罐区, 回风巷…). */
  point: text(30).optional(),
  region: regionCode,
  /** What is measured: methane, co, gas-lel, h2s, nh3 (or the feed's own name). */
  indicator: text(30),
  reading: numOrGap,
  threshold: numOrGap,
  unit: text(12),
  level: severity,
  at: instant,
  status: z.enum(['active', 'cleared']).catch('active'),
  clearedAt: instant.optional(),
});

export const alert = z.object({
  id: text(64),
  level: severity,
  indicator: text(64).optional(),
  region: regionCode.optional(),
  message: text(200),
  at: instant,
});

/** A 12345-hotline appeal or similar free text from the public. Untrusted. */
export const textItem = z.object({
  id: text(64),
  channel: text(20),
  category: text(20),
  region: regionCode,
  text: text(280),
  receivedAt: instant,
  status: z.enum(['new', 'assigned', 'handling', 'replied', 'closed']).catch('new'),
  /** Department handling the appeal, if assigned. */
  department: text(40).optional(),
  /** Polarity in [-1, 1] (negative … positive); null when not scored. */
  sentiment: numOrGap.optional(),
  seq: num.optional(),
});

/** A key project / white-list enterprise row. */
export const projectRow = z.object({
  id: text(64),
  name: text(80),
  region: regionCode,
  industry: text(30),
  owner: text(60).optional(),
  status: z.enum(['on_track', 'delayed', 'stopped']),
  investmentPlan: num,
  investmentDone: num,
  unit: text(12).catch('亿元'),
  startYear: num.optional(),
  /** A longer link (over 2048 characters) is left out, not a reason to drop the row. */
  link: z.string().max(2048).optional().catch(undefined),
});

/**
 * A water level: a river gauge against its warning and guaranteed levels
 * (警戒/保证水位), or a reservoir against its flood-limit level (汛限水位, in
 * force in the flood season) and its normal pool level (正常蓄水位). Metres
 * above the station's datum.
 */
export const waterLevel = z.object({
  id: text(64),
  name: text(40),
  nameEn: text(60).optional(),
  kind: z.enum(['river', 'reservoir']),
  /** River (or basin) the station is on. */
  water: text(20).optional(),
  waterEn: text(40).optional(),
  region: regionCode,
  lon: numberIn(73, 136).optional(),
  lat: numberIn(3, 54).optional(),
  level: numOrGap,
  unit: text(12).optional(),
  warning: numOrGap.optional(),
  guaranteed: numOrGap.optional(),
  floodLimit: numOrGap.optional(),
  normalPool: numOrGap.optional(),
  /** Design flood level of a reservoir (the top of its scale). */
  design: numOrGap.optional(),
  /** Whether the flood-limit level is in force now (the flood season). */
  floodSeason: z.boolean().optional().catch(undefined),
  /** Change over the last 6 hours, m (rising > 0). */
  change6h: numOrGap.optional(),
  at: instant,
});

export const contracts = {
  kpi: kpiRecord,
  series: seriesPoint,
  'region-metric': regionMetric,
  rank: rankItem,
  share: shareItem,
  incident,
  alert,
  'text-item': textItem,
  project: projectRow,
  resource,
  'water-level': waterLevel,
  'response-time': responseTime,
  'sensor-alarm': sensorAlarm,
} as const;

export type ContractName = keyof typeof contracts;
export const contractNames = Object.keys(contracts) as ContractName[];

export type KpiRecord = z.output<typeof kpiRecord>;
export type SeriesPoint = z.output<typeof seriesPoint>;
export type RegionMetric = z.output<typeof regionMetric>;
export type RankItem = z.output<typeof rankItem>;
export type Incident = z.output<typeof incident>;
export type Alert = z.output<typeof alert>;
export type TextItem = z.output<typeof textItem>;
export type ProjectRow = z.output<typeof projectRow>;
export type Resource = z.output<typeof resource>;
export type WaterLevel = z.output<typeof waterLevel>;
export type ResponseTime = z.output<typeof responseTime>;
export type SensorAlarm = z.output<typeof sensorAlarm>;

export interface RecordTypes {
  kpi: KpiRecord;
  series: SeriesPoint;
  'region-metric': RegionMetric;
  rank: RankItem;
  share: RankItem;
  incident: Incident;
  alert: Alert;
  'text-item': TextItem;
  project: ProjectRow;
  resource: Resource;
  'water-level': WaterLevel;
  'response-time': ResponseTime;
  'sensor-alarm': SensorAlarm;
}
