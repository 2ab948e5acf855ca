import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * The newest as-of / received time across the datasets on screen, for the
 * title bar's "data time". Panels report; the title bar reads.
 */
const store = createStore<{ latest: Record<string, number> }>()(() => ({ latest: {} }));

export function reportDataTime(datasetId: string, at: number | null): void {
  if (at === null || !datasetId) return;
  const current = store.getState().latest[datasetId];
  if (current === at) return;
  store.setState((s) => ({ latest: { ...s.latest, [datasetId]: at } }));
}

export function useLatestDataTime(): number | null {
  return useStore(store, (s) => {
    const values = Object.values(s.latest);
    return values.length ? Math.max(...values) : null;
  });
}
