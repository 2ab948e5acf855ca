import { HttpResponse, http } from 'msw';
import { kpiRecords } from './generators/economy.ts';
import { type RegionLike, RegionTable } from './generators/regions.ts';
import { createLiveHandlers } from './handlers-live.ts';

export interface MockContext {
  regions: readonly RegionLike[];
  /** Seed for every generator: the same seed gives the same demo. */
  seed: string;
  now: () => number;
}

/** Last complete month in China Standard Time: what bureaus have published. */
export function lastPublishedMonth(now: number): string {
  const d = new Date(now + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth(); // 0-based current month = last complete month (1-based)
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

function monthParam(value: string | null, now: number): string {
  const last = lastPublishedMonth(now);
  return value && /^\d{4}-\d{2}$/.test(value) && value <= last ? value : last;
}

/**
 * MSW handlers for every dataset the screens need, answering from the seeded
 * generators. Paths start with `*` so the app works under any base path.
 */
export function createHandlers(ctx: MockContext) {
  const table = new RegionTable(ctx.regions);
  const region = (url: URL) => {
    const code = url.searchParams.get('region') ?? '410000';
    return table.get(code) ? code : null;
  };
  return [
    http.get('*/api/economy/kpis', ({ request }) => {
      const url = new URL(request.url);
      const code = region(url);
      if (!code) return HttpResponse.json({ error: 'unknown region' }, { status: 404 });
      const month = monthParam(url.searchParams.get('to'), ctx.now());
      return HttpResponse.json({ asOf: new Date(ctx.now()).toISOString(), records: kpiRecords(table, code, month, ctx.seed) });
    }),
    ...createLiveHandlers(ctx),
  ];
}
