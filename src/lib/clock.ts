/**
 * The one source of "now" in the app. Demo mode and tests install a fixed or
 * scripted clock so that rendered times and generated data are deterministic.
 */
export interface Clock {
  now(): number;
}

const systemClock: Clock = { now: () => Date.now() };
let current: Clock = systemClock;
const listeners = new Set<() => void>();

export const clock: Clock = { now: () => current.now() };

export function setClock(next: Clock): void {
  current = next;
  for (const l of listeners) l();
}

export function resetClock(): void {
  setClock(systemClock);
}

export function onClockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A clock that starts at `startMs` and advances with real time (speed 1) or
 * not at all (speed 0). Used for `?now=` links and deterministic e2e runs.
 */
export function anchoredClock(startMs: number, speed = 1, base: Clock = systemClock): Clock {
  const realStart = base.now();
  return { now: () => startMs + (base.now() - realStart) * speed };
}

/** Parses an ISO date/time; returns null for anything that is not one. */
export function parseInstant(text: string | null | undefined): number | null {
  if (!text) return null;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}
