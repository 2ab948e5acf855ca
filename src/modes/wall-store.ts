import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createStore } from 'zustand/vanilla';

/**
 * Wall state that is not the view: where the rotation is, whether a person
 * paused it, the alert takeover in progress and the ones waiting. The view
 * (screen, region, filters) stays in the view store and the URL; this store
 * is persisted to localStorage, so a reload — by hand, scheduled, or by the
 * memory watchdog — resumes the rotation where it was and keeps unacknowledged
 * takeovers.
 */
export interface TakeoverItem {
  /** `<rule id>|<record id>`: raised once. */
  key: string;
  rule: string;
  recordId: string;
  screen: string;
  panel: string | null;
  /** Region to drill to (null: stay). */
  region: string | null;
  /** The record's own text (untrusted: rendered as text). */
  text: string;
  /** Severity / level 1–4 when the record has one. */
  level: number | null;
  /** The record's time (ms) when it has one. */
  at: number | null;
  raisedAt: number;
}

export interface SavedView {
  screen: string;
  region: string;
  filters: Record<string, string>;
}

export interface WallState {
  /** Playlist index and when that step began (Date.now(), survives a reload). */
  step: number;
  stepStartedAt: number;
  /** Rotation paused by a pointer or key; resumes after the configured idle time. */
  paused: boolean;
  lastInteractionAt: number;
  active: TakeoverItem | null;
  activeSince: number | null;
  queue: TakeoverItem[];
  /** Keys already raised (bounded): a reconnecting stream's replay does not raise them again. */
  handled: string[];
  /** The view before a takeover, restored afterwards when there is no rotation to return to. */
  resumeView: SavedView | null;
}

export interface WallActions {
  setStep(step: number, at: number): void;
  /** A person touched the wall: pause (throttled to one update a second). */
  interact(at: number): void;
  resume(): void;
  /** Queues a takeover (or starts it when none is active); false when already raised or the queue is full of newer ones. */
  raise(item: TakeoverItem, queueMax: number, at: number): boolean;
  /** Ends the active takeover; the next queued one starts. Returns it (null: none left). */
  acknowledge(at: number): TakeoverItem | null;
  setResumeView(view: SavedView | null): void;
}

export type WallStore = WallState & WallActions;

const HANDLED_MAX = 500;
const PERSISTED = ['step', 'stepStartedAt', 'active', 'activeSince', 'queue', 'handled', 'resumeView'] as const;
type Persisted = Pick<WallState, (typeof PERSISTED)[number]>;

function initialState(now: number): WallState {
  return { step: 0, stepStartedAt: now, paused: false, lastInteractionAt: 0, active: null, activeSince: null, queue: [], handled: [], resumeView: null };
}

export function createWallStore(initial: Partial<WallState> = {}, now = Date.now()) {
  return createStore<WallStore>()((set, get) => ({
    ...initialState(now),
    ...initial,
    setStep: (step, at) => set({ step, stepStartedAt: at }),
    interact: (at) => {
      const s = get();
      if (s.paused && at - s.lastInteractionAt < 1000) return;
      set({ paused: true, lastInteractionAt: at });
    },
    resume: () => set({ paused: false }),
    raise: (item, queueMax, at) => {
      const s = get();
      if (s.handled.includes(item.key) || s.active?.key === item.key || s.queue.some((q) => q.key === item.key)) return false;
      const handled = [...s.handled, item.key].slice(-HANDLED_MAX);
      if (!s.active) {
        set({ active: item, activeSince: at, handled });
        return true;
      }
      // One at a time: later ones wait, oldest first; beyond the bound the oldest waiting ones go.
      set({ queue: [...s.queue, item].slice(-queueMax), handled });
      return true;
    },
    acknowledge: (at) => {
      const [next = null, ...rest] = get().queue;
      set({ active: next, activeSince: next ? at : null, queue: rest });
      return next;
    },
    setResumeView: (resumeView) => set({ resumeView }),
  }));
}

export type WallStoreApi = ReturnType<typeof createWallStore>;

let instance: WallStoreApi = createWallStore();

export function wallStore(): WallStoreApi {
  return instance;
}

export function useWall<T>(selector: (s: WallStore) => T): T {
  return useStore(instance, useShallow(selector));
}

function isItem(v: unknown): v is TakeoverItem {
  const o = v as TakeoverItem | null;
  return !!o && typeof o === 'object' && typeof o.key === 'string' && typeof o.screen === 'string' && typeof o.text === 'string';
}

/** Reads what a previous page left (tolerant: anything odd is dropped, never thrown). */
export function readSaved(text: string | null): Partial<WallState> {
  if (!text) return {};
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const out: Partial<WallState> = {};
    if (Number.isInteger(raw.step) && (raw.step as number) >= 0) out.step = raw.step as number;
    if (Number.isFinite(raw.stepStartedAt)) out.stepStartedAt = raw.stepStartedAt as number;
    if (isItem(raw.active)) {
      out.active = raw.active;
      out.activeSince = Number.isFinite(raw.activeSince) ? (raw.activeSince as number) : null;
    }
    if (Array.isArray(raw.queue)) out.queue = raw.queue.filter(isItem).slice(-100);
    if (Array.isArray(raw.handled)) out.handled = raw.handled.filter((k): k is string => typeof k === 'string').slice(-HANDLED_MAX);
    const rv = raw.resumeView as SavedView | null;
    if (rv && typeof rv.screen === 'string' && typeof rv.region === 'string')
      out.resumeView = { screen: rv.screen, region: rv.region, filters: { ...rv.filters } };
    return out;
  } catch {
    return {};
  }
}

function persistedText(s: WallState): string {
  const p: Record<string, unknown> = {};
  for (const k of PERSISTED) p[k] = s[k];
  return JSON.stringify(p as Persisted);
}

/**
 * Installs the wall store for this page, restored from `storage[key]`, and
 * writes it back whenever a persisted field changes. Returns the unsubscribe.
 */
export function installWallStore(key: string, storage: Storage | null = safeLocalStorage()): () => void {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(key) ?? null;
  } catch {
    saved = null;
  }
  instance = createWallStore(readSaved(saved));
  let last = persistedText(instance.getState());
  return instance.subscribe((s) => {
    const text = persistedText(s);
    if (text === last) return;
    last = text;
    try {
      storage?.setItem(key, text);
    } catch {
      // Quota or private mode: the wall runs on, it only forgets on reload.
    }
  });
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Events a wall control already handled (an acknowledged takeover), so they do not also pause the rotation. */
export const consumedEvents = new WeakSet<Event>();
