import { type MouseEvent, useEffect } from 'react';
import type { CockpitConfig } from '../config/schema';
import { levelWithColour, useLocale, useT } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';
import { useView } from '../state/view-store';
import { canFullscreen, toggleFullscreen, useFullscreen } from './kiosk';
import { playlistOf, rotates } from './rotation';
import { useOnline } from './self-healing';
import { acknowledge, takeoverEnabled } from './takeover';
import { consumedEvents, type TakeoverItem, useWall } from './wall-store';
import './wall.css';

interface OverlayProps {
  config: CockpitConfig;
  root: string;
  /** Region names come from the region pack, which this room does not read. */
  regionLabel: (code: string) => string;
}

/** Everything wall mode lays over a screen: paused mark, takeover, offline banner, full-screen control. Drawn in design units. */
export function WallOverlays({ config, root, regionLabel }: OverlayProps) {
  const mode = useView((s) => s.mode);
  if (mode !== 'wall') return null;
  return (
    <>
      <RotationStatus config={config} />
      <TakeoverLayer config={config} root={root} regionLabel={regionLabel} />
      {config.selfHealing.offlineBanner ? <OfflineBanner /> : null}
      {config.kiosk.fullscreenButton ? <FullscreenButton /> : null}
    </>
  );
}

function RotationStatus({ config }: { config: CockpitConfig }) {
  const t = useT();
  const { paused, active } = useWall((s) => ({ paused: s.paused, active: s.active !== null }));
  if (!paused || active || !rotates(config, playlistOf(config))) return null;
  return (
    <div className="wall-paused" role="status" data-testid="rotation-paused">
      <span className="wall-paused__icon" aria-hidden="true" />
      <span className="wall-paused__text">{t('wall.paused')}</span>
      <span className="wall-paused__hint">{t('wall.resumesAfter', { seconds: config.rotation.resumeAfterSec })}</span>
    </div>
  );
}

function TakeoverLayer({ config, root, regionLabel }: OverlayProps) {
  const t = useT();
  const locale = useLocale();
  const { active, queued } = useWall((s) => ({ active: s.active, queued: s.queue.length }));
  const screen = useView((s) => s.screen);
  const onScreen = !!active && takeoverEnabled(config) && active.screen === screen;
  useSpotlight(onScreen ? active : null);
  if (!active || !onScreen) return null;
  const ack = (e: MouseEvent) => {
    consumedEvents.add(e.nativeEvent);
    acknowledge(config, root);
  };
  const level = active.level !== null && [1, 2, 3, 4].includes(active.level) ? (active.level as 1 | 2 | 3 | 4) : null;
  return (
    <>
      {/* A click anywhere on the wall acknowledges; the keyboard does too (useTakeover), so this veil needs no key handler of its own. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: any key acknowledges, handled on window */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the veil is the whole wall */}
      <div className="takeover-veil" data-testid="takeover-veil" onClick={ack} />
      <div className={`takeover${level ? ` takeover--sev${level}` : ''}`} role="alert" data-testid="takeover" data-takeover-key={active.key}>
        <div className="takeover__head">
          <span className="takeover__label">{t('wall.takeover')}</span>
          {level ? <span className={`sev-chip sev-chip--${level}`}>{levelWithColour(level, locale)}</span> : null}
          {active.region ? <span className="takeover__region">{regionLabel(active.region)}</span> : null}
          {active.at !== null ? <span className="takeover__time num">{formatDateTime(active.at, locale, false)}</span> : null}
        </div>
        {/* The record's own text, from a feed: a text node, never HTML. */}
        <div className="takeover__text">{active.text}</div>
        <div className="takeover__foot">
          <span>{t('wall.takeoverAck')}</span>
          {config.takeover.ackTimeoutSec > 0 ? (
            <span>{t('wall.takeoverTimeout', { minutes: Math.max(1, Math.round(config.takeover.ackTimeoutSec / 60)) })}</span>
          ) : null}
          {queued > 0 ? (
            <span className="takeover__queued" data-testid="takeover-queued">
              {t('wall.takeoverQueued', { count: queued })}
            </span>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** The record's row in a list panel: `data-id` when the panel gives one, else the row carrying the record's text. */
function findRow(panel: Element, item: TakeoverItem): HTMLElement | null {
  const byId = panel.querySelector<HTMLElement>(`[data-id="${CSS.escape(item.recordId)}"]`);
  if (byId) return byId;
  for (const li of panel.querySelectorAll<HTMLElement>('li')) if (li.textContent?.includes(item.text)) return li;
  return null;
}

/**
 * Spotlights the takeover's panel (`data-highlight`, `data-takeover`) and the
 * record's row in it (`data-spotlight`), brings the row into view and holds
 * the list's auto-scroll (as a pointer resting on it would). Re-applied while
 * the panel renders; everything is removed when the takeover ends.
 */
function useSpotlight(item: TakeoverItem | null): void {
  const key = item?.key ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the takeover, not by the item object
  useEffect(() => {
    if (!item?.panel) return;
    const panelId = item.panel;
    let panel: Element | null = null;
    let row: HTMLElement | null = null;
    let list: HTMLElement | null = null;
    const release = () => {
      panel?.removeAttribute('data-highlight');
      panel?.removeAttribute('data-takeover');
      row?.removeAttribute('data-spotlight');
      list?.dispatchEvent(new PointerEvent('pointerleave'));
      panel = row = list = null;
    };
    const apply = () => {
      const p = document.querySelector(`[data-panel="${CSS.escape(panelId)}"]`);
      if (p !== panel) {
        release();
        panel = p;
        panel?.setAttribute('data-highlight', 'true');
        panel?.setAttribute('data-takeover', 'true');
      }
      const r = panel ? findRow(panel, item) : null;
      if (r === row) return;
      row?.removeAttribute('data-spotlight');
      row = r;
      if (!row) return;
      row.setAttribute('data-spotlight', 'true');
      const scroller = row.closest<HTMLElement>('ol, ul');
      if (scroller !== list) {
        list?.dispatchEvent(new PointerEvent('pointerleave'));
        list = scroller;
        list?.dispatchEvent(new PointerEvent('pointerenter'));
      }
      if (list && list.scrollHeight > list.clientHeight) {
        list.scrollTop += row.getBoundingClientRect().top - list.getBoundingClientRect().top;
      }
    };
    apply();
    const timer = setInterval(apply, 500);
    return () => {
      clearInterval(timer);
      release();
    };
  }, [key]);
}

function OfflineBanner() {
  const t = useT();
  const online = useOnline();
  if (online) return null;
  return (
    <div className="wall-offline" role="alert" data-testid="offline-banner">
      <strong>{t('wall.offline')}</strong>
      <span>{t('wall.offlineHelp')}</span>
    </div>
  );
}

function FullscreenButton() {
  const t = useT();
  const full = useFullscreen();
  if (full || !canFullscreen()) return null;
  return (
    <button type="button" className="wall-fullscreen" data-testid="fullscreen" onClick={toggleFullscreen} aria-label={t('wall.fullscreen')}>
      <span className="wall-fullscreen__icon" aria-hidden="true" />
      {t('wall.fullscreen')}
    </button>
  );
}
