import type { Incident, Resource } from '../data/contracts/index';

/**
 * What the incident detail card shows, as pure functions of the feeds: the
 * status timeline, the teams sent with their ETA, the nearest shelters and
 * depots by great-circle distance.
 */

/** Great-circle distance in km (haversine, mean Earth radius 6371.0088 km). */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance rounded to one decimal, as the card prints it. */
export function km(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.round(haversineKm(a, b) * 10) / 10;
}

export interface TimelineStep {
  status: Incident['status'];
  at: number;
  /** Minutes since the report. */
  sinceReport: number;
}

/** The statuses the incident went through, oldest first (the feed's history, else what the record itself says). */
export function timeline(incident: Incident): TimelineStep[] {
  const steps = incident.history?.length
    ? incident.history.map((h) => ({ status: h.status, at: h.at }))
    : [
        { status: 'reported' as const, at: incident.reportedAt },
        ...(incident.status !== 'reported' ? [{ status: incident.status, at: incident.updatedAt ?? incident.reportedAt }] : []),
      ];
  return [...steps].sort((a, b) => a.at - b.at).map((s) => ({ ...s, sinceReport: Math.round((s.at - incident.reportedAt) / 60_000) }));
}

export interface DispatchedUnit {
  id: string;
  name: string;
  category: string | undefined;
  km: number;
  eta: number | null;
  /** On scene already (its ETA has passed, or the incident is on site and this was the first unit). */
  arrived: boolean;
}

/** Teams sent to the incident, soonest on scene first. */
export function dispatchedUnits(incident: Incident, resources: readonly Resource[], now: number): DispatchedUnit[] {
  const at: [number, number] = [incident.lon, incident.lat];
  return resources
    .filter((r) => r.kind === 'team' && r.status === 'dispatched' && r.incidentId === incident.id)
    .map((r) => ({
      id: r.id,
      name: r.name,
      category: r.category,
      km: km([r.lon, r.lat], at),
      eta: r.eta ?? null,
      arrived: r.eta !== undefined && r.eta <= now,
    }))
    .sort((a, b) => (a.eta ?? Number.POSITIVE_INFINITY) - (b.eta ?? Number.POSITIVE_INFINITY) || a.km - b.km);
}

export interface NearbyPlace {
  id: string;
  kind: 'shelter' | 'depot';
  name: string;
  km: number;
  status: Resource['status'];
  available: number | null;
  capacity: number | null;
  unit: string | undefined;
}

/** The `shelters` nearest shelters and `depots` nearest depots, nearest first within each kind. */
export function nearbyPlaces(incident: Incident, resources: readonly Resource[], shelters = 3, depots = 2): NearbyPlace[] {
  const at: [number, number] = [incident.lon, incident.lat];
  const of = (kind: 'shelter' | 'depot', n: number) =>
    resources
      .filter((r) => r.kind === kind && r.status !== 'closed')
      .map((r) => ({
        id: r.id,
        kind,
        name: r.name,
        km: km([r.lon, r.lat], at),
        status: r.status,
        available: r.available ?? null,
        capacity: r.capacity ?? null,
        unit: r.unit,
      }))
      .sort((a, b) => a.km - b.km)
      .slice(0, n);
  return [...of('shelter', shelters), ...of('depot', depots)];
}
