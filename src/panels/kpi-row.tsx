import { useEffect, useRef, useState } from 'react';
import type { KpiRecord } from '../data/contracts/index';
import { useDataset } from '../data/use-dataset';
import { useLocale, useT } from '../i18n/i18n';
import { formatNumber, formatPercentChange, unitLabel } from '../lib/format';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import './kpi.css';

export interface KpiRowOptions {
  indicators: string[];
  columns: number;
}

/** Headline indicators: value, unit, period, YoY/MoM, sparkline, target progress. */
export default function KpiRow({ config, options, title }: PanelProps<KpiRowOptions>) {
  const data = useDataset(config.dataset, 'kpi');
  const records = orderRecords(data.records ?? [], options.indicators);
  return (
    <PanelFrame panelId={config.id} type={config.type} title={title} data={data}>
      <ul className="kpi-grid" style={{ gridTemplateColumns: `repeat(${options.columns}, minmax(0, 1fr))` }}>
        {records.map((r) => (
          <KpiCard key={r.id} record={r} />
        ))}
      </ul>
    </PanelFrame>
  );
}

function orderRecords(records: readonly KpiRecord[], order: readonly string[]): KpiRecord[] {
  if (!order.length) return [...records];
  const byId = new Map(records.map((r) => [r.id, r]));
  return order.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
}

export function KpiCard({ record }: { record: KpiRecord }) {
  const locale = useLocale();
  const t = useT();
  const shown = useCountUp(record.value);
  const name = locale === 'en' ? (record.nameEn ?? record.name) : record.name;
  const digits = record.unit === '%' ? 1 : Math.abs(record.value ?? 0) >= 1000 ? 0 : 1;
  const progress = record.target && record.value !== null ? Math.max(0, Math.min(1, record.value / record.target)) : null;
  return (
    <li className="kpi-card" data-indicator={record.id}>
      <div className="kpi-card__name" title={name}>
        {name}
      </div>
      <div className="kpi-card__value">
        <span className="num" data-testid={`kpi-value-${record.id}`} data-value={record.value ?? ''}>
          {formatNumber(shown, locale, digits)}
        </span>
        <span className="kpi-card__unit">{record.unit === '%' ? '%' : unitLabel(record.unit, locale)}</span>
      </div>
      <div className="kpi-card__changes">
        <Change label={t('kpi.yoy')} value={record.yoy ?? null} unit={record.unit} />
        <Change label={t('kpi.mom')} value={record.mom ?? null} unit={record.unit} />
      </div>
      <div className="kpi-card__foot">
        <Sparkline values={record.spark ?? []} />
        <span className="kpi-card__period">{formatPeriod(record.period, locale)}</span>
      </div>
      {progress !== null ? (
        <div className="kpi-card__progress" title={`${t('kpi.target')} ${formatNumber(progress * 100, locale, 1)}%`}>
          <div className="kpi-card__bar">
            <div style={{ width: `${progress * 100}%` }} />
          </div>
          <span className="num">
            {t('kpi.target')} {formatNumber(progress * 100, locale, 1)}%
          </span>
        </div>
      ) : null}
    </li>
  );
}

/** "1-10月" for a cumulative month, as bureaus publish; "Jan–Oct 2026" in English. */
export function formatPeriod(period: string, locale: 'zh-CN' | 'en'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const month = Number(m[2]);
  if (locale === 'en') {
    const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return month === 1 ? `Jan ${m[1]}` : `Jan–${names[month - 1]} ${m[1]}`;
  }
  return month === 1 ? `${m[1]}年1月` : `${m[1]}年1-${month}月`;
}

function Change({ label, value, unit }: { label: string; value: number | null; unit: string }) {
  const locale = useLocale();
  const dir = value === null ? 'flat' : value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '';
  // For a rate (unemployment) the change is in percentage points.
  const text = value === null ? '—' : unit === '%' ? `${formatPercentChange(value, locale, 1).replace('%', '')} ${locale === 'en' ? 'pp' : '个百分点'}` : formatPercentChange(value, locale, 1);
  return (
    <span className={`kpi-change kpi-change--${dir}`}>
      <span className="kpi-change__label">{label}</span>
      <span className="num">
        {arrow}
        {text}
      </span>
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
    if (target === null || start === null || start === target || typeof requestAnimationFrame !== 'function' || matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
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
