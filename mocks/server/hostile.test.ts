// @vitest-environment node
import { describe, expect, it } from 'vitest';
import regionIndex from '../../public/regions/henan.index.json' with { type: 'json' };
import { validateRecords } from '../../src/data/contracts/validate';
import { type RegionLike, RegionTable } from '../generators/regions.ts';
import { HOSTILE_PAYLOADS, hostileFields, textFaults } from './hostile.ts';
import { jsonRoutes, liveStreams } from './routes.ts';

/**
 * The hostile faults against the real contracts: every rewritten text field
 * is accepted and cut to its cap with "…" (long text is not bad data), and
 * exactly the records broken on purpose are quarantined.
 */
const ctx = { regions: new RegionTable(regionIndex as RegionLike[]), seed: 'henan-demo', now: () => Date.parse('2026-11-20T10:00:00+08:00') };
/** Caps of docs/data-contracts.md (by hand): the longest a shown text field may be. */
const CAP: Record<string, number> = {
  name: 40,
  nameEn: 60,
  unit: 12,
  source: 60,
  title: 120,
  message: 200,
  indicator: 64,
  text: 280,
  channel: 20,
  category: 20,
  department: 40,
  industry: 30,
  owner: 60,
};
const CAP_OF: Record<string, number> = { 'project.name': 80, 'resource.name': 60 };

describe('hostile text faults', () => {
  it('cover every display text field of every contract a route or stream serves', () => {
    const contracts = new Set([...jsonRoutes.map((r) => r.contract), ...liveStreams.map((s) => s.contract)]);
    for (const c of contracts) expect(hostileFields(c).length, c).toBeGreaterThan(0);
    expect(hostileFields('incident')).toEqual(['title']);
    expect(hostileFields('text-item')).toEqual(['channel', 'category', 'text', 'department']);
    expect(hostileFields('kpi')).toEqual(['name', 'nameEn', 'unit', 'source']);
  });

  it.each(jsonRoutes.map((r) => [r.path, r] as const))('%s: long hostile text is cut, not quarantined; broken records are', (_path, route) => {
    const body = route.answer(new URL(`http://x${route.path}`), ctx).body as { records: unknown[] };
    const raw = body.records.map((r, i) => textFaults(r, route.contract, i, { hostile: true, quarantineEvery: 4 }));
    const batch = validateRecords(route.contract as never, raw);
    expect(batch.quarantined.length).toBe(Math.floor(raw.length / 4));
    expect(batch.records.length).toBe(raw.length - Math.floor(raw.length / 4));
    for (const record of batch.records as Record<string, unknown>[]) {
      for (const field of hostileFields(route.contract)) {
        const v = record[field];
        if (typeof v !== 'string') continue;
        expect(v.length, `${field}`).toBeLessThanOrEqual(CAP_OF[`${route.contract}.${field}`] ?? CAP[field] ?? 64);
        expect(v.endsWith('…'), `${field} cut`).toBe(true);
        expect(
          HOSTILE_PAYLOADS.some((p) => p.replace(/[\u202A-\u202E]/g, '').startsWith(v.slice(0, 6))),
          `${field} starts with a payload`,
        ).toBe(true);
      }
    }
  });
});
