import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { entries } from 'idb-keyval';
import { createStore } from 'idb-keyval';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setClock } from '../lib/clock';
import { createViewStore, installViewStore } from '../state/view-store';
import { testConfig, testRegions } from '../test/harness';
import { templateKey } from './adapters/behaviour';
import { adapters } from './adapters/registry';
import { fillTemplate } from './adapters/template';
import type { PushSink } from './adapters/types';
import type { ContractName } from './contracts/index';
import { RuntimeContext } from './runtime';
import { useDataset } from './use-dataset';

/**
 * useDataset itself, in React: what a panel gets for pull datasets (real http
 * adapter against MSW) and push datasets (a fake push adapter registered like
 * any site adapter), across the staleness window, failures, a reload with a
 * copy saved on this device, and drill-downs.
 */

// ── a fake push adapter: the test plays the server ──────────────────────────
interface FakeSubscription {
  url: string;
  resume: string | undefined;
  sink: PushSink;
  closed: boolean;
}
const subscriptions: FakeSubscription[] = [];
adapters.register('test-push', {
  id: 'test-push',
  optionsSchema: z.object({ url: z.string() }).strict(),
  create: (options: { url: string }) => ({
    subscribe(request, sink, resume) {
      const s: FakeSubscription = { url: fillTemplate(options.url, request), resume: resume?.lastEventId, sink, closed: false };
      subscriptions.push(s);
      sink.status('connecting');
      return () => {
        s.closed = true;
      };
    },
  }),
  behaviour: (options: { url: string }) => ({ pollMs: 0, staleAfterMs: 60_000, channelKey: templateKey(options.url) }),
});
const subscriptionsTo = (prefix: string) => subscriptions.filter((s) => s.url.startsWith(prefix));

// ── a pull backend (MSW), logging what was asked ─────────────────────────────
const requested: string[] = [];
let kpiStatus = 200;
let hold: Promise<void> | null = null;
const kpi = (id: string, region: string, value: number) => ({ id, name: id, region, period: '2026-10', value, unit: '亿元' });
const server = setupServer(
  http.get('http://feeds.test/api/kpis', async ({ request }) => {
    const url = new URL(request.url);
    requested.push(`${url.pathname}${url.search}`);
    if (hold) await hold;
    if (kpiStatus !== 200) return HttpResponse.json({ error: 'down' }, { status: kpiStatus });
    const region = url.searchParams.get('region') ?? '410000';
    return HttpResponse.json({ records: [kpi('gdp', region, region === '410000' ? 100 : 7), kpi('retail', region, 50)] });
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  kpiStatus = 200;
  hold = null;
  requested.length = 0;
  subscriptions.length = 0;
});
afterAll(() => server.close());

// ── rendering ────────────────────────────────────────────────────────────────
const T0 = Date.parse('2026-11-20T10:00:00+08:00');
let now = T0;

function Probe({ id, contract }: { id: string; contract: ContractName }) {
  const v = useDataset(id, contract);
  const records = (v.records ?? []) as readonly { id: string; value?: number | null }[];
  return (
    <output data-testid={id} data-state={v.state} data-reason={v.reason ?? ''} data-switching={String(v.switching)}>
      {records.map((r) => (r.value === undefined ? r.id : `${r.id}=${r.value}`)).join(',')}
    </output>
  );
}

function mount(datasets: Record<string, unknown>, probes: [string, ContractName][]) {
  now = T0;
  setClock({ now: () => now });
  const store = createViewStore({ screen: 'economy', mode: 'wall', region: '410000', range: '12m', filters: {}, locale: 'zh-CN', focus: null });
  installViewStore(store);
  const runtime = { config: testConfig({ datasets }), regions: testRegions, mocked: false };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const ui = (): ReactNode => (
    <RuntimeContext.Provider value={runtime}>
      <QueryClientProvider client={client}>
        {probes.map(([id, contract]) => (
          <Probe key={id} id={id} contract={contract} />
        ))}
      </QueryClientProvider>
    </RuntimeContext.Provider>
  );
  const result = render(ui());
  return {
    client,
    store,
    /** Renders again (what the 10-second freshness tick does on a wall). */
    tick: () => result.rerender(ui()),
    unmount: () => result.unmount(),
  };
}

const view = (id: string) => {
  const el = screen.getByTestId(id);
  return { state: el.dataset.state, reason: el.dataset.reason, records: el.textContent, switching: el.dataset.switching };
};

const source = { name: 'test' };
const pullDataset = (url = 'http://feeds.test/api/kpis?region={region}', extra: Record<string, unknown> = {}) => ({
  adapter: 'http',
  contract: 'kpi',
  options: { url, intervalMs: 0 },
  source,
  staleAfterMs: 60_000,
  ...extra,
});

describe('useDataset — pull', () => {
  it('is ready with the answer, stale once the window has passed, and keeps the last good records when a refresh fails', async () => {
    const app = mount({ kpis: pullDataset() }, [['kpis', 'kpi']]);
    expect(view('kpis').state).toBe('loading');
    await waitFor(() => expect(view('kpis')).toMatchObject({ state: 'ready', records: 'gdp=100,retail=50', reason: '' }));

    now = T0 + 59_000;
    app.tick();
    expect(view('kpis').state).toBe('ready');
    now = T0 + 61_000;
    app.tick();
    expect(view('kpis')).toMatchObject({ state: 'stale', reason: 'no new data for 1 min', records: 'gdp=100,retail=50' });

    kpiStatus = 503;
    await act(() => app.client.refetchQueries());
    await waitFor(() => expect(view('kpis').reason).toMatch(/^http: HTTP 503/));
    expect(view('kpis')).toMatchObject({ state: 'stale', records: 'gdp=100,retail=50' });

    kpiStatus = 200;
    await act(() => app.client.refetchQueries());
    await waitFor(() => expect(view('kpis')).toMatchObject({ state: 'ready', reason: '' }));
    app.unmount();
  });

  it('is an error, not a blank "loading", when the first answer fails', async () => {
    kpiStatus = 500;
    const app = mount({ kpis: pullDataset('http://feeds.test/api/kpis?region={region}&first=fails') }, [['kpis', 'kpi']]);
    await waitFor(() => expect(view('kpis').state).toBe('error'));
    expect(view('kpis')).toMatchObject({ records: '' });
    expect(view('kpis').reason).toMatch(/^http: HTTP 500/);
    app.unmount();
  });

  it('after a reload shows the copy saved on this device — never as current — until the first live answer', async () => {
    const url = 'http://feeds.test/api/kpis?region={region}&reload=1';
    const store = createStore('cockpit-last-good', 'datasets');
    const saved = (await entries(store)).length;
    const first = mount({ kpis: pullDataset(url, { staleAfterMs: 3_600_000 }) }, [['kpis', 'kpi']]);
    await waitFor(() => expect(view('kpis').state).toBe('ready'));
    await waitFor(async () => expect((await entries(store)).length).toBe(saved + 1));
    first.unmount();

    // Reload two minutes later while the backend hangs: the saved copy, with its age, marked as such.
    let release: () => void = () => undefined;
    hold = new Promise<void>((r) => {
      release = r;
    });
    const second = mount({ kpis: pullDataset(url, { staleAfterMs: 3_600_000 }) }, [['kpis', 'kpi']]);
    now = T0 + 120_000;
    await waitFor(() => expect(view('kpis').records).toBe('gdp=100,retail=50'));
    expect(view('kpis')).toMatchObject({ state: 'stale', reason: 'last good data saved on this device' });
    release();
    await waitFor(() => expect(view('kpis')).toMatchObject({ state: 'ready', reason: '' }));
    second.unmount();
  });

  it('asks again with the new region after a drill-down, showing the previous answer meanwhile; a URL without {region} is not asked again', async () => {
    const app = mount(
      {
        kpis: pullDataset(),
        province: pullDataset('http://feeds.test/api/kpis?scope=province'),
      },
      [
        ['kpis', 'kpi'],
        ['province', 'kpi'],
      ],
    );
    await waitFor(() => expect(view('kpis').records).toBe('gdp=100,retail=50'));
    await waitFor(() => expect(view('province').state).toBe('ready'));
    let release: () => void = () => undefined;
    hold = new Promise<void>((r) => {
      release = r;
    });
    act(() => app.store.getState().drillTo('410300'));
    expect(view('kpis')).toMatchObject({ records: 'gdp=100,retail=50', switching: 'true' });
    release();
    await waitFor(() => expect(view('kpis')).toMatchObject({ records: 'gdp=7,retail=50', switching: 'false' }));
    expect(requested.filter((r) => r.includes('region=410300'))).toHaveLength(1);
    expect(requested.filter((r) => r.includes('scope=province'))).toHaveLength(1);
    app.unmount();
  });
});

const appeal = (id: string, region: string, at: number) => ({
  id,
  channel: '电话',
  category: '城乡建设',
  region,
  text: `诉求${id}`,
  receivedAt: at,
  status: 'new',
});
const pushDataset = (url: string) => ({ adapter: 'test-push', contract: 'text-item', options: { url }, source });

describe('useDataset — push', () => {
  it('shows pushed records, turns stale after the declared window without a sign of life, and ready again on a heartbeat', async () => {
    const app = mount({ appeals: pushDataset('fake://appeals?region={region}') }, [['appeals', 'text-item']]);
    await waitFor(() => expect(subscriptions).toHaveLength(1));
    const live = subscriptions[0] as FakeSubscription;
    expect(live.url).toBe('fake://appeals?region=410000');
    expect(view('appeals').state).toBe('loading');
    act(() => {
      live.sink.status('open');
      live.sink.next([appeal('a1', '410105', T0 - 2000), appeal('a2', '410305', T0 - 1000)], { id: '2' });
    });
    await waitFor(() => expect(view('appeals')).toMatchObject({ state: 'ready', records: 'a1,a2' }));
    // No event and no heartbeat for longer than the adapter's declared 60 s: stale, records kept.
    now = T0 + 61_000;
    app.tick();
    expect(view('appeals')).toMatchObject({ state: 'stale', reason: 'no new data for 1 min', records: 'a1,a2' });
    act(() => live.sink.alive?.());
    await waitFor(() => expect(view('appeals')).toMatchObject({ state: 'ready', reason: '' }));
    // The stream drops: offline with the reason, the records stay.
    act(() => live.sink.status('reconnecting', 'the stream was interrupted'));
    await waitFor(() => expect(view('appeals')).toMatchObject({ state: 'offline', reason: 'network: the stream was interrupted', records: 'a1,a2' }));
    app.unmount();
  });

  it('re-subscribes with the city after a drill and resumes the province channel after Back; a province-wide stream keeps its one channel', async () => {
    const app = mount({ ticker: pushDataset('fake://appeals?region={region}'), incidents: pushDataset('fake://incidents') }, [
      ['ticker', 'text-item'],
      ['incidents', 'text-item'],
    ]);
    await waitFor(() => expect(subscriptions).toHaveLength(2));
    const province = subscriptionsTo('fake://appeals')[0] as FakeSubscription;
    act(() => {
      province.sink.status('open');
      province.sink.next([appeal('p1', '410105', T0 - 3000), appeal('p2', '410305', T0 - 2000)], { id: '12' });
    });
    await waitFor(() => expect(view('ticker').records).toBe('p1,p2'));

    act(() => app.store.getState().drillTo('410300'));
    await waitFor(() => expect(subscriptionsTo('fake://appeals')).toHaveLength(2));
    const city = subscriptionsTo('fake://appeals')[1] as FakeSubscription;
    expect(city.url).toBe('fake://appeals?region=410300');
    expect(city.resume).toBeUndefined();
    expect(province.closed).toBe(true);
    // Until the city's stream delivers, the province's records stay up, marked as switching.
    expect(view('ticker')).toMatchObject({ records: 'p1,p2', switching: 'true' });
    act(() => {
      city.sink.status('open');
      city.sink.next([appeal('c1', '410305', T0 - 500)], { id: '15' });
    });
    await waitFor(() => expect(view('ticker')).toMatchObject({ records: 'c1', switching: 'false', state: 'ready' }));
    // A late event from the closed province connection is dropped.
    act(() => province.sink.next(appeal('late', '410105', T0), { id: '13' }));

    act(() => app.store.getState().drillTo('410000'));
    await waitFor(() => expect(subscriptionsTo('fake://appeals')).toHaveLength(3));
    const back = subscriptionsTo('fake://appeals')[2] as FakeSubscription;
    expect(back.url).toBe('fake://appeals?region=410000');
    expect(city.closed).toBe(true);
    // The province channel was kept: its records are back at once and the stream resumes after its last event.
    expect(back.resume).toBe('12');
    await waitFor(() => expect(view('ticker').records).toBe('p1,p2'));

    const incidents = subscriptionsTo('fake://incidents');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.closed).toBe(false);
    app.unmount();
    expect(back.closed).toBe(true);
    expect(incidents[0]?.closed).toBe(true);
  });
});
