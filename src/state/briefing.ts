/**
 * "Add to briefing": views an analyst collects, in this browser, as the steps
 * of a demo tour. Downloaded as JSON, the file plays with
 * `?mode=demo&tour=<file>` (placed beside index.html) or straight from this
 * browser with `?mode=demo&tour=local`; either way it is validated like the
 * config's own tour.
 */
export interface BriefingStep {
  screen: string;
  region: string;
  panel?: string | undefined;
  filters: Record<string, string>;
  caption: string;
  durationSec: number;
}

export interface Briefing {
  /** Pins the clock so the briefing shows the figures the analyst saw. */
  now?: string | undefined;
  loop: boolean;
  steps: BriefingStep[];
}

export const BRIEFING_KEY = 'cockpit.briefing.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readBriefing(): Briefing | null {
  const raw = storage()?.getItem(BRIEFING_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Briefing;
    return Array.isArray(parsed?.steps) ? parsed : null;
  } catch {
    return null;
  }
}

export function addBriefingStep(step: BriefingStep, now: string): Briefing {
  const current = readBriefing() ?? { now, loop: false, steps: [] };
  const next: Briefing = { ...current, steps: [...current.steps, step].slice(-50) };
  storage()?.setItem(BRIEFING_KEY, JSON.stringify(next));
  return next;
}

export function clearBriefing(): void {
  storage()?.removeItem(BRIEFING_KEY);
}

/** The briefing as the file a user downloads: a tour object, pretty-printed. */
export function briefingFile(briefing: Briefing): string {
  return `${JSON.stringify(briefing, null, 2)}\n`;
}
