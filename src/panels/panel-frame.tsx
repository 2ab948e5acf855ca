import { type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode, useContext, useEffect, useId } from 'react';
import { reportDataTime } from '../data/data-time';
import { RuntimeContext } from '../data/runtime';
import type { Freshness } from '../data/freshness';
import type { DatasetView } from '../data/use-dataset';
import { localize, useLocale, useT } from '../i18n/i18n';
import { clock } from '../lib/clock';
import { useView, viewStore } from '../state/view-store';
import { formatAge, formatDateTime } from '../lib/format';
import { usePanelViews, worstPanelState } from './panel-data';
import './panel.css';
import './panel-link.css';

export type PanelState = Freshness | 'empty';

/** Shape of the loading skeleton, so a loading panel already looks like what it will show. */
export type SkeletonKind = 'bars' | 'columns' | 'lines' | 'rows' | 'ring' | 'cards';

interface PanelFrameProps {
  panelId: string;
  type: string;
  title: string;
  /** The dataset view driving this panel; omit for panels without data. */
  data?: DatasetView<unknown> | undefined;
  /** Overrides the state derived from `data` (e.g. empty after filtering). */
  state?: PanelState;
  /** True when the records exist but nothing of them is shown (filtered out): the panel is empty. */
  empty?: boolean;
  /** What "empty" means for this panel (e.g. "no key projects in this region"). */
  emptyText?: string | undefined;
  skeleton?: SkeletonKind;
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/** State of a panel from its dataset: a panel with records always renders them. */
export function panelStateOf(data: DatasetView<unknown> | undefined, isEmpty?: boolean): PanelState {
  if (!data) return 'ready';
  if (data.records === undefined) return data.state;
  if (isEmpty ?? data.records.length === 0) return data.state === 'ready' ? 'empty' : data.state;
  return data.state;
}

/**
 * The frame every panel renders in: an accessible landmark named by its
 * visible title, exposing its state as `data-state`, with a stale/error badge
 * and the figure's source and time (一数一源). When data exists it is always
 * drawn — a failing feed never blanks a panel.
 */
export function PanelFrame({ panelId, type, title, data, state, empty, emptyText, skeleton, actions, children, className }: PanelFrameProps) {
  const titleId = useId();
  const t = useT();
  const locale = useLocale();
  // What the panel itself shows (its body) follows its own state; the badge and `data-state` follow the worst of all its datasets.
  const own = state ?? panelStateOf(data, empty);
  const views = usePanelViews();
  const resolved = worstPanelState(own, views);
  // `empty` (when given) decides whether the panel has something to show; otherwise the records do.
  const hasRecords = !data ? !empty : data.records === undefined ? false : empty !== undefined ? !empty : data.records.length > 0;
  const quarantined = views ? views.reduce((n, v) => n + v.quarantined, 0) : (data?.quarantined ?? 0);
  useEffect(() => {
    if (data) reportDataTime(data.datasetId, data.asOf ?? data.lastGoodAt);
  }, [data]);
  const showBody = hasRecords && own !== 'empty';
  // Analyst mode: every panel opens its detail view (button, or F / Enter on the focused panel).
  const { mode, focus } = useView((s) => ({ mode: s.mode, focus: s.focus }));
  const canOpen = mode === 'analyst' && focus !== panelId;
  const onKeyDown = canOpen
    ? (e: KeyboardEvent<HTMLElement>) => {
        if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'Enter' || e.key === 'f' || e.key === 'F') {
          e.preventDefault();
          viewStore().getState().setFocus(panelId);
        }
      }
    : undefined;
  // A tile that leads to another screen (config `link`): its title is a button, and a click anywhere on the tile that is not on a control goes there.
  const link = usePanelLink(panelId);
  const linkName = link ? localize(link.title, locale) : '';
  const go = link ? () => viewStore().getState().setScreen(link.screen) : undefined;
  const onClick = go
    ? (e: MouseEvent<HTMLElement>) => {
        if ((e.target as Element).closest?.('button, a, input, select, textarea, [role="button"]')) return;
        go();
      }
    : undefined;
  return (
    <section
      className={`panel panel--${type}${className ? ` ${className}` : ''}${link ? ' panel--link' : ''}`}
      data-link={link?.screen}
      onClick={onClick}
      aria-labelledby={titleId}
      data-panel={panelId}
      data-state={resolved}
      aria-busy={resolved === 'loading'}
      tabIndex={canOpen ? 0 : undefined}
      onKeyDown={onKeyDown}
    >
      <header className="panel__head">
        <h2 id={titleId} className="panel__title">
          {go ? (
            <button type="button" className="panel__link" data-testid="panel-link" onClick={go} title={t('overview.openHint', { screen: linkName })}>
              {title}
              <span className="panel__link-arrow" aria-hidden="true">
                {' ›'}
              </span>
              <span className="visually-hidden">{` · ${t('overview.open', { screen: linkName })}`}</span>
            </button>
          ) : (
            title
          )}
        </h2>
        <StateBadge state={resolved} data={data} views={views} />
        <div className="panel__actions">
          {actions}
          {canOpen ? (
            <button
              type="button"
              className="panel__open"
              data-testid="panel-open"
              onClick={() => viewStore().getState().setFocus(panelId)}
              aria-label={t('detail.openHint', { title })}
              title={t('detail.openHint', { title })}
            >
              <span aria-hidden="true">⤢</span>
            </button>
          ) : null}
        </div>
      </header>
      <div className="panel__body">
        {showBody ? children : <Placeholder state={own} reason={data?.reason ?? null} emptyText={emptyText} skeleton={skeleton} />}
        {data?.switching ? <div className="panel__switching" aria-hidden="true" /> : null}
      </div>
      {data ? (
        <footer className="panel__source" title={data.reason ?? undefined}>
          <span className="panel__source-name" title={localize(data.source, locale)}>
            {t('panel.source')}
            {t('punct.colon')}
            {localize(data.source, locale)}
          </span>
          {data.asOf !== null ? (
            <span>
              {t('panel.asOf')} {formatDateTime(data.asOf, locale, false)}
            </span>
          ) : data.lastGoodAt !== null ? (
            <span>
              {t('panel.updated')} {formatDateTime(data.lastGoodAt, locale, false)}
            </span>
          ) : null}
          {quarantined > 0 ? (
            <span className="panel__quarantine" title={`${quarantined} ${t('panel.quarantined')}`}>
              {quarantined} {t('panel.quarantined')}
            </span>
          ) : null}
        </footer>
      ) : null}
    </section>
  );
}

/** The screen a panel's tile leads to (config `link`), with that screen's title; null without a link or outside a runtime. */
function usePanelLink(panelId: string): { screen: string; title: CockpitTitle } | null {
  const runtime = useContext(RuntimeContext);
  const screen = useView((s) => s.screen);
  const target = runtime?.config.screens.find((sc) => sc.id === screen)?.panels.find((p) => p.id === panelId)?.link?.screen;
  const to = target ? runtime?.config.screens.find((sc) => sc.id === target) : undefined;
  return to ? { screen: to.id, title: to.title } : null;
}
type CockpitTitle = NonNullable<Parameters<typeof localize>[0]>;

/**
 * The badge of a panel that is not current: the worst state of its datasets
 * and the age of the data it stands for. Hover or focus shows every dataset
 * of the panel with its state and reason (the full list, not only the worst).
 */
function StateBadge({ state, data, views }: { state: PanelState; data: DatasetView<unknown> | undefined; views: readonly DatasetView<unknown>[] | null }) {
  const t = useT();
  const locale = useLocale();
  const tipId = useId();
  if (state === 'ready' || state === 'empty' || state === 'loading') return null;
  const label = state === 'stale' ? t('panel.stale') : state === 'offline' ? t('panel.offline') : t('panel.error');
  const all = uniqueDatasets(views?.length ? views : data ? [data] : []);
  // The age of the oldest data among the datasets that put the panel in this state (a failed one counts for "stale").
  const behind = all.filter((v) => v.state === state || (state === 'stale' && v.state === 'error'));
  const lastGood = (behind.length ? behind : data ? [data] : []).map((v) => v.lastGoodAt).filter((v): v is number => v !== null);
  const age = lastGood.length ? formatAge(clock.now() - Math.min(...lastGood), locale) : null;
  const lines = all.map((v) => ({
    id: v.datasetId,
    state: v.state,
    text: `${localize(v.source, locale)}${t('punct.colon')}${t(`freshness.${v.state}` as const)}${v.lastGoodAt !== null && v.state !== 'ready' ? ` · ${formatAge(clock.now() - v.lastGoodAt, locale)}` : ''}${v.reason ? ` · ${v.reason}` : ''}`,
  }));
  return (
    <>
      <span className={`panel__badge panel__badge--${state}`} role="status">
        {/* A button so keyboard users get by focus what hover gives: every dataset's state and reason. */}
        <button type="button" className="panel__badge-text" aria-describedby={lines.length ? tipId : undefined}>
          {label}
          {age ? ` · ${age}` : ''}
        </button>
      </span>
      {lines.length ? (
        <span className="panel__why" id={tipId} role="tooltip" data-testid="panel-why">
          <strong>{t('panel.status')}</strong>
          {lines.map((l) => (
            <span key={l.id} className={`panel__why-line panel__why-line--${l.state}`} data-dataset={l.id} data-freshness={l.state}>
              {l.text}
            </span>
          ))}
        </span>
      ) : null}
    </>
  );
}

/** One line per dataset, even when two slots read the same one. */
function uniqueDatasets(views: readonly DatasetView<unknown>[]): DatasetView<unknown>[] {
  const seen = new Set<string>();
  return views.filter((v) => !seen.has(v.datasetId) && seen.add(v.datasetId) !== undefined);
}

function Placeholder({
  state,
  reason,
  emptyText,
  skeleton,
}: {
  state: PanelState;
  reason: string | null;
  emptyText?: string | undefined;
  skeleton?: SkeletonKind | undefined;
}) {
  const t = useT();
  if (state === 'loading') {
    return (
      <div className="panel__placeholder">
        {skeleton ? <Skeleton kind={skeleton} /> : null}
        <span className="panel__spinner" aria-hidden="true" />
        {t('panel.loading')}
      </div>
    );
  }
  // Stale or offline with nothing to show for this view: say so, without blaming the feed for emptiness.
  if (state === 'empty' || state === 'ready' || ((state === 'stale' || state === 'offline') && emptyText)) {
    return (
      <div className="panel__placeholder panel__placeholder--empty">
        <span className="panel__empty-icon" aria-hidden="true" />
        {emptyText ?? t('panel.empty')}
      </div>
    );
  }
  return (
    <div className="panel__placeholder panel__placeholder--error">
      <strong>{state === 'offline' ? t('panel.offline') : t('panel.error')}</strong>
      {reason ? <small title={reason}>{reason}</small> : null}
    </div>
  );
}

/** A faint outline of the panel's chart behind the loading spinner. */
function Skeleton({ kind }: { kind: SkeletonKind }) {
  const count = kind === 'cards' ? 6 : kind === 'rows' || kind === 'bars' ? 6 : kind === 'columns' ? 9 : 0;
  return (
    <div className={`panel__skeleton panel__skeleton--${kind}`} aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder shapes
        <i key={i} style={{ '--i': i } as CSSProperties} />
      ))}
    </div>
  );
}
