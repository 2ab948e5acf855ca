import { useEffect, useMemo, useState } from 'react';
import { useRuntime } from '../data/runtime';
import { type MessageKey, term, useLocale, useT } from '../i18n/i18n';
import { clock } from '../lib/clock';
import { exportFileName, isoChinaTime } from '../lib/table-export';
import { addBriefingStep, briefingFile, clearBriefing, readBriefing } from '../state/briefing';
import { downloadBlob } from './download';
import { activeCrossFilters, FILTER_VOCABULARY } from '../panels/cross-filter';
import { resolveRange } from '../state/time-range';
import { MAX_COMPARE, type Overlay, RANGE_PRESETS, type RangePreset, useView, viewStore } from '../state/view-store';

/**
 * Analyst controls under the title bar: the time range (presets and absolute
 * months), the trend overlay (同比 / 环比), regions to compare (up to four) and
 * the active cross-filters as removable chips. Everything lives in the view
 * store, so it is in the URL and Back/Forward walk it.
 */
export function AnalystToolbar() {
  const t = useT();
  useEscClearsFilters();
  return (
    <section className="analyst-toolbar" aria-label={t('toolbar.label')}>
      <RangePicker />
      <OverlayPicker />
      <ComparePicker />
      <FilterChips />
      <BriefingControls />
    </section>
  );
}

function RangePicker() {
  const t = useT();
  const range = useView((s) => s.range);
  const preset = typeof range === 'string' ? range : 'custom';
  const months = resolveRange(range, clock.now());
  const [custom, setCustom] = useState(preset === 'custom');
  const latest = resolveRange('1m', clock.now()).to;
  // A start after the end moves the end along (and the other way round), so a range is always valid.
  const setMonths = (from: string, to: string, changed: 'from' | 'to' = 'from') => {
    if (!/^\d{4}-\d{2}$/.test(from) || !/^\d{4}-\d{2}$/.test(to)) return;
    const range = from <= to ? { from, to } : changed === 'from' ? { from, to: from } : { from: to, to };
    viewStore().getState().setRange(range);
  };
  return (
    <div className="analyst-toolbar__group">
      <label>
        <span className="analyst-toolbar__label">{t('app.range')} </span>
        <select
          data-testid="range-preset"
          value={custom ? 'custom' : preset}
          onChange={(e) => {
            if (e.target.value === 'custom') {
              setCustom(true);
              setMonths(months.from, months.to);
            } else {
              setCustom(false);
              viewStore()
                .getState()
                .setRange(e.target.value as RangePreset);
            }
          }}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`range.${p}` as MessageKey)}
            </option>
          ))}
          <option value="custom">{t('range.custom')}</option>
        </select>
      </label>
      {custom || preset === 'custom' ? (
        <>
          <label>
            <span className="visually-hidden">{t('range.from')}</span>
            <input type="month" data-testid="range-from" value={months.from} max={latest} onChange={(e) => setMonths(e.target.value, months.to)} />
          </label>
          <span aria-hidden="true">–</span>
          <label>
            <span className="visually-hidden">{t('range.to')}</span>
            <input type="month" data-testid="range-to" value={months.to} max={latest} onChange={(e) => setMonths(months.from, e.target.value, 'to')} />
          </label>
        </>
      ) : (
        <span className="analyst-toolbar__label num" data-testid="range-months">
          {months.from === months.to ? months.from : `${months.from} – ${months.to}`}
        </span>
      )}
    </div>
  );
}

const OVERLAYS: readonly Overlay[] = ['yoy', 'mom', 'none'];

function OverlayPicker() {
  const t = useT();
  const overlay = useView((s) => s.overlay);
  return (
    <fieldset className="analyst-toolbar__group" style={{ border: 0, margin: 0, padding: 0 }}>
      <legend className="analyst-toolbar__label" style={{ float: 'left', marginRight: 6 }}>
        {t('overlay.label')}
      </legend>
      {OVERLAYS.map((o) => (
        <button
          key={o}
          type="button"
          data-testid={`overlay-${o}`}
          aria-pressed={overlay === o}
          title={t(`overlay.${o}.hint` as MessageKey)}
          // Pressing the active choice again returns every trend panel to its configured default.
          onClick={() =>
            viewStore()
              .getState()
              .setOverlay(overlay === o ? undefined : o)
          }
        >
          {t(`overlay.${o}` as MessageKey)}
        </button>
      ))}
    </fieldset>
  );
}

function ComparePicker() {
  const t = useT();
  const locale = useLocale();
  const { regions } = useRuntime();
  const { region, compare } = useView((s) => ({ region: s.region, compare: s.compare ?? [] }));
  // Choices: the cities, and the counties of the city in view.
  const groups = useMemo(() => {
    const cities = regions.children(regions.root.code);
    const path = regions.path(region);
    const city = path[1];
    const counties = city ? regions.children(city.code) : [];
    return [
      { label: t('compare.cities'), items: cities },
      ...(counties.length ? [{ label: t('compare.countiesOf', { name: regions.label(city?.code ?? '', locale) }), items: counties }] : []),
    ];
  }, [regions, region, locale, t]);
  const full = compare.length >= MAX_COMPARE;
  return (
    <div className="analyst-toolbar__group">
      <label>
        <span className="analyst-toolbar__label">{t('compare.label')} </span>
        <select
          data-testid="compare-add"
          value=""
          disabled={full}
          title={full ? t('compare.max', { n: MAX_COMPARE }) : undefined}
          onChange={(e) => {
            if (e.target.value) viewStore().getState().toggleCompare(e.target.value);
          }}
        >
          <option value="">{full ? t('compare.max', { n: MAX_COMPARE }) : t('compare.add')}</option>
          {groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.items
                .filter((r) => r.code !== region && !compare.includes(r.code))
                .map((r) => (
                  <option key={r.code} value={r.code}>
                    {regions.label(r.code, locale)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      {compare.length ? (
        <ul className="chip-list" aria-label={t('compare.label')} data-testid="compare-chips">
          {compare.map((code) => (
            <li key={code} data-region={code}>
              {regions.label(code, locale)}
              <button
                type="button"
                aria-label={t('compare.remove', { name: regions.label(code, locale) })}
                onClick={() => viewStore().getState().toggleCompare(code)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function FilterChips() {
  const t = useT();
  const locale = useLocale();
  const filters = useView((s) => s.filters);
  const active = activeCrossFilters(filters);
  if (!active.length) return null;
  return (
    <div className="analyst-toolbar__group">
      <span className="analyst-toolbar__label">{t('filters.label')}</span>
      <ul className="chip-list" data-testid="filter-chips" aria-label={t('filters.label')}>
        {active.map(([key, value]) => {
          const name = `${t(`filters.dim.${key}` as MessageKey)}${t('punct.colon')}${term(FILTER_VOCABULARY[key], value, locale)}`;
          return (
            <li key={key} data-filter={key}>
              {name}
              <button type="button" aria-label={t('filters.remove', { name })} onClick={() => viewStore().getState().setFilter(key, null)}>
                ✕
              </button>
            </li>
          );
        })}
      </ul>
      {active.length > 1 ? (
        <button type="button" onClick={() => viewStore().getState().clearFilters()}>
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}

/** Esc clears the cross-filters before it goes up a drill level (the detail view, when open, closes first). */
function useEscClearsFilters() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const { focus, filters, setFilter } = viewStore().getState();
      if (focus) return;
      const active = activeCrossFilters(filters);
      if (!active.length) return;
      e.preventDefault();
      for (const [key] of active) setFilter(key, null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * "Add to briefing": the current view (screen, region, filters, open panel) and
 * a caption become a step of a tour collected in this browser; download it as
 * JSON (plays with `?mode=demo&tour=<file>` beside index.html) or play it here.
 */
function BriefingControls() {
  const t = useT();
  const { screen, region, filters, focus } = useView((s) => ({ screen: s.screen, region: s.region, filters: s.filters, focus: s.focus }));
  const [steps, setSteps] = useState(() => readBriefing()?.steps.length ?? 0);
  const [caption, setCaption] = useState<string | null>(null);
  const add = () => {
    const text = (caption ?? '').trim();
    if (!text) return;
    const b = addBriefingStep(
      { screen, region, ...(focus ? { panel: focus } : {}), filters: { ...filters }, caption: text.slice(0, 200), durationSec: 15 },
      isoChinaTime(clock.now()),
    );
    setSteps(b.steps.length);
    setCaption(null);
  };
  const download = () => {
    const b = readBriefing();
    if (!b) return;
    downloadBlob(
      new Blob([briefingFile(b)], { type: 'application/json' }),
      exportFileName([t('briefing.file'), isoChinaTime(clock.now()).slice(0, 10)], 'json'),
    );
  };
  return (
    <div className="analyst-toolbar__group" data-testid="briefing">
      {caption === null ? (
        <button type="button" data-testid="briefing-add" onClick={() => setCaption('')}>
          {t('briefing.add')}
        </button>
      ) : (
        <form
          className="analyst-toolbar__group"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label>
            <span className="visually-hidden">{t('briefing.caption')}</span>
            <input
              data-testid="briefing-caption"
              // biome-ignore lint/a11y/noAutofocus: the field appears on request; typing the caption is the next step
              autoFocus
              value={caption}
              maxLength={200}
              placeholder={t('briefing.caption')}
              onChange={(e) => setCaption(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setCaption(null);
                }
              }}
            />
          </label>
          <button type="submit" data-testid="briefing-save" disabled={!caption.trim()}>
            {t('briefing.save')}
          </button>
        </form>
      )}
      {steps > 0 ? (
        <>
          <span className="analyst-toolbar__label" data-testid="briefing-count">
            {t('briefing.count', { n: steps })}
          </span>
          <button type="button" data-testid="briefing-download" onClick={download}>
            {t('briefing.download')}
          </button>
          <a className="analyst-toolbar__link" href={`?mode=demo&tour=local`} data-testid="briefing-play">
            {t('briefing.play')}
          </a>
          <button
            type="button"
            onClick={() => {
              clearBriefing();
              setSteps(0);
            }}
          >
            {t('briefing.clear')}
          </button>
        </>
      ) : null}
    </div>
  );
}
