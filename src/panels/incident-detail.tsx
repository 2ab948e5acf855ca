import { useEffect, useMemo, useRef } from 'react';
import type { Incident, Resource } from '../data/contracts/index';
import type { RegionIndex } from '../geo/region-index';
import { levelWithColour, term, translate } from '../i18n/translate';
import { formatInstant, formatNumber, unitLabel } from '../lib/format';
import { LEVEL_SHAPE } from '../lib/levels';
import type { Locale } from '../lib/locale';
import { dispatchedUnits, nearbyPlaces, timeline } from './incident-detail-model';
import './incident-detail.css';

export interface IncidentDetailProps {
  id: string;
  incidents: readonly Incident[] | undefined;
  resources: readonly Resource[] | undefined;
  locale: Locale;
  regions: RegionIndex;
  now: number;
  onClose: () => void;
}

/**
 * The detail card of the selected incident, over the map (wall and analyst):
 * type and level (text and shape), the status timeline, the teams sent with
 * their ETA, the nearest shelters and depots with their distance. Feed text
 * is shown as text. Esc or ✕ closes it (Back does too: the selection is in
 * the URL).
 */
export function IncidentDetail({ id, incidents, resources, locale, regions, now, onClose }: IncidentDetailProps) {
  const t = (key: Parameters<typeof translate>[0], vars?: Record<string, string | number>) => translate(key, locale, vars);
  const incident = useMemo(() => incidents?.find((i) => i.id === id) ?? null, [incidents, id]);
  const steps = useMemo(() => (incident ? timeline(incident) : []), [incident]);
  const units = useMemo(() => (incident && resources ? dispatchedUnits(incident, resources, now) : []), [incident, resources, now]);
  const places = useMemo(() => (incident && resources ? nearbyPlaces(incident, resources) : []), [incident, resources]);
  const closeRef = useRef<HTMLButtonElement>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  // Esc closes the card before the shell's Esc (up one level) sees it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      e.stopPropagation();
      latestClose.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  const time = (ms: number) => formatInstant(ms, 'time', locale);
  const head = incident ? `${term('incident.type', incident.type, locale)} · ${regions.label(incident.region, locale)}` : '';
  return (
    <section
      className="incident-detail"
      aria-label={t('incident.detail')}
      data-incident={id}
      data-state={incident ? 'ready' : incidents ? 'missing' : 'loading'}
    >
      <header className="incident-detail__head">
        {incident ? (
          <span className={`sev-chip sev-chip--${incident.severity} incident-detail__level`} data-shape={LEVEL_SHAPE[incident.severity]}>
            <span aria-hidden="true">{LEVEL_SHAPE[incident.severity]}</span> {levelWithColour(incident.severity, locale)}
          </span>
        ) : null}
        <span className="incident-detail__kind">{incident ? head : t('incident.detail')}</span>
        <button ref={closeRef} type="button" className="incident-detail__close" onClick={onClose} aria-label={t('incident.close')} title={t('incident.close')}>
          ✕
        </button>
      </header>
      {!incident ? (
        <p className="incident-detail__note" role="status">
          {incidents ? t('incident.missing') : t('incident.loading')}
        </p>
      ) : (
        <div className="incident-detail__body">
          <h3 className="incident-detail__title">{incident.title}</h3>
          <p className="incident-detail__meta">
            {t('incident.statusNow')}
            <strong className="incident-detail__status" data-status={incident.status}>
              {term('incident.status', incident.status, locale)}
            </strong>
          </p>
          <h4 className="incident-detail__section">{t('incident.timeline')}</h4>
          <ol className="incident-detail__timeline">
            {steps.map((s) => (
              <li key={`${s.status}-${s.at}`} data-status={s.status}>
                <span className="num">{time(s.at)}</span>
                <span>{term('incident.status', s.status, locale)}</span>
                <span className="incident-detail__dim num">{s.sinceReport > 0 ? t('incident.sinceReport', { min: s.sinceReport }) : ''}</span>
              </li>
            ))}
          </ol>
          <h4 className="incident-detail__section">{t('incident.units', { n: units.length })}</h4>
          {units.length ? (
            <ul className="incident-detail__list" data-list="units">
              {units.map((u) => (
                <li key={u.id}>
                  <span className="incident-detail__name" title={u.name}>
                    {u.name}
                  </span>
                  <span className="num">{t('incident.km', { km: formatNumber(u.km, locale, 1) })}</span>
                  <span className="num incident-detail__eta" data-arrived={u.arrived ? 'true' : undefined}>
                    {u.eta === null ? '—' : u.arrived ? t('incident.arrivedAt', { time: time(u.eta) }) : t('incident.eta', { time: time(u.eta) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="incident-detail__note">{resources ? t('incident.noUnits') : t('incident.loading')}</p>
          )}
          <h4 className="incident-detail__section">{t('incident.nearby')}</h4>
          <ul className="incident-detail__list" data-list="nearby">
            {places.map((p) => (
              <li key={p.id} data-kind={p.kind}>
                <span className="incident-detail__name" title={p.name}>
                  {term('resource.kind', p.kind, locale)} · {p.name}
                </span>
                <span className="num">{t('incident.km', { km: formatNumber(p.km, locale, 1) })}</span>
                <span className="num incident-detail__dim">
                  {p.available !== null && p.unit ? t('incident.available', { n: formatNumber(p.available, locale, 0), unit: unitLabel(p.unit, locale) }) : ''}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
