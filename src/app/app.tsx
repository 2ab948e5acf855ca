import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { type Runtime, RuntimeContext } from '../data/runtime';
import { useRotation } from '../modes/rotation';
import { ScreenView } from '../screens/screen-view';
import { useView, viewStore } from '../state/view-store';

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

function Shell({ runtime }: { runtime: Runtime }) {
  const screenId = useView((s) => s.screen);
  const locale = useView((s) => s.locale);
  const screen = runtime.config.screens.find((s) => s.id === screenId) ?? runtime.config.screens[0];
  useRotation(runtime.config);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useEffect(() => {
    // Esc goes up one drill level (Back does the same through history).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const { region, drillTo, focus, setFocus } = viewStore().getState();
      if (focus) return setFocus(null);
      const parent = runtime.regions.get(region)?.parent;
      if (parent && runtime.regions.has(parent)) drillTo(parent);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runtime.regions]);
  if (!screen) return null;
  return <ScreenView key={screen.id} screen={screen} />;
}
