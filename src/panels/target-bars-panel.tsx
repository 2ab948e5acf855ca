import { type CSSProperties, useMemo } from 'react';
import { useRuntime } from '../data/runtime';
import { localize, useLocale, useT } from '../i18n/i18n';
import { formatWithUnit } from '../lib/format';
import { useView } from '../state/view-store';
import { requestDrill } from '../state/drill';
import type { TargetBarsOptions, targetBarsSlots } from './catalog/target-bars';
import { targetModel } from './domain-models';
import { Tag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import './domain-panels.css';

/**
 * Regions against a target: plain DOM bars from zero, the target a dashed
 * mark, a miss said with a shape (▲) and in words, never by colour alone.
 * A click (or Enter) on a region drills into it.
 */
export default function TargetBarsPanel({ config, options, title, data: { main } }: PanelProps<TargetBarsOptions, typeof targetBarsSlots>) {
  const t = useT();
  const locale = useLocale();
  const { regions } = useRuntime();
  const region = useView((s) => s.region);
  const model = useMemo(() => targetModel(main.records, options), [main.records, options]);
  const unit = model.unit;
  const target = formatWithUnit(options.target.value, unit, locale, Number.isInteger(options.target.value) ? 0 : options.digits);
  const targetText = options.targetName
    ? `${localize(options.targetName, locale)} ${target}`
    : t(options.target.better === 'below' ? 'target.below' : 'target.above', { value: target });
  const drill = (code: string) => {
    if (!options.drill) return;
    requestDrill(code);
  };
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={main}
      empty={main.records !== undefined && model.rows.length === 0}
      emptyText={t('target.empty')}
      skeleton="bars"
      actions={
        <>
          <Tag>{targetText}</Tag>
        </>
      }
    >
      <div className="target-bars" style={{ '--mark': model.mark } as CSSProperties}>
        <p className="target-bars__summary">
          <span className={model.misses ? 'target-bars__misses' : 'target-bars__met'}>
            {model.misses ? `▲ ${t('target.misses', { n: model.misses })}` : `✓ ${t('target.allMet')}`}
          </span>
          <span className="target-bars__zero">
            {model.rows.length < model.total ? `${t('target.topOf', { n: model.rows.length, total: model.total })} · ` : ''}
            {t('target.fromZero')}
          </span>
        </p>
        <ol className="target-bars__list">
          {model.rows.map((r) => {
            const name = regions.label(r.code, locale, true);
            const value = formatWithUnit(r.value, r.unit, locale, options.digits);
            const content = (
              <>
                <span className="target-bars__name" title={name}>
                  {name}
                </span>
                <span className="target-bars__track" aria-hidden="true">
                  <span className="target-bars__fill" style={{ width: `${r.fill * 100}%` }} />
                  <span className="target-bars__mark" />
                </span>
                <span className="target-bars__value num">{value}</span>
                <span className="target-bars__verdict">
                  <span aria-hidden="true">{r.miss ? '▲' : ''}</span>
                  {r.value === null ? null : <span className="visually-hidden">{t(r.miss ? 'target.miss' : 'target.met')}</span>}
                </span>
              </>
            );
            return (
              <li key={r.code} className={`target-bars__row${r.miss ? ' target-bars__row--miss' : ''}${r.code === region ? ' target-bars__row--current' : ''}`}>
                {options.drill ? (
                  <button type="button" className="target-bars__hit" onClick={() => drill(r.code)}>
                    {content}
                  </button>
                ) : (
                  <div className="target-bars__hit">{content}</div>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </PanelFrame>
  );
}
