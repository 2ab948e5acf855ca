import { describe, expect, it } from 'vitest';
import type { Incident, Resource } from '../data/contracts/index';
import { dispatchedUnits, haversineKm, km, nearbyPlaces, timeline } from './incident-detail-model';

const T0 = Date.parse('2026-11-20T09:00:00+08:00');
const min = (m: number) => T0 + m * 60_000;

const incident: Incident = {
  id: 'inc-1',
  type: 'fire',
  severity: 2,
  title: '郑州市金水区某小区高层住宅火灾',
  region: '410105',
  lon: 113.7,
  lat: 34.8,
  reportedAt: T0,
  updatedAt: min(14),
  status: 'onsite',
  history: [
    { status: 'onsite', at: min(14) },
    { status: 'reported', at: T0 },
    { status: 'dispatched', at: min(2) },
  ],
};

function resource(partial: Partial<Resource> & Pick<Resource, 'id' | 'kind' | 'lon' | 'lat'>): Resource {
  return { name: partial.id, region: '410105', status: 'standby', ...partial } as Resource;
}

describe('incident detail model', () => {
  it('measures distance by the haversine formula', () => {
    // One degree of latitude on the mean Earth sphere: 6371.0088 km × π / 180 = 111.195 km.
    expect(haversineKm([113, 34], [113, 35])).toBeCloseTo(111.195, 2);
    // Zhengzhou (113.625, 34.747) to Luoyang (112.454, 34.620): about 108 km as the crow flies.
    expect(km([113.625, 34.747], [112.454, 34.62])).toBeCloseTo(107.8, 0);
    expect(km([113.7, 34.8], [113.7, 34.8])).toBe(0);
  });

  it('orders the status history oldest first with minutes since the report', () => {
    expect(timeline(incident).map((s) => [s.status, s.sinceReport])).toEqual([
      ['reported', 0],
      ['dispatched', 2],
      ['onsite', 14],
    ]);
  });

  it('falls back to the report and the current status without a history', () => {
    const { history: _h, ...bare } = incident;
    expect(timeline(bare as Incident).map((s) => s.status)).toEqual(['reported', 'onsite']);
  });

  it('lists the teams sent to this incident only, soonest ETA first, with arrival', () => {
    const resources = [
      resource({ id: 'far', kind: 'team', lon: 113.9, lat: 34.8, status: 'dispatched', incidentId: 'inc-1', eta: min(40) }),
      resource({ id: 'near', kind: 'team', lon: 113.71, lat: 34.8, status: 'dispatched', incidentId: 'inc-1', eta: min(14) }),
      resource({ id: 'other', kind: 'team', lon: 113.7, lat: 34.8, status: 'dispatched', incidentId: 'inc-2', eta: min(5) }),
      resource({ id: 'idle', kind: 'team', lon: 113.7, lat: 34.8 }),
    ];
    const units = dispatchedUnits(incident, resources, min(20));
    expect(units.map((u) => [u.id, u.arrived])).toEqual([
      ['near', true],
      ['far', false],
    ]);
    // 0.01° of longitude at 34.8° N: 111.195 × cos(34.8°) × 0.01 ≈ 0.913 km → 0.9.
    expect(units[0]?.km).toBe(0.9);
  });

  it('gives the nearest open shelters and depots with their distance', () => {
    const resources = [
      resource({ id: 's-far', kind: 'shelter', lon: 114.2, lat: 34.8, status: 'standby', capacity: 5000, available: 5000, unit: '人' }),
      resource({ id: 's-near', kind: 'shelter', lon: 113.72, lat: 34.8, status: 'open', capacity: 3000, available: 1200, unit: '人' }),
      resource({ id: 's-closed', kind: 'shelter', lon: 113.7, lat: 34.8, status: 'closed' }),
      resource({ id: 'd-1', kind: 'depot', lon: 113.6, lat: 34.75, status: 'standby' }),
    ];
    const places = nearbyPlaces(incident, resources, 1, 1);
    expect(places.map((p) => p.id)).toEqual(['s-near', 'd-1']);
    expect(places[0]?.km).toBe(1.8);
  });
});
