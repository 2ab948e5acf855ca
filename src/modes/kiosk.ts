import { useEffect, useState } from 'react';
import type { CockpitConfig } from '../config/schema';
import { useView } from '../state/view-store';
import { urlSwitch } from './rotation';

/**
 * Kiosk: an unattended wall PC. No chrome a wall does not need (the mode and
 * language switches go), the cursor disappears after a few idle seconds, and
 * the display is kept awake with the Screen Wake Lock API where the browser
 * has it. `?kiosk=1` or `kiosk.enabled` in config; wall mode only.
 */
export function kioskRequested(config: CockpitConfig, search?: string): boolean {
  return urlSwitch('kiosk', config.kiosk.enabled, search);
}

/**
 * True while the pointer has not moved for `idleMs` (wall mode), and from the
 * start until it first moves (a wall boots with nobody at it); the body gets
 * `pointer-idle`.
 */
export function usePointerIdle(on: boolean, idleMs: number): boolean {
  const [idle, setIdle] = useState(true);
  useEffect(() => {
    if (!on) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), idleMs);
    };
    let lastX: number | null = null;
    let lastY: number | null = null;
    const onMove = (e: PointerEvent) => {
      if (e.type === 'pointermove') {
        // Browsers send synthetic moves when the layout changes under a resting cursor (every rotation): only real travel counts.
        const moved = lastX !== null && lastY !== null && Math.abs(e.screenX - lastX) + Math.abs(e.screenY - lastY) >= 3;
        lastX = e.screenX;
        lastY = e.screenY;
        if (!moved) return;
      }
      setIdle(false);
      arm();
    };
    window.addEventListener('pointermove', onMove, { passive: true });
    window.addEventListener('pointerdown', onMove, { passive: true });
    return () => {
      if (timer !== null) clearTimeout(timer);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerdown', onMove);
      setIdle(true);
    };
  }, [on, idleMs]);
  useEffect(() => {
    document.body.classList.toggle('pointer-idle', on && idle);
    return () => document.body.classList.remove('pointer-idle');
  }, [on, idle]);
  return on && idle;
}

type WakeLockSentinelLike = { release(): Promise<void>; addEventListener(t: 'release', l: () => void): void };
type WakeLockLike = { request(type: 'screen'): Promise<WakeLockSentinelLike> };

/**
 * Holds a screen wake lock while the page is visible (the browser drops it
 * when the page is hidden; it is asked for again when the page shows). The
 * state is on `<body data-wake-lock>`: held, released, refused or unsupported.
 */
export function useWakeLock(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    const mark = (state: string) => document.body.setAttribute('data-wake-lock', state);
    if (!wakeLock) {
      mark('unsupported');
      return () => document.body.removeAttribute('data-wake-lock');
    }
    let sentinel: WakeLockSentinelLike | null = null;
    let alive = true;
    const request = () => {
      if (document.visibilityState !== 'visible' || sentinel) return;
      wakeLock.request('screen').then(
        (s) => {
          if (!alive) return void s.release().catch(() => undefined);
          sentinel = s;
          mark('held');
          s.addEventListener('release', () => {
            sentinel = null;
            if (alive) mark('released');
          });
        },
        () => mark('refused'),
      );
    };
    request();
    document.addEventListener('visibilitychange', request);
    return () => {
      alive = false;
      document.removeEventListener('visibilitychange', request);
      void sentinel?.release().catch(() => undefined);
      sentinel = null;
      document.body.removeAttribute('data-wake-lock');
    };
  }, [on]);
}

/** Kiosk in wall mode: body classes for the CSS (`kiosk`, `pointer-idle` hides the cursor), wake lock. */
export function useKiosk(config: CockpitConfig): boolean {
  const mode = useView((s) => s.mode);
  const kiosk = mode === 'wall' && kioskRequested(config);
  useEffect(() => {
    document.body.classList.toggle('kiosk', kiosk);
    return () => document.body.classList.remove('kiosk');
  }, [kiosk]);
  useWakeLock(kiosk && config.kiosk.wakeLock);
  return kiosk;
}

/** Whether the document is in full screen (the Fullscreen API), following changes. */
export function useFullscreen(): boolean {
  const [full, setFull] = useState(() => typeof document !== 'undefined' && !!document.fullscreenElement);
  useEffect(() => {
    const update = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  return full;
}

/** Full screen from a click (browsers allow it only from a user gesture); false where the API is missing. */
export function canFullscreen(): boolean {
  return typeof document !== 'undefined' && typeof document.documentElement.requestFullscreen === 'function' && document.fullscreenEnabled !== false;
}

export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}
