import { useEffect, useMemo, useRef, useState } from 'react';
import type { ForecastResult } from '../analysis/types';
import type { RegionMetric, SeriesPoint } from '../data/contracts/index';
import { useRuntime } from '../data/runtime';
import { periodTitle } from '../i18n/format-time';
import { levelWithColour, localize, useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { clock } from '../lib/clock';
import { formatWithUnit } from '../lib/format';
import type { Locale } from '../lib/locale';
import { useView } from '../state/view-store';
import type { AlertListOptions, alertListSlots } from './catalog/economy-options';
import { indicatorLabel, useIndicatorNames } from './chart-env';
import { type Breach, evaluateRules, type ForecastBreach, forecastBreaches, type MetricLike, orderBreaches, type RegionForecast } from './alert-model';
import { forecastTasks } from './insights-analysis';
import { useAnalyses } from './insights-analysis';
import { nextChildTop, useAutoScroll } from './auto-scroll';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import './economy.css';
import './kpi.css';

const NONE: readonly RegionMetric[] = [];
const LEVELS = [1, 2, 3, 4] as const;

/**
 * Threshold alerts: the panel's rules evaluated on the region-metric dataset
 * (the regions below the one in view) and, when `datasets.kpi` is given, on
 * the region in view itself. Newest first; four-colour levels; a red alert
 * flashes gently only when it is new to this screen (not on first load, not
 * when drilling).
 */
export default function AlertListPanel({ config, options, title, data: { main: data, kpi, history } }: PanelProps<AlertListOptions, typeof alertListSlots>) {
  const { names, kpis } = useIndicatorNames(kpi);
  const t = useT();
  const { regions } = useRuntime();
  const { region, locale } = useView((s) => ({ region: s.region, locale: s.locale }));
  const records = data.records ?? NONE;
  const metrics = useMemo<MetricLike[]>(
    () => [...records, ...(kpis ?? []).map((k) => ({ code: k.region, indicator: k.id, value: k.value, yoy: k.yoy ?? null, unit: k.unit, period: k.period }))],
    [records, kpis],
  );
  const breaches = useMemo(() => evaluateRules(options.rules, metrics), [options.rules, metrics]);
  const warnings = useForecastWarnings(options.rules, history?.bound ? history.records : undefined, breaches);
  const ready = data.records !== undefined && (!config.datasets.kpi || kpis !== undefined);
  const firstSeen = useFirstSeen(breaches, ready, region);
  const ordered = useMemo(() => orderBreaches(breaches, firstSeen.seen).slice(0, options.maxItems), [breaches, firstSeen, options.maxItems]);
  const now = useNowWhile(
    ordered.some((b) => b.level === 1 && isFlashing(b, firstSeen, options.flashSec)),
    options.flashSec,
  );
  const counts = LEVELS.map((l) => breaches.filter((b) => b.level === l).length);
  const mode = useView((s) => s.mode);
  const listRef = useRef<HTMLOListElement>(null);
  const pause = useAutoScroll(listRef, mode === 'analyst' ? 0 : options.scrollSec, nextChildTop);

  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      empty={metrics.length === 0}
      skeleton="rows"
      actions={
        breaches.length ? (
          <span className="alert-counts">
            <span className="visually-hidden">{t('alert.count', { n: breaches.length })}</span>
            {LEVELS.map((l, i) =>
              counts[i] ? (
                <span key={l} aria-hidden="true" className={`alert-count alert-count--${l}`} title={`${t(`incident.level.${l}`)} ${counts[i]}`}>
                  {counts[i]}
                </span>
              ) : null,
            )}
          </span>
        ) : null
      }
    >
      {ordered.length === 0 && warnings.length === 0 ? (
        <div className="alert-list__clear" role="status">
          <span className="alert-list__ok" aria-hidden="true">
            ✓
          </span>
          {t('alert.empty')}
        </div>
      ) : (
        // A scrolling list is a keyboard stop, so it can be scrolled without a mouse.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region (axe scrollable-region-focusable)
        <ol ref={listRef} className="alert-list" aria-label={t('alert.count', { n: breaches.length + warnings.length })} tabIndex={0} {...pause}>
          {ordered.map((b) => {
            const flashing = b.level === 1 && isFlashing(b, firstSeen, options.flashSec, now);
            return (
              <li
                key={b.key}
                className={`alert-item alert-item--${b.level}${flashing ? ' alert-item--flash' : ''}`}
                data-level={b.level}
                data-region={b.code}
                data-alert-indicator={b.indicator}
                data-rule={b.ruleId}
                data-new={firstSeen.fresh.has(b.key) ? 'true' : undefined}
              >
                <span className={`alert-badge alert-badge--${b.level}`} title={levelWithColour(b.level, locale)}>
                  {t(`incident.level.${b.level}`)}
                </span>
                <div
                  className="alert-item__main"
                  title={[b.period ? periodTitle(b.period, locale) : '', b.note ? localize(b.note, locale) : ''].filter(Boolean).join(' · ')}
                >
                  <span className="alert-item__what">
                    <strong>{regions.label(b.code, locale, true)}</strong> {indicatorLabel(names, b.indicator, locale)}
                    {b.field === 'yoy' ? ` ${t('kpi.yoy')}` : ''}
                  </span>
                  <span className="alert-item__how">
                    <span className="num alert-item__actual">{withUnit(b.actual, b, locale)}</span>
                    <span className="alert-item__rule">{t(`alert.rule.${b.op}` as MessageKey, { v: withUnit(b.threshold, b, locale) })}</span>
                  </span>
                  {b.note ? <span className="alert-item__note">{localize(b.note, locale)}</span> : null}
                </div>
              </li>
            );
          })}
          {warnings.map((w) => (
            <li
              key={w.key}
              className={`alert-item alert-item--${w.level} alert-item--forecast`}
              data-level={w.level}
              data-region={w.code}
              data-alert-indicator={w.indicator}
              data-forecast-rule={w.ruleId}
              data-kind="forecast"
              data-lead={w.leadMonths}
            >
              {/* A forecast is told apart by shape and word, not colour: an outlined badge with ◇ and 预测/Forecast. */}
              <span
                className={`alert-badge alert-badge--forecast alert-badge--${w.level}`}
                title={`${t('an.alert.forecast')} · ${levelWithColour(w.level, locale)}`}
              >
                <span aria-hidden="true">◇</span>
                {t('an.alert.forecast')}
              </span>
              <div className="alert-item__main" title={w.note ? localize(w.note, locale) : undefined}>
                <span className="alert-item__what">
                  <strong>{regions.label(w.code, locale, true)}</strong> {indicatorLabel(names, w.indicator, locale)}
                </span>
                <span className="alert-item__how">
                  <span className="alert-item__rule">
                    {t('an.alert.lead', { at: periodTitle(w.at, locale), lead: w.leadMonths, v: formatWithUnit(w.threshold, w.unit ?? '', locale, 1) })}
                  </span>
                </span>
                <span className="alert-item__note alert-item__forecast-note">
                  {t('an.alert.evidence', {
                    at: periodTitle(w.at, locale),
                    mean: formatWithUnit(w.mean, w.unit ?? '', locale, 1),
                    lo: formatWithUnit(w.lo80, w.unit ?? '', locale, 1),
                    hi: formatWithUnit(w.hi80, w.unit ?? '', locale, 1),
                    last: formatWithUnit(w.last, w.unit ?? '', locale, 1),
                    lastT: periodTitle(w.lastT, locale),
                  })}
                </span>
                <span className="visually-hidden">
                  {t('an.alert.sentence', {
                    n: w.horizon,
                    name: indicatorLabel(names, w.indicator, locale),
                    rule: t(`alert.rule.${w.op}` as MessageKey, { v: formatWithUnit(w.threshold, w.unit ?? '', locale, 1) }),
                  })}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </PanelFrame>
  );
}

function withUnit(n: number, b: Breach, locale: Locale): string {
  const digits = b.unit === 'pp' || b.unit === '%' || Math.abs(n) < 1000 ? 1 : 0;
  return formatWithUnit(n, b.unit ?? '', locale, digits, { signed: b.field === 'yoy' });
}

interface FirstSeen {
  seen: ReadonlyMap<string, number>;
  /** Keys that appeared after the baseline (new to this screen). */
  fresh: ReadonlySet<string>;
}

/**
 * Remembers when each breach was first seen. The first evaluation for a
 * region is the baseline: those alerts are known, not new. Later ones are new.
 */
function useFirstSeen(breaches: readonly Breach[], ready: boolean, region: string): FirstSeen {
  const store = useRef<{ region: string | null; seen: Map<string, number>; fresh: Set<string> }>({ region: null, seen: new Map(), fresh: new Set() });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!ready) return;
    const s = store.current;
    const now = clock.now();
    let changed = false;
    if (s.region !== region) {
      s.region = region;
      s.seen = new Map(breaches.map((b) => [b.key, 0]));
      s.fresh = new Set();
      changed = true;
    } else {
      for (const b of breaches) {
        if (!s.seen.has(b.key)) {
          s.seen.set(b.key, now);
          s.fresh.add(b.key);
          changed = true;
        }
      }
    }
    if (changed) setVersion((v) => v + 1);
  }, [breaches, ready, region]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the change signal of the mutable store
  return useMemo(() => ({ seen: new Map(store.current.seen), fresh: new Set(store.current.fresh) }), [version]);
}

function isFlashing(b: Breach, firstSeen: FirstSeen, flashSec: number, now = clock.now()): boolean {
  if (flashSec <= 0 || !firstSeen.fresh.has(b.key)) return false;
  const at = firstSeen.seen.get(b.key) ?? 0;
  return now - at < flashSec * 1000;
}

/** Re-renders once the flash period is over, so the flash stops. */
function useNowWhile(active: boolean, flashSec: number): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setNow(clock.now()), flashSec * 1000 + 50);
    return () => clearTimeout(timer);
  }, [active, flashSec]);
  return now;
}

const NO_SERIES: readonly SeriesPoint[] = [];

/** Forecast rules on every region's monthly history, in the analysis worker. */
function useForecastWarnings(rules: AlertListOptions['rules'], history: readonly SeriesPoint[] | undefined, observed: readonly Breach[]): ForecastBreach[] {
  const tasks = useMemo(() => forecastTasks(rules, history ?? NO_SERIES), [rules, history]);
  const results = useAnalyses(tasks.map((x) => x.task));
  const signature = results.map((r) => (r === undefined ? 0 : 1)).join('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` changes exactly when a result arrives
  return useMemo(() => {
    const forecasts: RegionForecast[] = [];
    tasks.forEach((x, i) => {
      const r = results[i] as ForecastResult | undefined;
      if (r?.ok) forecasts.push({ ...x.region, band: r.band });
    });
    return forecastBreaches(rules, forecasts, observed);
  }, [tasks, signature, rules, observed]);
}
