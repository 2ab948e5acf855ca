// @vitest-environment node
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import regionIndex from '../../public/regions/henan.index.json' with { type: 'json' };
import { sseOptions } from '../../src/data/adapters/sse';
import { createSseAdapter } from '../../src/data/adapters/sse-stream';
import { validateRecords } from '../../src/data/contracts/validate';
import type { RegionLike } from '../generators/regions.ts';
import { createLiveHandlers } from '../handlers-live.ts';

const now = Date.parse('2026-11-20T10:00:00+08:00');
const server = setupServer(...createLiveHandlers({ regions: regionIndex as RegionLike[], seed: 'henan-demo', now: () => now }));
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('MSW live handlers', () => {
  it('answer the JSON endpoints', async () => {
    const res = await fetch('http://cockpit.test/app/api/emergency/incidents?region=410000');
    const body = (await res.json()) as { records: unknown[]; asOf: string };
    expect(validateRecords('incident', body.records).quarantined).toEqual([]);
    expect(body.records.length).toBeGreaterThan(5);
  });

  it('stream SSE with ids and backfill, resumable with Last-Event-ID', async () => {
    // The app's own SSE client (fetch streaming), here answered by MSW in Node.
    const ids: string[] = [];
    const adapter = createSseAdapter(sseOptions.parse({ url: 'http://cockpit.test/stream/appeals?backfill=5' }));
    const stop = adapter.subscribe?.(
      { datasetId: 'appeals', region: '', from: '', to: '', filters: {} },
      { next: (_raw, meta) => ids.push(meta?.id ?? ''), status: () => undefined },
    );
    await new Promise((r) => setTimeout(r, 300));
    stop?.();
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const res = await fetch('http://cockpit.test/stream/appeals', { headers: { 'Last-Event-ID': ids[1] as string } });
    const reader = res.body?.getReader();
    const first = new TextDecoder().decode((await reader?.read())?.value);
    await reader?.cancel();
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(first).toContain(`id: ${ids[2]}`);
  });

  it("honour region= on a stream like the feed server: only that city's appeals", async () => {
    const regions: string[] = [];
    const adapter = createSseAdapter(sseOptions.parse({ url: 'http://cockpit.test/stream/appeals?region={region}&backfill=20' }));
    const stop = adapter.subscribe?.(
      { datasetId: 'appeals', region: '410300', from: '', to: '', filters: {} },
      { next: (raw) => regions.push((raw as { region: string }).region), status: () => undefined },
    );
    await new Promise((r) => setTimeout(r, 300));
    stop?.();
    expect(regions.length).toBeGreaterThan(0);
    // Luoyang's counties are 4103xx (GB/T 2260).
    for (const r of regions) expect(r).toMatch(/^4103\d\d$/);
    expect((await fetch('http://cockpit.test/stream/appeals?region=999999')).status).toBe(404);
  });
});
