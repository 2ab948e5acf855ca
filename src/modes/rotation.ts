import { useEffect } from 'react';
import type { CockpitConfig } from '../config/schema';
import { useView, viewStore } from '../state/view-store';

/** Wall mode: rotate through the configured screens on a timer. Analyst mode never rotates. */
export function useRotation(config: CockpitConfig): void {
  const mode = useView((s) => s.mode);
  const screen = useView((s) => s.screen);
  const { enabled, intervalSec, screens } = config.rotation;
  useEffect(() => {
    if (!enabled || mode !== 'wall') return;
    const order = screens.length ? screens : config.screens.map((s) => s.id);
    if (order.length < 2) return;
    const timer = setTimeout(() => {
      const i = order.indexOf(screen);
      viewStore()
        .getState()
        .setScreen(order[(i + 1) % order.length] ?? order[0] ?? screen);
    }, intervalSec * 1000);
    return () => clearTimeout(timer);
  }, [enabled, mode, screen, intervalSec, screens, config.screens]);
}
