import { useMemo } from 'react';
import { term, useLocale, useT } from '../i18n/i18n';
import { formatNumber, formatWithUnit } from '../lib/format';
import { LEVEL_SHAPE } from '../lib/levels';
import type { ResponseTimesOptions, responseTimesSlots } from './catalog/response-times';
import { Tag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import { barOf, responseRows } from './response-model';
import type { PanelProps } from './types';
import './response-times.css';

/** "2026-11-13/2026-11-20" → "11/13–11/20". */
function shortPeriod(period: string): string {
  return period
    .split('/')
    .map((d) => (/^\d{4}-\d{2}-\d{2}/.test(d) ? `${d.slice(5, 7)}/${d.slice(8, 10)}` : d))
    .join('–');
}

function Bar({ value, target, late, label }: { value: number | null; target: number | null; late: boolean; label: string }) {
  const { width, tick } = barOf(value, target);
  return (
    <span className="response__bar" aria-hidden="true" title={label}>
      <span className="response__fill" data-late={late ? 'true' : undefined} style={{ width: `${width}%` }} />
      {tick !== null ? <span className="response__tick" style={{ left: `${tick}%` }} /> : null}
    </span>
  );
}

/**
 * Response times by level: minutes from the report to the dispatch order and
 * to the first unit on scene, each against its target (a tick on a bar that
 * starts at zero); over target says so in words (超时), not by colour alone.
 */
export default function ResponseTimes({ config, options, title, data: { main: data } }: PanelProps<ResponseTimesOptions, typeof responseTimesSlots>) {
  const t = useT();
  const locale = useLocale();
  const rows = useMemo(() => responseRows(data.records), [data.records]);
  const min = (v: number | null, digits = 1) => formatWithUnit(v, '分钟', locale, digits);
  const period = rows[0]?.period;
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      empty={data.records !== undefined && rows.length === 0}
      actions={<Tag>{period ? t('response.window', { period: shortPeriod(period) }) : t('response.minutes')}</Tag>}
    >
      <table className="response" data-window={period}>
        <caption className="visually-hidden">
          {t('response.caption', {
            n: formatNumber(
              rows.reduce((a, r) => a + r.count, 0),
              locale,
              0,
            ),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('col.level')}</th>
            <th scope="col">{t('response.dispatchShort')}</th>
            <th scope="col">{t('response.sceneShort')}</th>
            {options.showOnTarget ? <th scope="col">{t('response.onTargetShort')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.level} data-level={r.level} title={t('response.countShort', { n: formatNumber(r.count, locale, 0) })}>
              <th scope="row">
                <span className={`sev-chip sev-chip--${r.level}`} data-shape={LEVEL_SHAPE[r.level]}>
                  <span aria-hidden="true">{LEVEL_SHAPE[r.level]}</span> {term('incident.level', r.level, locale)}
                </span>
              </th>
              <td data-late={r.dispatchLate ? 'true' : undefined}>
                <span className="response__line">
                  <span className="response__value num">{min(r.dispatchMinutes)}</span>
                  {r.dispatchLate ? <strong className="response__late">{t('response.late')}</strong> : null}
                  <span className="response__target num">{t('response.target', { value: formatNumber(r.dispatchTarget, locale, 0) })}</span>
                </span>
                <Bar value={r.dispatchMinutes} target={r.dispatchTarget} late={r.dispatchLate} label={min(r.dispatchMinutes)} />
              </td>
              <td data-late={r.sceneLate ? 'true' : undefined}>
                <span className="response__line">
                  <span className="response__value num">{min(r.sceneMinutes)}</span>
                  {r.sceneLate ? <strong className="response__late">{t('response.late')}</strong> : null}
                  <span className="response__target num">{t('response.target', { value: formatNumber(r.sceneTarget, locale, 0) })}</span>
                </span>
                <Bar value={r.sceneMinutes} target={r.sceneTarget} late={r.sceneLate} label={min(r.sceneMinutes)} />
              </td>
              {options.showOnTarget ? <td className="response__value num">{formatWithUnit(r.onTarget, '%', locale, 1)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </PanelFrame>
  );
}
