import { type CSSProperties, type KeyboardEvent, type ReactNode, useEffect, useId } from 'react';
import { reportDataTime } from '../data/data-time';
import type { Freshness } from '../data/freshness';
import type { DatasetView } from '../data/use-dataset';
import { localize, useLocale, useT } from '../i18n/i18n';
import { clock } from '../lib/clock';
import { useView, viewStore } from '../state/view-store';
import { formatAge, formatDateTime } from '../lib/format';
import './panel.css';

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
  const resolved = state ?? panelStateOf(data, empty);
  // `empty` (when given) decides whether the panel has something to show; otherwise the records do.
  const hasRecords = !data ? !empty : data.records === undefined ? false : empty !== undefined ? !empty : data.records.length > 0;
  useEffect(() => {
    if (data) reportDataTime(data.datasetId, data.asOf ?? data.lastGoodAt);
  }, [data]);
  const showBody = hasRecords && resolved !== 'empty';
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
  return (
    <section
      className={`panel panel--${type}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      data-panel={panelId}
      data-state={resolved}
      aria-busy={resolved === 'loading'}
      tabIndex={canOpen ? 0 : undefined}
      onKeyDown={onKeyDown}
    >
      <header className="panel__head">
        <h2 id={titleId} className="panel__title">
          {title}
        </h2>
        <StateBadge state={resolved} data={data} />
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
        {showBody ? children : <Placeholder state={resolved} reason={data?.reason ?? null} emptyText={emptyText} skeleton={skeleton} />}
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
          {data.quarantined > 0 ? (
            <span className="panel__quarantine">
              {data.quarantined} {t('panel.quarantined')}
            </span>
          ) : null}
        </footer>
      ) : null}
    </section>
  );
}

function StateBadge({ state, data }: { state: PanelState; data: DatasetView<unknown> | undefined }) {
  const t = useT();
  const locale = useLocale();
  if (state === 'ready' || state === 'empty' || state === 'loading') return null;
  const label = state === 'stale' ? t('panel.stale') : state === 'offline' ? t('panel.offline') : t('panel.error');
  const age = data?.lastGoodAt != null ? formatAge(clock.now() - data.lastGoodAt, locale) : null;
  return (
    <span className={`panel__badge panel__badge--${state}`} role="status" title={data?.reason ?? undefined}>
      {label}
      {age ? ` · ${age}` : ''}
    </span>
  );
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
      {reason ? <small>{reason}</small> : null}
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
