import { useEffect, useState } from 'react';
import type { ScreenConfig } from '../config/schema';
import { useLatestDataTime } from '../data/data-time';
import { useRuntime } from '../data/runtime';
import { localize, otherLocale, useLocale, useT } from '../i18n/i18n';
import { clock, onClockChange } from '../lib/clock';
import { formatDateTime } from '../lib/format';
import { requestDrill, usePendingDrill } from '../state/drill';
import { useView, viewStore } from '../state/view-store';
import './title-bar.css';

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const tick = () => setNow(clock.now());
    const t = setInterval(tick, intervalMs);
    const off = onClockChange(tick);
    return () => {
      clearInterval(t);
      off();
    };
  }, [intervalMs]);
  return now;
}

/** Screen name, region path, clock, data time and the demo-data badge. */
export function TitleBar({ screen }: { screen: ScreenConfig }) {
  const { config, mocked } = useRuntime();
  const locale = useLocale();
  const t = useT();
  const now = useNow();
  const dataTime = useLatestDataTime();
  return (
    <header className="title-bar">
      <div className="title-bar__left">
        <ScreenTabs />
        <Breadcrumb />
      </div>
      <div className="title-bar__center">
        <h1 className="title-bar__title">{localize(screen.title, locale)}</h1>
        <div className="title-bar__subtitle">{localize(config.title, locale)}</div>
      </div>
      <div className="title-bar__right">
        {mocked || config.demoData ? (
          <span className="demo-badge" data-testid="demo-badge" title={t('app.demoBadgeTitle')}>
            {t('app.demoBadge')}
          </span>
        ) : null}
        <div>
          <div className="title-bar__clock num" data-testid="clock">
            {formatDateTime(now, locale)}
          </div>
          <div className="title-bar__datatime">
            {t('app.dataTime')}
            {t('punct.colon')}
            {dataTime !== null ? formatDateTime(dataTime, locale, false) : '—'}
          </div>
        </div>
        <ModeSwitch />
      </div>
    </header>
  );
}

function ScreenTabs() {
  const { config } = useRuntime();
  const locale = useLocale();
  const t = useT();
  const current = useView((s) => s.screen);
  if (config.screens.length < 2) return null;
  return (
    <nav className="screen-tabs screen-tabs--screens" aria-label={t('app.screens')}>
      {config.screens.map((s) => {
        // Seven screens and more: the tab shows the short name (config `tab`, a part of the title); its accessible name is the title.
        const full = localize(s.title, locale);
        const short = s.tab ? localize(s.tab, locale) : full;
        return (
          <button
            key={s.id}
            type="button"
            data-screen={s.id}
            aria-current={s.id === current ? 'page' : undefined}
            aria-label={short === full ? undefined : full}
            title={short === full ? undefined : full}
            onClick={() => viewStore().getState().setScreen(s.id)}
          >
            {short}
          </button>
        );
      })}
    </nav>
  );
}

/** 河南省 › 洛阳市 › 栾川县; every level but the last goes up to it. */
export function Breadcrumb() {
  const { regions } = useRuntime();
  const locale = useLocale();
  const t = useT();
  const region = useView((s) => s.region);
  // A drill on its way (drill.ts): named here in the frame that answers the key or click.
  const pending = usePendingDrill();
  const path = regions.path(region);
  return (
    <nav className="breadcrumb" aria-label={t('region.nav')} aria-busy={pending !== null && pending !== region ? true : undefined}>
      <ol>
        {path.map((r, i) => (
          <li key={r.code}>
            {i < path.length - 1 ? (
              <button type="button" onClick={() => requestDrill(r.code)}>
                {regions.label(r.code, locale)}
              </button>
            ) : (
              <span aria-current="location">{regions.label(r.code, locale)}</span>
            )}
          </li>
        ))}
      </ol>
      {pending !== null && pending !== region ? (
        <span className="breadcrumb__pending" aria-hidden="true" data-target={pending}>
          {regions.label(pending, locale)}
        </span>
      ) : null}
      {path.length > 1 ? <span className="visually-hidden">{t('region.back')}: Esc</span> : null}
    </nav>
  );
}

function ModeSwitch() {
  const t = useT();
  const mode = useView((s) => s.mode);
  const locale = useLocale();
  const store = viewStore().getState();
  return (
    <div className="screen-tabs">
      <button type="button" className="chip" onClick={() => store.setMode(mode === 'analyst' ? 'wall' : 'analyst')}>
        {mode === 'analyst' ? t('app.mode.wall') : t('app.mode.analyst')}
      </button>
      <button type="button" className="chip" lang={otherLocale(locale)} onClick={() => store.setLocale(otherLocale(locale))}>
        {t('app.language')}
      </button>
    </div>
  );
}
