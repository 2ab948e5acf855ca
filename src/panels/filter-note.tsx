import { useMemo } from 'react';
import type { PanelConfig } from '../config/schema';
import { useRuntime } from '../data/runtime';
import { type MessageKey, useT } from '../i18n/i18n';
import { useView } from '../state/view-store';
import { activeCrossFilters } from './cross-filter';
import { panels } from './registry';
import { followsOf } from './types';

/** Cross-filters some panel of the screen follows: only those can be "not followed" by another panel. */
function useFiltersInPlay(): ReadonlySet<string> {
  const { config } = useRuntime();
  const screenId = useView((s) => s.screen);
  return useMemo(() => {
    const screen = config.screens.find((s) => s.id === screenId);
    const keys = new Set<string>();
    for (const p of screen?.panels ?? []) {
      const d = panels.get(p.type);
      for (const k of followsOf(d, d.optionsSchema.parse(p.options))) keys.add(k);
    }
    return keys;
  }, [config, screenId]);
}

/**
 * Analyst mode: a panel that does not apply an active cross-filter says so
 * ("未按事件类型筛选") instead of showing unfiltered figures silently.
 */
export function FilterNote({ config, options }: { config: PanelConfig; options: unknown }) {
  const t = useT();
  const { mode, filters } = useView((s) => ({ mode: s.mode, filters: s.filters }));
  const inPlay = useFiltersInPlay();
  const follows = followsOf(panels.get(config.type), options);
  if (mode !== 'analyst') return null;
  const missed = activeCrossFilters(filters).filter(([k]) => inPlay.has(k) && !follows.includes(k));
  if (!missed.length) return null;
  const names = missed.map(([k]) => t(`filters.dim.${k}` as MessageKey)).join(t('punct.listSep'));
  return (
    <p className="filter-note" data-testid="filter-note" role="note">
      {t('filters.notFollowed', { names })}
    </p>
  );
}
