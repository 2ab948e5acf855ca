import { type CSSProperties, useMemo } from 'react';
import { pickName, useLocale, useT } from '../i18n/i18n';
import { formatNumber } from '../lib/format';
import type { LevelsOptions, levelsSlots } from './catalog/levels';
import { levelRows } from './domain-models';
import { Tag, UnitTag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import './domain-panels.css';

const SHAPE: Record<1 | 2 | 3 | 4, string> = { 1: '▲▲', 2: '▲', 3: '◆', 4: '●' };

/**
 * River gauges against their warning and guaranteed levels, reservoirs
 * against the flood-limit level (flood season) or the normal pool level:
 * worst first, each on its own elevation scale (said in the header), the
 * references as labelled marks, the verdict in words with a shape.
 */
export default function LevelsPanel({ config, options, title, data: { main } }: PanelProps<LevelsOptions, typeof levelsSlots>) {
  const t = useT();
  const locale = useLocale();
  // One ranking per change of the records: the rows shown are its head, the summary counts the whole of it.
  const all = useMemo(() => levelRows(main.records, options.kind, 1000), [main.records, options.kind]);
  const rows = useMemo(() => all.slice(0, options.max), [all, options.max]);
  const over = useMemo(() => all.filter((r) => r.rank <= 2).length, [all]);
  const summaryKey = options.kind === 'reservoir' ? 'level.summary.reservoir' : 'level.summary.river';
  const offSeason = rows.some((r) => r.record.kind === 'reservoir' && r.record.floodSeason === false);
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={main}
      empty={main.records !== undefined && rows.length === 0}
      emptyText={t('level.empty')}
      skeleton="rows"
      actions={
        <>
          <Tag>{t(summaryKey, { over, n: all.length })}</Tag>
          <UnitTag unit="m" />
        </>
      }
    >
      <div className="levels">
        <p className="levels__note">
          <span className="levels__key levels__key--first" aria-hidden="true" />
          {t(options.kind === 'reservoir' ? (offSeason ? 'level.key.normal' : 'level.key.limit') : 'level.key.river')}
          {' · '}
          {t('level.scaleNote')}
        </p>
        <ol className="levels__list">
          {rows.map((r) => {
            const rec = r.record;
            const water = locale === 'en' ? (rec.waterEn ?? rec.water) : rec.water;
            const change = rec.change6h ?? null;
            const changeText =
              change === null
                ? ''
                : Math.abs(change) < 0.005
                  ? t('level.steady')
                  : t(change > 0 ? 'level.rising' : 'level.falling', { m: formatNumber(Math.abs(change), locale, 2) });
            return (
              <li key={r.id} className={`levels__row levels__row--r${r.rank}`} data-status={r.status}>
                <span className="levels__name" title={pickName(rec, locale)}>
                  {pickName(rec, locale)}
                  {water ? <small>{water}</small> : null}
                </span>
                <span className="levels__value num">
                  {formatNumber(rec.level, locale, 2)}
                  <small>{changeText}</small>
                </span>
                <span className="levels__track" aria-hidden="true">
                  <span className="levels__fill" style={{ width: `${r.fill * 100}%` }} />
                  {r.marks
                    .filter((mk) => (offSeason && rec.kind === 'reservoir' ? mk.key === 'normalPool' : true))
                    .map((mk) => (
                      <span key={mk.key} className={`levels__mark levels__mark--${mk.key}`} style={{ '--at': mk.at } as CSSProperties} />
                    ))}
                </span>
                <span className="levels__status">
                  <b aria-hidden="true">{SHAPE[r.rank]}</b>{' '}
                  {t(`level.status.${r.status}`, { m: r.margin === null ? '' : formatNumber(Math.abs(r.margin), locale, 2) })}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
    </PanelFrame>
  );
}
