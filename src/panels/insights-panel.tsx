import { useMemo } from 'react';
import type { PanelConfig } from '../config/schema';
import { useRuntime } from '../data/runtime';
import { useT } from '../i18n/i18n';
import { useView, viewStore } from '../state/view-store';
import { alertListOptions, type AlertRule } from './catalog/economy-options';
import { useAnalyses } from './insights-analysis';
import { type InsightsOptions, type insightsSlots, insightPlan, insightsFrom, recordAlertRules } from './insights-data';
import type { Insight, InsightKind } from './insights-model';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import './insights.css';

const ICON: Readonly<Record<InsightKind, string>> = { breach: '⚠', warning: '◇', pace: '◎', mover: '⇅', spike: '▲', break: '⤳' };
const NO_RULES: readonly AlertRule[] = [];

/**
 * Insights: a short ranked list of plain-language findings for the region and
 * range in view (movers, breaches, spikes, trend breaks, forecast warnings,
 * pace to target), each with its evidence and a button that focuses the
 * panel that shows it: the detail view in analyst mode, a highlight on the wall.
 */
export default function InsightsPanel({ config, options, title, data }: PanelProps<InsightsOptions, typeof insightsSlots>) {
  const t = useT();
  const { config: app, regions } = useRuntime();
  const { region, locale, mode, screenId } = useView((s) => ({ region: s.region, locale: s.locale, mode: s.mode, screenId: s.screen }));
  // Panel ids are unique within a screen only: look in the screen that holds this panel (the one in view first).
  const screen =
    app.screens.find((s) => s.id === screenId && s.panels.includes(config)) ??
    app.screens.find((s) => s.panels.includes(config)) ??
    app.screens.find((s) => s.id === screenId);
  const rules = useAlertRules(screen, options.alertsPanel);
  const plan = useMemo(() => insightPlan(data, options, rules), [data, options, rules]);
  const results = useAnalyses(plan.tasks);
  const signature = results.map((r) => (r === undefined ? 0 : 1)).join('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` changes exactly when an analysis answer arrives
  const list = useMemo(
    () => insightsFrom(data, options, rules, plan, results, { locale, region, regionLabel: (c, short) => regions.label(c, locale, short) }),
    [data, options, rules, plan, signature, locale, region, regions],
  );
  // Pending while an answer is out, or while a dataset still shows the previous region's records (a drill in flight):
  // findings about the old region are not this region's findings.
  const switching = Object.values(data).some((d) => d?.switching === true);
  const pending = switching || results.some((r) => r === undefined);
  const panels = useMemo(() => new Map((screen?.panels ?? []).map((p) => [p.id, p])), [screen]);
  const open = (f: Insight) => {
    if (!f.panel) return;
    // A mover is about regions compared on one indicator: the ranking and the map switch to it (`?f.indicator=`).
    if (f.kind === 'mover' && f.panel === options.links.regions) viewStore().getState().setFilter('indicator', f.indicator);
    if (mode === 'analyst') viewStore().getState().setFocus(f.panel);
    else highlight(f.panel);
  };
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data.main}
      empty={data.main.records !== undefined && !pending && list.length === 0}
      emptyText={t('in.empty')}
      skeleton="rows"
    >
      <ol
        className="insights"
        aria-label={t('in.count', { n: list.length })}
        data-pending={pending ? 'true' : 'false'}
        data-region={region}
        data-rules={rules.length}
      >
        {list.map((f, i) => {
          const target = f.panel ? panels.get(f.panel) : undefined;
          const targetTitle = target?.title ? (typeof target.title === 'string' ? target.title : locale === 'en' ? target.title.en : target.title.zh) : '';
          return (
            <li key={f.id} className={`insight insight--${f.kind}`} data-insight={f.id} data-kind={f.kind} data-region={f.region}>
              <span className="insight__rank num" aria-hidden="true">
                {i + 1}
              </span>
              <span className="insight__kind" title={t('in.score', { score: f.score.toFixed(2) })}>
                <span aria-hidden="true">{ICON[f.kind]}</span>
                {t(`in.kind.${f.kind}`)}
              </span>
              <div className="insight__body">
                <p className="insight__text" title={f.text}>
                  {f.text}
                </p>
                <p className="insight__evidence" title={f.evidence}>
                  {f.evidence}
                </p>
              </div>
              {f.panel && target ? (
                <button
                  type="button"
                  className="insight__go"
                  data-focus-panel={f.panel}
                  onClick={() => open(f)}
                  aria-label={t('in.show', { panel: targetTitle })}
                  title={t('in.show', { panel: targetTitle })}
                >
                  ›
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </PanelFrame>
  );
}

/** The rules of the screen's alert-list panel, parsed with their defaults (and recorded for `toTable`). */
function useAlertRules(screen: { panels: readonly PanelConfig[] } | undefined, alertsPanel: string | undefined): readonly AlertRule[] {
  return useMemo(() => {
    if (!alertsPanel) return NO_RULES;
    const panel = screen?.panels.find((p) => p.id === alertsPanel);
    const parsed = panel?.type === 'alert-list' ? alertListOptions.safeParse(panel.options) : null;
    const rules = parsed?.success ? parsed.data.rules : NO_RULES;
    recordAlertRules(alertsPanel, rules);
    return rules;
  }, [screen, alertsPanel]);
}

/** Wall: the panel that shows a finding lights up for a few seconds (as the tour highlights a panel). */
function highlight(panel: string): void {
  const el = document.querySelector<HTMLElement>(`[data-panel="${CSS.escape(panel)}"]`);
  if (!el) return;
  el.setAttribute('data-highlight', 'true');
  el.scrollIntoView?.({ block: 'nearest' });
  if (el.tabIndex >= 0) el.focus({ preventScroll: true });
  setTimeout(() => el.removeAttribute('data-highlight'), 6000);
}
