import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { TextItem } from '../data/contracts/index';
import { useRuntime } from '../data/runtime';
import type { DatasetView } from '../data/use-dataset';
import type { Locale } from '../lib/locale';
import { levelWithColour, pickName, term, useLocale, useT } from '../i18n/i18n';
import { hasMessage, translate } from '../i18n/translate';
import { clock } from '../lib/clock';
import { formatAge, formatDateTime, formatNumber, formatWithUnit } from '../lib/format';
import { useView, viewStore } from '../state/view-store';
import { LEVEL_SHAPE } from '../lib/levels';
import type {
  AlertFeedOptions,
  AppealTickerOptions,
  alertFeedSlots,
  appealTickerSlots,
  IncidentListOptions,
  incidentListSlots,
  RankListOptions,
  rankListSlots,
  SensorListOptions,
  sensorListSlots,
} from './catalog/live-options';
import { alertItems, appealItems, incidentItems, overThreshold, rankBarScale, rankItems, sensorItems } from './live-model';
import { nextPageTop, useAutoScroll } from './auto-scroll';
import { Tag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';

export { inRegion } from './live-model';
import './live-list.css';

/** Seconds a wall shows each page of a live list. */
const LIVE_PAGE_SEC = 5;

/** What every live list needs of the view: region, locale, names, filters, the clock. */
function useListView() {
  const { region, filters } = useView((s) => ({ region: s.region, filters: s.filters }));
  const locale = useLocale();
  const { regions } = useRuntime();
  return { region, filters, locale, regions, now: clock.now() };
}

/**
 * The frame of a live list: the panel, an empty state when the feed is fine
 * but nothing matches, and a slowly auto-scrolling list that is a keyboard stop.
 */
function LiveListFrame({
  config,
  title,
  data,
  count,
  autoScroll,
  children,
}: {
  config: PanelProps['config'];
  title: string;
  data: DatasetView<unknown>;
  count: number;
  autoScroll: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLOListElement>(null);
  const mode = useView((s) => s.mode);
  // A page of whole rows every few seconds on a wall (never a half row at the top); still in analyst mode.
  const pause = useAutoScroll(ref, autoScroll && mode !== 'analyst' ? LIVE_PAGE_SEC : 0, nextPageTop);
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      state={data.records && count === 0 && data.state === 'ready' ? 'empty' : undefined}
    >
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list is a keyboard stop (axe scrollable-region-focusable) */}
      <ol className="live-list" ref={ref} tabIndex={0} aria-label={title} {...pause}>
        {children}
      </ol>
    </PanelFrame>
  );
}

/** A level as text and shape (Ⅰ ◆, Ⅱ ▲, Ⅲ ●, Ⅳ ■): never told by colour alone. */
export function LevelChip({ level, locale }: { level: 1 | 2 | 3 | 4; locale: Locale }) {
  return (
    <span className={`sev-chip sev-chip--${level}`} data-shape={LEVEL_SHAPE[level]}>
      <span aria-hidden="true">{LEVEL_SHAPE[level]}</span> {levelWithColour(level, locale)}
    </span>
  );
}

/** Time of an item: how long ago, with the China time on hover. */
function ItemTime({ at, now, locale }: { at: number; now: number; locale: Locale }) {
  return (
    <span className="live-item__time num" title={formatDateTime(at, locale, false)}>
      {formatAge(now - at, locale)}
    </span>
  );
}

/** Live incidents, newest first, four-colour levels written out; a fresh red one glows for ten minutes. */
export function IncidentList({ config, options, title, data: { main: data } }: PanelProps<IncidentListOptions, typeof incidentListSlots>) {
  const { region, filters, locale, regions, now } = useListView();
  const selected = useView((s) => s.incident ?? null);
  const items = useMemo(() => incidentItems(data.records, options, region, filters), [data.records, options, region, filters]);
  return (
    <LiveListFrame config={config} title={title} data={data} count={items.length} autoScroll={options.autoScroll}>
      {items.map((r) => (
        <li
          key={r.id}
          className={`live-item live-item--sev${r.severity}${r.severity === 1 && now - r.reportedAt < 10 * 60_000 ? ' live-item--fresh-red' : ''}`}
          data-severity={r.severity}
          data-incident={r.id}
          data-status={r.status}
          data-reported-at={r.reportedAt}
          data-selected={selected === r.id ? 'true' : undefined}
        >
          <LevelChip level={r.severity} locale={locale} />
          {/* A click (or Enter) selects the incident: the map flies to it and its detail card opens. */}
          <button
            type="button"
            className="live-item__main live-item__open"
            aria-pressed={selected === r.id}
            onClick={() =>
              viewStore()
                .getState()
                .selectIncident(selected === r.id ? null : r.id)
            }
          >
            <span className="live-item__title">{r.title}</span>
            <span className="live-item__meta">
              {term('incident.type', r.type, locale)} · {regions.label(r.region, locale, true)} ·{' '}
              <span className="live-item__status">{term('incident.status', r.status, locale)}</span>
            </span>
          </button>
          <ItemTime at={r.reportedAt} now={now} locale={locale} />
        </li>
      ))}
    </LiveListFrame>
  );
}

/** The 12345 hotline's latest appeals: untrusted public text, shown as text nodes only. */
export function AppealTicker({ config, options, title, data: { main: data } }: PanelProps<AppealTickerOptions, typeof appealTickerSlots>) {
  const { region, filters, locale, regions, now } = useListView();
  const items = useMemo(() => appealItems(data.records, options, region, filters), [data.records, options, region, filters]);
  return (
    <LiveListFrame config={config} title={title} data={data} count={items.length} autoScroll={options.autoScroll}>
      {items.map((r: TextItem) => (
        <li key={r.id} className="live-item">
          <span className="appeal-chip">{term('appeal.category', r.category, locale)}</span>
          <span className="live-item__main">
            {/* Untrusted public text: rendered as a text node, never as HTML. */}
            <span className="live-item__title live-item__title--wrap">{r.text}</span>
            <span className="live-item__meta">
              {term('appeal.channel', r.channel, locale)} · {regions.label(r.region, locale, true)} · {term('appeal.status', r.status, locale)}
            </span>
          </span>
          <ItemTime at={r.receivedAt} now={now} locale={locale} />
        </li>
      ))}
    </LiveListFrame>
  );
}

/** Weather warnings and sensor alarms (the `alert` contract), newest first, four-colour levels. */
export function AlertFeed({ config, options, title, data: { main: data } }: PanelProps<AlertFeedOptions, typeof alertFeedSlots>) {
  const { region, locale, regions, now } = useListView();
  const items = useMemo(() => alertItems(data.records, options, region), [data.records, options, region]);
  return (
    <LiveListFrame config={config} title={title} data={data} count={items.length} autoScroll={options.autoScroll}>
      {items.map((r) => (
        <li key={r.id} className="live-item" data-severity={r.level}>
          <LevelChip level={r.level} locale={locale} />
          <span className="live-item__main">
            <span className="live-item__title live-item__title--wrap">{r.message}</span>
            {r.region ? <span className="live-item__meta">{regions.label(r.region, locale, true)}</span> : null}
          </span>
          <ItemTime at={r.at} now={now} locale={locale} />
        </li>
      ))}
    </LiveListFrame>
  );
}

/** A measured indicator's name (methane, co, gas-lel, h2s, nh3), or the feed's own name. */
function indicatorName(indicator: string, locale: Locale): string {
  const key = `sensor.indicator.${indicator}`;
  return hasMessage(key) ? translate(key, locale) : indicator;
}

/** IoT sensor alarms (chemical parks, coal mines): reading against threshold with units, level as text and shape, active first. */
export function SensorList({ config, options, title, data: { main: data } }: PanelProps<SensorListOptions, typeof sensorListSlots>) {
  const { region, locale, regions, now } = useListView();
  const items = useMemo(() => sensorItems(data.records, options, region), [data.records, options, region]);
  return (
    <LiveListFrame config={config} title={title} data={data} count={items.length} autoScroll={options.autoScroll}>
      {items.map((r) => {
        const ratio = overThreshold(r);
        return (
          <li key={r.id} className="live-item sensor-item" data-severity={r.level} data-status={r.status} data-sensor={r.kind}>
            <LevelChip level={r.level} locale={locale} />
            <span className="live-item__main">
              <span className="live-item__title">
                {r.site}
                {r.point ? ` · ${r.point}` : ''}
              </span>
              <span className="sensor-item__reading num">
                {indicatorName(r.indicator, locale)} <strong>{formatWithUnit(r.reading, r.unit, locale)}</strong>
                {translate('sensor.threshold', locale, { value: formatWithUnit(r.threshold, r.unit, locale) })}
                {ratio !== null ? ` · ${translate('sensor.ratio', locale, { x: formatNumber(ratio, locale, 2) })}` : ''}
              </span>
              <span className="live-item__meta">
                {translate(`sensor.kind.${r.kind}`, locale)} · {regions.label(r.region, locale, true)} · {translate(`sensor.status.${r.status}`, locale)}
              </span>
            </span>
            <ItemTime at={r.at} now={now} locale={locale} />
          </li>
        );
      })}
    </LiveListFrame>
  );
}

/** A ranked list of named items (`rank` contract): departments, topics. Plain DOM bars, no chart engine. */
export function RankList({ config, options, title, data: { main: data } }: PanelProps<RankListOptions, typeof rankListSlots>) {
  const locale = useLocale();
  const t = useT();
  const items = useMemo(() => rankItems(data.records, options), [data.records, options]);
  const { max, floor } = rankBarScale(items);
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      state={data.records && items.length === 0 && data.state === 'ready' ? 'empty' : undefined}
      actions={floor > 0 ? <Tag>{t('rank.barsFrom', { floor: formatWithUnit(floor, '%', locale, 0) })}</Tag> : null}
    >
      <ol className="rank-list">
        {items.map((r, i) => (
          <li key={r.key} className="rank-list__item">
            <span className="rank-list__no num">{i + 1}</span>
            <span className="rank-list__name" title={pickName(r, locale)}>
              {pickName(r, locale)}
            </span>
            <span className="rank-list__bar" aria-hidden="true">
              <span style={{ width: `${max > floor ? (((r.value ?? 0) - floor) / (max - floor)) * 100 : 0}%` }} />
            </span>
            <span className="rank-list__value num">{formatWithUnit(r.value, r.unit ?? '', locale, options.digits)}</span>
          </li>
        ))}
      </ol>
    </PanelFrame>
  );
}
