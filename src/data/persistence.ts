import { createStore, get, set } from 'idb-keyval';

/**
 * The last good value of each dataset query, kept in IndexedDB so a reload
 * during a backend outage still shows data with its age.
 */
export interface Snapshot<T = unknown> {
  records: T[];
  asOf: number | null;
  savedAt: number;
}

let store: ReturnType<typeof createStore> | null | undefined;
function idb() {
  if (store === undefined) {
    try {
      store = typeof indexedDB === 'undefined' ? null : createStore('cockpit-last-good', 'datasets');
    } catch {
      store = null;
    }
  }
  return store;
}

export async function saveSnapshot(key: string, snapshot: Snapshot): Promise<void> {
  const s = idb();
  if (!s) return;
  try {
    await set(key, snapshot, s);
  } catch {
    // Quota or private mode: persistence is a convenience, never a failure.
  }
}

export async function loadSnapshot<T>(key: string): Promise<Snapshot<T> | null> {
  const s = idb();
  if (!s) return null;
  try {
    return ((await get(key, s)) as Snapshot<T> | undefined) ?? null;
  } catch {
    return null;
  }
}
