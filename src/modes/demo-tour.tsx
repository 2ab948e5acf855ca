import { useEffect, useState } from 'react';
import type { CockpitConfig } from '../config/schema';
import { localize, translate, useLocale } from '../i18n/i18n';
import { useView, viewStore } from '../state/view-store';
import './demo-tour.css';

type Step = NonNullable<CockpitConfig['tour']>['steps'][number];

/** Applies one tour step to the view store: screen, region, filters. */
export function applyStep(step: Step, root: string): void {
  const s = viewStore().getState();
  s.hydrate({ ...s, screen: step.screen, region: step.region ?? root, filters: { ...step.filters }, focus: null, mode: 'demo' });
}

/** Next index, or null at the end of a non-looping tour. */
export function nextIndex(i: number, length: number, loop: boolean, delta: 1 | -1): number | null {
  const n = i + delta;
  if (n < 0) return loop ? length - 1 : 0;
  if (n >= length) return loop ? 0 : null;
  return n;
}

/**
 * Demo mode: a scripted, deterministic briefing tour. Presenter keys:
 * → / PageDown next, ← / PageUp back, Space pause/resume (clickers send PageUp/PageDown).
 */
export function DemoTour({ config }: { config: CockpitConfig }) {
  const mode = useView((s) => s.mode);
  const locale = useLocale();
  const tour = config.tour;
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const steps = tour?.steps ?? [];
  const step = steps[index];
  const active = mode === 'demo' && step !== undefined;

  useEffect(() => {
    if (active && step) applyStep(step, config.regionPack.root);
  }, [active, step, config.regionPack.root]);

  useEffect(() => {
    if (!active || paused || !step) return;
    const t = setTimeout(() => {
      const n = nextIndex(index, steps.length, tour?.loop ?? true, 1);
      if (n === null) setPaused(true);
      else setIndex(n);
    }, step.durationSec * 1000);
    return () => clearTimeout(t);
  }, [active, paused, step, index, steps.length, tour?.loop]);

  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'PageDown') {
        setIndex((i) => nextIndex(i, steps.length, true, 1) ?? i);
        e.preventDefault();
      } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
        setIndex((i) => nextIndex(i, steps.length, true, -1) ?? i);
        e.preventDefault();
      } else if (e.key === ' ') {
        setPaused((p) => !p);
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, steps.length]);

  useEffect(() => {
    if (!active || !step?.panel) return;
    const el = document.querySelector(`[data-panel="${CSS.escape(step.panel)}"]`);
    el?.setAttribute('data-highlight', 'true');
    return () => el?.removeAttribute('data-highlight');
  });

  if (!active || !step) return null;
  return (
    <div className="demo-caption" role="status" aria-live="polite" data-testid="demo-caption">
      <span className="demo-caption__step num">
        {index + 1} / {steps.length}
      </span>
      <span className="demo-caption__text">{localize(step.caption, locale)}</span>
      {paused ? <span className="demo-caption__paused">{translate('demo.paused', locale)}</span> : null}
    </div>
  );
}

/** A tour's pinned time, if any, for bootstrap. */
export function tourNow(config: CockpitConfig): string | undefined {
  return config.tour?.now;
}
