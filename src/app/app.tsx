import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TakeoverRule } from '../config/schema';
import { type Runtime, RuntimeContext, useRuntime } from '../data/runtime';
import { useDataset } from '../data/use-dataset';
import { usePointerIdle, useKiosk } from '../modes/kiosk';
import { useInteractionPause, useRotation } from '../modes/rotation';
import { useDayRollover, useOnline, useSelfHealing } from '../modes/self-healing';
import { activeRules, useTakeover, useTakeoverFeed } from '../modes/takeover';
import { installWallStore } from '../modes/wall-store';
import { clock } from '../lib/clock';
import { ScreenView } from '../screens/screen-view';
import { useView, viewStore } from '../state/view-store';
import { drillOrigin, requestDrill } from '../state/drill';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Intranets often look "offline" to the browser; never pause on that.
        networkMode: 'always',
        retry: 1,
        retryDelay: 1500,
        refetchOnWindowFocus: true,
        gcTime: 10 * 60_000,
        structuralSharing: true,
      },
    },
  });
}

export function App({ runtime, queryClient }: { runtime: Runtime; queryClient: QueryClient }) {
  return (
    <RuntimeContext.Provider value={runtime}>
      <QueryClientProvider client={queryClient}>
        <Shell runtime={runtime} />
      </QueryClientProvider>
    </RuntimeContext.Provider>
  );
}

/** The wall store is kept per config file, so two configs on one site keep their own rotation. */
function wallStorageKey(): string {
  const name = new URLSearchParams(location.search).get('config') ?? 'config.json';
  return `cockpit.wall:${name}`;
}

function Shell({ runtime }: { runtime: Runtime }) {
  const { config, regions } = runtime;
  const root = config.regionPack.root;
  // Before any wall hook reads it: the rotation position and pending takeovers a previous page left.
  useState(() => installWallStore(wallStorageKey()));
  const screenId = useView((s) => s.screen);
  const locale = useView((s) => s.locale);
  const mode = useView((s) => s.mode);
  const queryClient = useQueryClient();
  const screen = config.screens.find((s) => s.id === screenId) ?? config.screens[0];
  useRotation(config, root);
  useInteractionPause(config, root);
  useTakeover(config, root, (code) => regions.has(code));
  useKiosk(config);
  usePointerIdle(mode === 'wall', config.kiosk.hideCursorAfterSec * 1000);
  useSelfHealing(config);
  // Midnight (China time): "today" figures and relative ranges start afresh without a reload.
  useDayRollover(() => void queryClient.invalidateQueries());
  // Back online: ask every feed on screen at once rather than waiting for its next poll.
  useOnline(() => void queryClient.refetchQueries({ type: 'active' }));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    // Esc goes up one drill level (Back does the same through history).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const { focus, setFocus } = viewStore().getState();
      if (focus) return setFocus(null);
      const parent = regions.get(drillOrigin())?.parent;
      if (parent && regions.has(parent)) requestDrill(parent);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [regions]);
  if (!screen) return null;
  return (
    <>
      {mode === 'wall' ? activeRules(config).map((rule) => <TakeoverWatch key={rule.id} rule={rule} queueMax={config.takeover.queueMax} />) : null}
      <ScreenView key={screen.id} screen={screen} />
    </>
  );
}

const now = () => clock.now();

/** Binds one takeover rule to its dataset (province-wide, whatever the view): the wall watches it on every screen. */
function TakeoverWatch({ rule, queueMax }: { rule: TakeoverRule; queueMax: number }) {
  const { config } = useRuntime();
  const contract = config.datasets[rule.dataset]?.contract ?? 'incident';
  const data = useDataset(rule.dataset, contract as 'incident', { region: config.regionPack.root });
  useTakeoverFeed(rule, data.records, queueMax, now);
  return null;
}
