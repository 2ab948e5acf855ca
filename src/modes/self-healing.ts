import { useEffect, useRef, useState } from 'react';
import type { CockpitConfig } from '../config/schema';
import { clock, onClockChange } from '../lib/clock';
import { useView } from '../state/view-store';

/**
 * Walls that run for weeks: the day rolls over at midnight China time without
 * a reload, a scheduled soft reload (e.g. 04:00) and a memory watchdog start
 * the page afresh with the view, the rotation position and the last good data
 * restored, and an offline banner shows while the network is gone.
 *
 * A soft reload is a page reload that loses nothing a person would notice:
 * the view is in the URL, the rotation position and pending takeovers are in
 * the wall store (localStorage), and every panel's last good answer is in
 * IndexedDB, shown at once while the first answers arrive. It is only done
 * when the server answers, so a wall never reloads into an error page.
 */

const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of an instant in China Standard Time (no DST). */
export function chinaDay(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a China-time "hh:mm" falls in (from, to]; walls check every few seconds and after a sleep or a clock jump. */
export function crossesTime(from: number, to: number, hhmm: string): boolean {
  if (!(to > from)) return false;
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const offset = (h * 60 + m) * 60_000;
  // The last occurrence at or before `to`.
  const dayStart = Math.floor((to + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
  let at = dayStart + offset;
  if (at > to) at -= DAY_MS;
  return at > from;
}

const CHECK_MS = 15_000;

/** Calls `onNewDay` when the China-time date changes (checked every 15 s and whenever the clock is replaced). */
export function useDayRollover(onNewDay: (day: string) => void): string {
  const [day, setDay] = useState(() => chinaDay(clock.now()));
  const callback = useRef(onNewDay);
  callback.current = onNewDay;
  useEffect(() => {
    let current = chinaDay(clock.now());
    const check = () => {
      const d = chinaDay(clock.now());
      if (d === current) return;
      current = d;
      setDay(d);
      callback.current(d);
    };
    const timer = setInterval(check, CHECK_MS);
    const off = onClockChange(check);
    return () => {
      clearInterval(timer);
      off();
    };
  }, []);
  return day;
}

export type ReloadReason = 'scheduled' | 'memory';

const RELOAD_KEY = 'cockpit.wall.reload';
/** The watchdog does not reload again within this long (a page that is heavy from the start must not loop). */
const WATCHDOG_QUIET_MS = 30 * 60_000;

export interface ReloadRecord {
  reason: ReloadReason;
  at: number;
  heapMB?: number | undefined;
}

export function lastReload(): ReloadRecord | null {
  try {
    const raw = JSON.parse(sessionStorage.getItem(RELOAD_KEY) ?? 'null') as ReloadRecord | null;
    return raw && typeof raw.at === 'number' ? raw : null;
  } catch {
    return null;
  }
}

/** Whether the page can be reloaded now: the server answers (else the wall would reload into an error page). */
async function serverAnswers(): Promise<boolean> {
  try {
    const r = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
    return r.ok;
  } catch {
    return false;
  }
}

let reloading = false;

/**
 * Reloads the page once the server answers (retrying every minute). The view
 * is in the URL and the wall store is written as it changes, so nothing is
 * left to save here.
 */
export async function softReload(reason: ReloadReason, detail: { heapMB?: number } = {}, reload: () => void = () => location.reload()): Promise<void> {
  if (reloading) return;
  reloading = true;
  try {
    while (!(await serverAnswers())) await new Promise((r) => setTimeout(r, 60_000));
    try {
      sessionStorage.setItem(RELOAD_KEY, JSON.stringify({ reason, at: Date.now(), heapMB: detail.heapMB } satisfies ReloadRecord));
    } catch {
      // Storage refused: reload anyway.
    }
    reload();
  } finally {
    reloading = false;
  }
}

/** The page's JS heap in MB: the standard API where the page may use it, else Chrome's `performance.memory`; null elsewhere. */
export async function measureHeapMB(): Promise<number | null> {
  const perf = performance as Performance & {
    measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
    memory?: { usedJSHeapSize: number };
  };
  if (typeof perf.measureUserAgentSpecificMemory === 'function' && globalThis.crossOriginIsolated) {
    try {
      return (await perf.measureUserAgentSpecificMemory()).bytes / 1048576;
    } catch {
      // Fall through to the older API.
    }
  }
  return perf.memory ? perf.memory.usedJSHeapSize / 1048576 : null;
}

/** The scheduled soft reload and the memory watchdog (wall mode only). */
export function useSelfHealing(config: CockpitConfig): void {
  const mode = useView((s) => s.mode);
  const on = mode === 'wall';
  const { softReloadAt, memoryCeilingMB, memoryCheckSec } = config.selfHealing;

  useEffect(() => {
    if (!on || !softReloadAt) return;
    let last = clock.now();
    const check = () => {
      const now = clock.now();
      // A clock replaced backwards (a pinned `?now=`) only moves the reference.
      if (crossesTime(last, now, softReloadAt)) void softReload('scheduled');
      last = now;
    };
    const timer = setInterval(check, CHECK_MS);
    return () => clearInterval(timer);
  }, [on, softReloadAt]);

  useEffect(() => {
    if (!on || memoryCeilingMB === null) return;
    const timer = setInterval(() => {
      const previous = lastReload();
      if (previous?.reason === 'memory' && Date.now() - previous.at < WATCHDOG_QUIET_MS) return;
      void measureHeapMB().then((mb) => {
        if (mb !== null && mb > memoryCeilingMB) void softReload('memory', { heapMB: Math.round(mb) });
      });
    }, memoryCheckSec * 1000);
    return () => clearInterval(timer);
  }, [on, memoryCeilingMB, memoryCheckSec]);
}

/** `navigator.onLine`, following the browser's online/offline events. */
export function useOnline(onBack?: () => void): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));
  const callback = useRef(onBack);
  callback.current = onBack;
  useEffect(() => {
    const up = () => {
      setOnline(true);
      callback.current?.();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}
