import { useEffect, useMemo, useRef, useState } from 'react';
import type { Pace, PaceResult } from '../analysis/types';
import type { KpiRecord, SeriesPoint } from '../data/contracts/index';
import { useView } from '../state/view-store';
import { cumulativePeriod } from '../i18n/format-time';
import { pickName, useLocale, useT } from '../i18n/i18n';
import type { Locale } from '../lib/locale';
import { compactUnit, formatNumber, formatWithUnit, unitLabel } from '../lib/format';
import type { KpiRowOptions, kpiRowSlots } from './catalog/economy-options';
import { type AnalysisTask, paceInput, useAnalyses } from './insights-analysis';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import './kpi.css';

/** Headline indicators: value, unit, period, YoY/MoM, sparkline, target progress. */
export default function KpiRow({ config, options, title, data: { main: data, history }, compare = NO_COMPARE }: PanelProps<KpiRowOptions, typeof kpiRowSlots>) {
  const mode = useView((s) => s.mode);
  const records = useMemo(() => orderRecords(data.records ?? [], options.indicators), [data.records, options.indicators]);
  const paces = usePaces(records, history?.bound ? (history.records ?? undefined) : undefined);
  // On the wall the configured columns hold; at a desk the cards reflow to the window.
  const columns = mode === 'analyst' ? 'repeat(auto-fill, minmax(calc(var(--u) * 190), 1fr))' : `repeat(${options.columns}, minmax(0, 1fr))`;
  return (
    <PanelFrame panelId={config.id} type={config.type} title={title} data={data} empty={data.records !== undefined && records.length === 0} skeleton="cards">
      <ul className="kpi-grid" style={{ gridTemplateColumns: columns }}>
        {records.map((r) => (
          <KpiCard key={r.id} record={r} compared={comparedValues(compare, r.id)} pace={paces.get(r.id)} wide={mode === 'analyst'} />
        ))}
      </ul>
    </PanelFrame>
  );
}

const NO_COMPARE: NonNullable<PanelProps['compare']> = [];

/** Pace to the annual target of every card that has one, computed in the analysis worker. */
function usePaces(records: readonly KpiRecord[], history: readonly SeriesPoint[] | undefined): Map<string, PaceResult> {
  const tasks = useMemo(
    () =>
      records.flatMap((r): AnalysisTask[] => {
        const input = paceInput(r, history);
        return input ? [{ key: r.id, kind: 'pace', args: [input] }] : [];
      }),
    [records, history],
  );
  const results = useAnalyses(tasks);
  const signature = results.map((r) => (r === undefined ? 0 : 1)).join('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` changes exactly when a result arrives
  return useMemo(() => new Map(tasks.flatMap((t, i) => (results[i] ? [[t.key, results[i] as PaceResult] as const] : []))), [tasks, signature]);
}

/** Analyst "compare regions": the same indicator in each compared region, side by side on its card. */
function comparedValues(compare: NonNullable<PanelProps['compare']>, id: string): { name: string; record: KpiRecord | undefined }[] {
  return compare.map((c) => ({ name: c.name, record: (c.data.records as readonly KpiRecord[] | undefined)?.find((k) => k.id === id) }));
}

function orderRecords(records: readonly KpiRecord[], order: readonly string[]): KpiRecord[] {
  if (!order.length) return [...records];
  const byId = new Map(records.map((r) => [r.id, r]));
  return order.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
}

export function KpiCard({
  record,
  compared = [],
  pace,
  wide = false,
}: {
  record: KpiRecord;
  compared?: readonly { name: string; record: KpiRecord | undefined }[];
  /** Pace to the annual target (analysis module), when the indicator has a target. */
  pace?: PaceResult | undefined;
  /** Analyst mode: room for the whole pace sentence. */
  wide?: boolean;
}) {
  const locale = useLocale();
  const t = useT();
  const shown = useCountUp(record.value);
  const name = pickName(record, locale);
  // Counts (起, 件, 支…) are whole numbers: no decimals; rates keep one.
  const digits = record.unit === '%' ? 1 : Number.isInteger(record.value ?? 0) || Math.abs(record.value ?? 0) >= 1000 ? 0 : 1;
  const progress = record.target && record.value !== null ? Math.max(0, Math.min(1, record.value / record.target)) : null;
  const valueText = formatNumber(shown, locale, digits);
  const unitText = compactUnit(record.unit, locale);
  const fit = valueFit(formatNumber(record.value, locale, digits), unitText);
  const period = formatPeriod(record.period, locale);
  const shortPeriod = formatPeriod(record.period, locale, false);
  const okPace = pace && !('ok' in pace) ? pace : null;
  const paceText = okPace ? paceSentence(okPace, record.unit, locale, t) : '';
  return (
    <li className="kpi-card" data-indicator={record.id}>
      <div className="kpi-card__name" title={t('label.paren', { name, detail: period })}>
        {name}
      </div>
      <div className={`kpi-card__value kpi-card__value--${fit}`}>
        <span className="num" data-testid={`kpi-value-${record.id}`} data-value={record.value ?? ''}>
          {valueText}
        </span>
        {/* The compact unit is what the wall shows; screen readers (and text search) get the full one. */}
        <span className="kpi-card__unit" title={unitLabel(record.unit, locale)} aria-hidden={unitText !== unitLabel(record.unit, locale) ? true : undefined}>
          {unitText}
        </span>
        {unitText !== unitLabel(record.unit, locale) ? <span className="visually-hidden">{unitLabel(record.unit, locale)}</span> : null}
      </div>
      <div className="kpi-card__mid">
        <div className="kpi-card__changes">
          <Change label={t('kpi.yoy')} value={record.yoy ?? null} unit={record.unit} />
          <Change label={t('kpi.mom')} value={record.mom ?? null} unit={record.unit} />
        </div>
        <Sparkline values={record.spark ?? []} />
      </div>
      <div className="kpi-card__foot">
        <span className="kpi-card__period" title={period}>
          {shortPeriod}
        </span>
        {okPace ? (
          <span className={`kpi-pace kpi-pace--${okPace.onTrack}`} title={paceText} data-testid={`kpi-pace-${record.id}`} data-on-track={okPace.onTrack}>
            <span aria-hidden="true">{PACE_ICON[okPace.onTrack]}</span>
            {t(`an.onTrack.${okPace.onTrack}`)}
          </span>
        ) : progress !== null ? (
          <span className="kpi-card__target num" title={`${t('kpi.target')} ${formatNumber(progress * 100, locale, 1)}%`}>
            {t('kpi.goal')} {formatNumber(progress * 100, locale, 1)}%
          </span>
        ) : null}
      </div>
      <div
        className="kpi-card__bar"
        aria-hidden="true"
        title={progress !== null ? `${t('kpi.target')} ${formatNumber(progress * 100, locale, 1)}%` : undefined}
      >
        {progress !== null ? <div style={{ width: `${progress * 100}%` }} /> : null}
        {okPace?.atForecast != null && record.target ? (
          // The forecast year-end figure as a share of the target: a tick on the bar, its 80 % interval as a bracket.
          <span
            className="kpi-card__forecast"
            style={{
              left: `${Math.min(100, ((okPace.forecastLo ?? okPace.atForecast) / record.target) * 100)}%`,
              width: `${Math.max(0.5, Math.min(100, ((okPace.forecastHi ?? okPace.atForecast) / record.target) * 100) - Math.min(100, ((okPace.forecastLo ?? okPace.atForecast) / record.target) * 100))}%`,
            }}
          />
        ) : null}
      </div>
      {okPace ? (
        wide ? (
          <p className="kpi-card__pace" data-testid={`kpi-pace-text-${record.id}`}>
            {paceText}
          </p>
        ) : (
          <span className="visually-hidden" data-testid={`kpi-pace-text-${record.id}`}>
            {paceText}
          </span>
        )
      ) : null}
      {compared.length ? (
        <dl className="kpi-card__compare" data-testid={`kpi-compare-${record.id}`}>
          {compared.map((c) => (
            <div key={c.name}>
              <dt>{c.name}</dt>
              <dd className="num">{c.record ? formatWithUnit(c.record.value, compactUnit(c.record.unit, locale), locale, digits) : '—'}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

const PACE_ICON: Readonly<Record<Pace['onTrack'], string>> = { yes: '✓', no: '✗', uncertain: '?' };

/** "按当前进度：全年 2.72万亿元（目标 2.75万亿元）· 预测 2.70万亿元（2.66–2.74万亿元）· 难以完成". */
export function paceSentence(p: Pace, unit: string, locale: Locale, t: ReturnType<typeof useT>): string {
  const digits = Math.abs(p.target) >= 1000 ? 0 : 1;
  const v = (n: number) => formatWithUnit(n, compactUnit(unit, locale), locale, digits);
  const parts = [t('an.pace', { pace: v(p.atCurrentPace), target: v(p.target) })];
  if (p.atForecast !== null && p.forecastLo !== null && p.forecastHi !== null) {
    parts.push(t('an.paceForecast', { mean: v(p.atForecast), lo: formatNumber(p.forecastLo, locale, digits), hi: v(p.forecastHi) }));
  }
  parts.push(t(`an.onTrack.${p.onTrack}`));
  return parts.join(' · ');
}

/**
 * Size class of the big number so number and unit fit a narrow wall card
 * (about 140 design px inside): estimated from the characters, no measuring.
 */
export function valueFit(value: string, unit: string): 'l' | 'm' | 's' {
  let unitWidth = 0;
  for (const ch of unit) unitWidth += /[\u3000-\u9fff]/.test(ch) ? 14 : 8;
  const width = (fs: number) => value.length * 0.56 * fs + unitWidth + 4;
  return width(30) <= 138 ? 'l' : width(26) <= 138 ? 'm' : 's';
}

/** "2026年1-10月" for a cumulative month, as bureaus publish; "Jan–Oct 2026" in English (see `lib/format`). */
export function formatPeriod(period: string, locale: Locale, withYear = true): string {
  return cumulativePeriod(period, locale, withYear);
}

function Change({ label, value, unit }: { label: string; value: number | null; unit: string }) {
  const locale = useLocale();
  const dir = value === null ? 'flat' : value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '';
  // For a rate (unemployment) the change is in percentage points.
  const changeUnit = unit === '%' ? 'pp' : '%';
  // The arrow carries the sign on screen; the signed figure is the accessible text.
  const text = value === null ? '—' : formatWithUnit(Math.abs(value), changeUnit, locale, 1);
  const spoken = value === null ? '—' : formatWithUnit(value, changeUnit, locale, 1, { signed: true });
  return (
    <span className={`kpi-change kpi-change--${dir}`}>
      <span className="kpi-change__label">{label}</span>
      <span className="num" aria-hidden="true">
        {arrow}
        {text}
      </span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}

export function Sparkline({ values }: { values: readonly (number | null)[] }) {
  const finite = values.filter((v): v is number => v !== null);
  if (finite.length < 2) return <svg className="sparkline" aria-hidden="true" viewBox="0 0 100 24" />;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = 100 / (values.length - 1);
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (22 - ((v - min) / span) * 20).toFixed(1);
    d += `${pen ? 'L' : 'M'}${x},${y}`;
    pen = true;
  });
  return (
    <svg className="sparkline" aria-hidden="true" viewBox="0 0 100 24" preserveAspectRatio="none">
      <path d={d} fill="none" stroke="var(--accent)" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

/** Counts up to a new value over ~1.2 s when it changes (not on every render). */
export function useCountUp(target: number | null): number | null {
  const [shown, setShown] = useState<number | null>(target);
  const from = useRef<number | null>(target);
  useEffect(() => {
    const start = from.current;
    from.current = target;
    if (
      target === null ||
      start === null ||
      start === target ||
      typeof requestAnimationFrame !== 'function' ||
      matchMedia?.('(prefers-reduced-motion: reduce)').matches
    ) {
      setShown(target);
      return;
    }
    const t0 = performance.now();
    let frame = 0;
    const step = (t: number) => {
      const k = Math.min(1, (t - t0) / 1200);
      const eased = 1 - (1 - k) ** 3;
      setShown(start + (target - start) * eased);
      if (k < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [target]);
  return shown;
}
