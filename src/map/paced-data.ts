import { useEffect, useReducer, useRef } from 'react';
import type { LayerData } from './layers/layer-type';

/**
 * The map's data under a storm of updates (issue #12: 5,000 open incidents,
 * 200 updates a second). The stores already tell panels at most 4 times a
 * second; for a list that is cheap, for the map each change is a rebuild of
 * every live layer and a full WebGL redraw (on a software GPU a redraw costs
 * more than the compositor's whole frame). So the map takes a new data set
 * at once when it has been quiet for `MAP_DATA_INTERVAL_MS` or when a record
 * it has not drawn yet arrives (a new incident shows at once, as in the
 * list), and otherwise at most once per interval: the newest data, never
 * dropped, at most that late. Moving points and status colours at 1 Hz is
 * what a wall can show; faster only costs frames.
 */
export const MAP_DATA_INTERVAL_MS = 1000;
/** A new record waits at most this long (the stores' own pace under load). */
export const NEW_RECORD_MS = 250;

const idsOf = new WeakMap<readonly unknown[], Set<unknown>>();

function ids(records: readonly unknown[]): Set<unknown> {
  let set = idsOf.get(records);
  if (!set) {
    set = new Set();
    for (const r of records) {
      const id = (r as { id?: unknown } | null)?.id;
      if (id !== undefined) set.add(id);
    }
    idsOf.set(records, set);
  }
  return set;
}

/** Whether `next` holds a record (by `id`) that `shown` does not: something new to show at once. */
export function hasNewRecord(shown: LayerData, next: LayerData): boolean {
  for (const key of Object.keys(next)) {
    const records = next[key];
    const before = shown[key];
    if (!records || records === before) continue;
    if (!before) return records.length > 0;
    const known = ids(before);
    for (const r of records) {
      const id = (r as { id?: unknown } | null)?.id;
      if (id !== undefined && !known.has(id)) return true;
    }
  }
  return false;
}

const monotonic = () => performance.now();

/**
 * `data`, paced: a change applies at once after a quiet interval, and one
 * that brings a new record at once too (but not more often than every
 * `NEW_RECORD_MS`: a storm of new incidents is paced as well); anything else
 * waits for the end of the interval and then applies the newest value.
 * `now` is for tests.
 */
export function usePacedData(data: LayerData, intervalMs = MAP_DATA_INTERVAL_MS, now: () => number = monotonic): LayerData {
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const shown = useRef<{ data: LayerData; at: number }>({ data, at: Number.NEGATIVE_INFINITY });
  const latest = useRef(data);
  latest.current = data;
  let due = Number.NEGATIVE_INFINITY;
  if (shown.current.data !== data) {
    const { at } = shown.current;
    due = at + (hasNewRecord(shown.current.data, data) ? Math.min(NEW_RECORD_MS, intervalMs) : intervalMs);
    const t = now();
    if (t >= due) shown.current = { data, at: t };
  }
  const held = shown.current.data !== data ? due : null;
  useEffect(() => {
    if (held === null) return;
    const timer = setTimeout(
      () => {
        shown.current = { data: latest.current, at: now() };
        rerender();
      },
      Math.max(0, held - now()),
    );
    return () => clearTimeout(timer);
  }, [held, now]);
  return shown.current.data;
}
