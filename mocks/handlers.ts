import { HttpResponse, http } from 'msw';
import { addMonths, compositionRecords, kpiRecords, projectRecords, projectsIn, regionMetricRecords, seriesRecords } from './generators/economy.ts';
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

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthParam(value: string | null, now: number): string {
  const last = lastPublishedMonth(now);
  return value && MONTH.test(value) && value <= last ? value : last;
}

function idsParam(url: URL): string[] | undefined {
  const raw = url.searchParams.get('ids');
  return raw ? raw.split(',').filter((s) => /^[a-z0-9-]{1,40}$/.test(s)) : undefined;
}

/**
 * MSW handlers for every dataset the screens need, answering from the seeded
 * generators. Paths start with `*` so the app works under any base path.
 *
 *   GET …/api/economy/kpis?region&to
 *   GET …/api/economy/series?region&from&to[&ids=gdp,retail]
 *   GET …/api/economy/region-metrics?region&to[&ids=…]   children (or siblings of a county)
 *   GET …/api/economy/projects?region                     key projects inside the region
 *   GET …/api/economy/composition?region&to&kind=industry|investment
 */
export function createHandlers(ctx: MockContext) {
  const table = new RegionTable(ctx.regions);
  const region = (url: URL) => {
    const code = url.searchParams.get('region') || '410000';
    return table.get(code) ? code : null;
  };
  const asOf = () => new Date(ctx.now()).toISOString();
  const unknownRegion = () => HttpResponse.json({ error: 'unknown region' }, { status: 404 });
  let projectCache: { key: string; rows: ReturnType<typeof projectRecords> } | null = null;
  return [
    http.get('*/api/economy/kpis', ({ request }) => {
      const url = new URL(request.url);
      const code = region(url);
      if (!code) return unknownRegion();
      const month = monthParam(url.searchParams.get('to'), ctx.now());
      return HttpResponse.json({ asOf: asOf(), records: kpiRecords(table, code, month, ctx.seed) });
    }),
    http.get('*/api/economy/series', ({ request }) => {
      const url = new URL(request.url);
      const code = region(url);
      if (!code) return unknownRegion();
      const to = monthParam(url.searchParams.get('to'), ctx.now());
      const fromRaw = url.searchParams.get('from');
      const from = fromRaw && MONTH.test(fromRaw) && fromRaw <= to ? fromRaw : addMonths(to, -11);
      return HttpResponse.json({ asOf: asOf(), records: seriesRecords(table, code, from, to, ctx.seed, idsParam(url)) });
    }),
    http.get('*/api/economy/region-metrics', ({ request }) => {
      const url = new URL(request.url);
      const code = region(url);
      if (!code) return unknownRegion();
      const month = monthParam(url.searchParams.get('to'), ctx.now());
      return HttpResponse.json({ asOf: asOf(), records: regionMetricRecords(table, code, month, ctx.seed, idsParam(url)) });
    }),
    http.get('*/api/economy/projects', ({ request }) => {
      const url = new URL(request.url);
      const code = region(url);
      if (!code) return unknownRegion();
      const month = lastPublishedMonth(ctx.now());
      if (projectCache?.key !== month) projectCache = { key: month, rows: projectRecords(table, month, ctx.seed) };
      return HttpResponse.json({ asOf: asOf(), records: projectsIn(table, code, projectCache.rows) });
    }),
    http.get('*/api/economy/composition', ({ request }) => {
      const url = new URL(request.url);
      const code = region(url);
      if (!code) return unknownRegion();
      const month = monthParam(url.searchParams.get('to'), ctx.now());
      const kind = url.searchParams.get('kind') === 'investment' ? 'investment' : 'industry';
      return HttpResponse.json({ asOf: asOf(), records: compositionRecords(table, code, month, ctx.seed, kind) });
    }),
    ...createLiveHandlers(ctx),
  ];
}
