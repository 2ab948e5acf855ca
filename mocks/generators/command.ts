import { incidentsHourly, responseTimes, sensorAlarms } from './emergency.ts';
import { type DomainRoute, intParam, regionalRoute, withinRegion } from './fire.ts';

/**
 * Routes of the emergency-command additions (issue #13): incidents per hour,
 * response times by level against their targets, IoT sensor alarms with
 * readings and thresholds. Registered in `mocks/server/routes.ts` (`jsonRoutes`).
 */
export const commandRoutes: readonly DomainRoute[] = [
  regionalRoute(
    '/api/emergency/hourly',
    'series',
    'incidents reported per hour (t = "YYYY-MM-DDTHH") for the last `hours` (24, ≤ 72) with `prior` = the same hour a day earlier',
    (url, ctx, region, now) => incidentsHourly(ctx.regions, ctx.seed, now, region, intParam(url, 'hours', 24, 1, 72)),
  ),
  regionalRoute(
    '/api/emergency/response-times',
    'response-time',
    'mean minutes to dispatch and to scene by level (Ⅰ–Ⅳ) over the last `days` (7, ≤ 30), with targets and the share on scene within target',
    (url, ctx, region, now) => responseTimes(ctx.regions, ctx.seed, now, region, intParam(url, 'days', 7, 1, 30)),
  ),
  regionalRoute(
    '/api/emergency/sensors',
    'sensor-alarm',
    'IoT sensor alarms of chemical parks and coal mines in the last `hours` (24, ≤ 168) inside `region`, newest first: reading vs threshold',
    (url, ctx, region, now) => sensorAlarms(ctx.regions, ctx.seed, now, intParam(url, 'hours', 24, 1, 168), withinRegion(ctx.regions, region)),
  ),
];
