import { useEffect, useMemo } from 'react';
import type { CockpitConfig } from '../config/schema';
import { useView, viewStore } from '../state/view-store';
import { consumedEvents, useWall, wallStore } from './wall-store';

/** One step of the rotation: a screen, how long it stays, and optionally a region and filters. */
export interface Step {
  screen: string;
  dwellMs: number;
  region: string | null;
  filters: Record<string, string>;
}

/** The playlist from config: `rotation.playlist`, else `rotation.screens` (else every screen) at `intervalSec` each; steps on screens this config lacks are left out. */
export function playlistOf(config: CockpitConfig): Step[] {
  const r = config.rotation;
  const known = new Set(config.screens.map((s) => s.id));
  if (r.playlist.length) {
    return r.playlist
      .filter((p) => known.has(p.screen))
      .map((p) => ({ screen: p.screen, dwellMs: (p.dwellSec ?? r.intervalSec) * 1000, region: p.region ?? null, filters: { ...p.filters } }));
  }
  const ids = r.screens.length ? r.screens : config.screens.map((s) => s.id);
  return ids.filter((id) => known.has(id)).map((screen) => ({ screen, dwellMs: r.intervalSec * 1000, region: null, filters: {} }));
}

/** A wall switch: `?<name>=1` / `?<name>=0` in the URL, else the config's value. */
export function urlSwitch(name: string, fallback: boolean, search = typeof location === 'undefined' ? '' : location.search): boolean {
  const v = new URLSearchParams(search).get(name);
  if (v === '1' || v === 'true') return true;
  if (v === '0' || v === 'false') return false;
  return fallback;
}

/** Whether rotation is switched on: `?rotate=1|0`, else `rotation.enabled`. */
export function rotationEnabled(config: CockpitConfig): boolean {
  return urlSwitch('rotate', config.rotation.enabled);
}

/** Rotation runs in wall mode only, when switched on and there is somewhere to go. */
export function rotates(config: CockpitConfig, steps: readonly Step[]): boolean {
  if (!rotationEnabled(config) || steps.length === 0) return false;
  return steps.length > 1 || steps[0]?.region !== null;
}

/** Shows one step: its screen, its region (the root when it names none) and its filters. */
export function applyStep(step: Step, root: string): void {
  const s = viewStore().getState();
  s.hydrate({ ...s, screen: step.screen, region: step.region ?? root, filters: { ...step.filters }, focus: null });
}

/** The step a view is on: same screen and region, else same screen, else -1. */
export function stepOfView(steps: readonly Step[], screen: string, region: string, root: string): number {
  const exact = steps.findIndex((s) => s.screen === screen && (s.region ?? root) === region);
  return exact >= 0 ? exact : steps.findIndex((s) => s.screen === screen);
}

/** Moves to the step after the current one and shows it. */
export function advance(steps: readonly Step[], root: string, now = Date.now()): void {
  if (!steps.length) return;
  const next = (wallStore().getState().step + 1) % steps.length;
  const step = steps[next] as Step;
  applyStep(step, root);
  wallStore().getState().setStep(next, now);
}

/**
 * Wall mode: steps through the playlist, each step for its dwell. The
 * position (step and when it began) lives in the wall store, which survives a
 * reload: a wall reloaded mid-step finishes that step's dwell, then moves on.
 * A takeover or a person at the wall holds it.
 */
export function useRotation(config: CockpitConfig, root: string): void {
  const mode = useView((s) => s.mode);
  const steps = useMemo(() => playlistOf(config), [config]);
  const on = mode === 'wall' && rotates(config, steps);
  const { step, stepStartedAt, paused, active } = useWall((s) => ({
    step: s.step,
    stepStartedAt: s.stepStartedAt,
    paused: s.paused,
    active: s.active !== null,
  }));

  // Adopt the position: the saved one when the view is on it (a reload), else the step the view is on, else the first.
  useEffect(() => {
    if (!on) return;
    const view = viewStore().getState();
    const wall = wallStore().getState();
    const saved = steps[wall.step];
    const exact = steps.findIndex((s) => s.screen === view.screen && (s.region ?? root) === view.region);
    const keep = saved && wall.stepStartedAt <= Date.now() && (exact >= 0 ? exact === wall.step : saved.screen === view.screen);
    if (keep) return;
    wall.setStep(Math.max(0, stepOfView(steps, view.screen, view.region, root)), Date.now());
  }, [on, steps, root]);

  useEffect(() => {
    if (!on || paused || active) return;
    const current = steps[step] ?? steps[0];
    if (!current) return;
    const elapsed = Math.max(0, Date.now() - stepStartedAt);
    const timer = setTimeout(() => advance(steps, root), Math.max(0, current.dwellMs - elapsed));
    return () => clearTimeout(timer);
  }, [on, paused, active, step, stepStartedAt, steps, root]);
}

const INTERACTIONS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * A person at the wall (pointer, key, wheel, touch) pauses the rotation; a
 * visible mark says so (`RotationStatus`). After `resumeAfterSec` without
 * interaction it moves on to the next step. Hover counts: a pointer resting
 * on a chart someone is reading holds the screen.
 */
export function useInteractionPause(config: CockpitConfig, root: string): void {
  const mode = useView((s) => s.mode);
  const steps = useMemo(() => playlistOf(config), [config]);
  const on = mode === 'wall' && rotates(config, steps) && config.rotation.pauseOnInteraction;
  const { paused, lastInteractionAt } = useWall((s) => ({ paused: s.paused, lastInteractionAt: s.lastInteractionAt }));
  const resumeMs = config.rotation.resumeAfterSec * 1000;

  useEffect(() => {
    if (!on) return;
    let lastX: number | null = null;
    let lastY: number | null = null;
    const onEvent = (e: Event) => {
      // An acknowledged takeover is not a pause; nor is anything during one.
      if (consumedEvents.has(e) || wallStore().getState().active) return;
      if (e.type === 'pointermove') {
        const p = e as PointerEvent;
        // Browsers send synthetic moves when layout changes under a still cursor: only real travel counts.
        const moved = lastX !== null && lastY !== null && Math.abs(p.screenX - lastX) + Math.abs(p.screenY - lastY) >= 3;
        lastX = p.screenX;
        lastY = p.screenY;
        if (!moved) return;
      }
      wallStore().getState().interact(Date.now());
    };
    for (const type of INTERACTIONS) window.addEventListener(type, onEvent, { capture: true, passive: true });
    return () => {
      for (const type of INTERACTIONS) window.removeEventListener(type, onEvent, { capture: true });
    };
  }, [on]);

  useEffect(() => {
    if (!on || !paused) return;
    const timer = setTimeout(
      () => {
        wallStore().getState().resume();
        advance(steps, root);
      },
      Math.max(0, lastInteractionAt + resumeMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [on, paused, lastInteractionAt, resumeMs, steps, root]);

  // Leaving wall mode (or rotation) forgets a pause.
  useEffect(() => {
    if (!on && wallStore().getState().paused) wallStore().getState().resume();
  }, [on]);
}
