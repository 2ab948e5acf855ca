import { useMemo } from 'react';
import { Chart } from '../charts/chart';
import { valueText } from '../charts/options/common';
import { compositionOption, type Share, shares } from '../charts/options/composition';
import type { ChartClick } from '../charts/types';
import { useView, viewStore } from '../state/view-store';
import type { RankItem } from '../data/contracts/index';
import { useT } from '../i18n/i18n';
import { formatWithUnit } from '../lib/format';
import type { CompositionOptions, compositionSlots } from './catalog/economy-options';
import { useChartEnv } from './chart-env';
import { Tag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';

const NONE: readonly RankItem[] = [];

/** Parts of a whole (`share` contract): ring, pie, rose or treemap, each part with its share in %. */
export default function CompositionPanel({ config, options, title, data: { main: data } }: PanelProps<CompositionOptions, typeof compositionSlots>) {
  const t = useT();
  const { view, theme } = useChartEnv();
  const records = data.records ?? NONE;
  const spec = useMemo(() => ({ chart: options.chart, legend: options.legend }), [options.chart, options.legend]);
  const option = useMemo(() => compositionOption(records, spec, view, theme), [records, spec, view, theme]);
  const parts = useMemo(() => shares(records, view), [records, view]);
  const units = new Set(parts.map((p) => p.unit ?? ''));
  const unit = units.size === 1 ? [...units][0] : undefined;
  const total = parts.reduce((s, p) => s + p.value, 0);
  const summary = parts.map((p) => `${p.name} ${formatWithUnit(p.percent, '%', view.locale, 1)}`).join(t('punct.listSep'));
  // Analyst mode: a click on a part cross-filters the screen by it (again: clears).
  const cross = view.mode === 'analyst' ? options.crossFilter : undefined;
  const active = useView((s) => (cross ? s.filters[cross.key] : undefined));
  const filterValue = (p: Share) => (cross?.by === 'name' ? (records.find((r) => r.key === p.key)?.name ?? p.name) : p.key);
  const toggle = (p: Share | undefined) => {
    if (!cross || !p) return;
    const value = filterValue(p);
    viewStore()
      .getState()
      .setFilter(cross.key, active === value ? null : value);
  };
  const onClick = cross ? (click: ChartClick) => toggle(parts[click.dataIndex ?? -1] ?? parts.find((p) => p.name === click.name)) : undefined;
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      empty={data.records !== undefined && parts.length === 0}
      emptyText={t('composition.empty')}
      skeleton="ring"
      actions={
        options.showTotal && unit && parts.length ? (
          <Tag>
            {t('composition.total')} <strong className="num">{valueText(total, unit, view.locale)}</strong>
          </Tag>
        ) : null
      }
    >
      <div className="chart-body">
        <Chart option={option} label={`${title}${t('punct.colon')}${summary}`} onClick={onClick} className={cross ? 'chart--clickable' : undefined} />
        {cross ? (
          <ul className="visually-hidden composition-keys" aria-label={t('filters.byPart', { title })}>
            {parts.map((p) => (
              <li key={p.key}>
                <button type="button" aria-pressed={active === filterValue(p)} onClick={() => toggle(p)}>
                  {t('filters.filterBy', { name: p.name })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </PanelFrame>
  );
}
