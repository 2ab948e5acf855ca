import { cstDay, cstDayStart, DAY, incidentBirths, type KpiOut, type RegionSource } from './emergency.ts';
import { type DomainRoute, PROVINCE, regionalRoute, withinRegion } from './fire.ts';

/**
 * The overview screen (综合态势) reads the domain screens' own feeds (economy,
 * emergency, hotline, fire, health, disaster KPIs and warnings); the one figure
 * no domain feed carries is today's incidents counted by level, from the same
 * seeded incident births the emergency screen streams. Node-safe.
 */

const LEVELS = [
  { level: 1, id: 'level-1', name: 'Ⅰ级（特别重大）', nameEn: 'Level I (red)' },
  { level: 2, id: 'level-2', name: 'Ⅱ级（重大）', nameEn: 'Level II (orange)' },
  { level: 3, id: 'level-3', name: 'Ⅲ级（较大）', nameEn: 'Level III (yellow)' },
  { level: 4, id: 'level-4', name: 'Ⅳ级（一般）', nameEn: 'Level IV (blue)' },
] as const;

/** Today's incidents (CST) inside `region` by level, with the same hour yesterday for the change and 12 days of history. */
export function incidentsByLevel(regions: RegionSource, seed: string, now: number, region = PROVINCE): KpiOut[] {
  const inside = withinRegion(regions, region);
  const start = cstDayStart(now);
  const count = (from: number, to: number) => {
    const c = [0, 0, 0, 0];
    for (const b of incidentBirths(regions, seed, from, to)) if (inside(b.region)) c[b.severity - 1] = (c[b.severity - 1] ?? 0) + 1;
    return c;
  };
  const today = count(start - 1, now);
  const days: number[][] = [];
  for (let i = 12; i >= 1; i--) days.push(count(start - i * DAY - 1, start - (i - 1) * DAY - 1));
  return LEVELS.map((l) => ({
    id: l.id,
    name: l.name,
    nameEn: l.nameEn,
    region,
    period: cstDay(now),
    value: today[l.level - 1] ?? 0,
    unit: '起',
    yoy: null,
    mom: null,
    spark: days.map((d) => d[l.level - 1] ?? 0),
    source: '省应急管理厅（演示）',
  }));
}

export const overviewRoutes: readonly DomainRoute[] = [
  regionalRoute(
    '/api/overview/incident-levels',
    'kpi',
    "today's incidents (CST) by level: level-1 … level-4 (Ⅰ特别重大 … Ⅳ一般), 起, with 12 days of history",
    (_url, ctx, region, now) => incidentsByLevel(ctx.regions, ctx.seed, now, region),
  ),
];
