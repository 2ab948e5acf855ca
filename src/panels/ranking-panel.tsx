import { useCallback, useMemo } from 'react';
import { Chart } from '../charts/chart';
import { valueText } from '../charts/options/common';
import { rankingOption, rankRows, rankUnit } from '../charts/options/ranking';
import type { ChartClick } from '../charts/types';
import type { RegionMetric } from '../data/contracts/index';
import { useT } from '../i18n/i18n';
import { useView } from '../state/view-store';
import { requestDrill } from '../state/drill';
import type { RankingOptions, rankingSlots } from './catalog/economy-options';
import { indicatorLabel, useChartEnv, useIndicatorNames } from './chart-env';
import { UnitTag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import './economy.css';

const NONE: readonly RegionMetric[] = [];

/**
 * Regions below the one in view (or a county's siblings), ranked by an
 * indicator; the region in view is highlighted; a click drills into a region.
 * A visually hidden list of buttons mirrors the bars for keyboards and screen readers.
 */
export default function RankingPanel({ config, options, title, data: { main: data, kpi } }: PanelProps<RankingOptions, typeof rankingSlots>) {
  const t = useT();
  const { view, theme } = useChartEnv();
  const filterIndicator = useView((s) => s.filters.indicator);
  const { names } = useIndicatorNames(kpi);
  const records = data.records ?? NONE;
  const indicator = options.followFilter && filterIndicator && records.some((r) => r.indicator === filterIndicator) ? filterIndicator : options.indicator;
  const compared = useView((s) => (s.mode === 'analyst' ? s.compare : undefined));
  const spec = useMemo(() => ({ ...options, indicator, compared }), [options, indicator, compared]);
  const rows = useMemo(() => rankRows(records, spec, view), [records, spec, view]);
  const option = useMemo(() => rankingOption(records, spec, view, theme), [records, spec, view, theme]);
  const unit = rankUnit(records, spec);
  const label = indicatorLabel(names, indicator, view.locale);
  const drill = useCallback(
    (code: string | undefined) => {
      if (!options.drill || !code) return;
      requestDrill(code);
    },
    [options.drill],
  );
  const onClick = useCallback(
    (click: ChartClick) => {
      if (click.componentType === 'series') drill(rows[click.dataIndex ?? -1]?.code);
      else if (typeof click.value === 'string') drill(rows.find((r) => r.name === click.value)?.code);
    },
    [rows, drill],
  );
  const yoyLabel = options.field === 'yoy' ? `${t('kpi.yoy')}` : '';
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      empty={data.records !== undefined && rows.length === 0}
      emptyText={t('ranking.empty')}
      skeleton={options.orientation === 'vertical' ? 'columns' : 'bars'}
      actions={unit ? <UnitTag unit={unit}>{label || yoyLabel ? `${label}${yoyLabel}` : null}</UnitTag> : null}
    >
      <div className="chart-body" data-ranking-indicator={indicator}>
        <Chart option={option} label={t('ranking.list', { indicator: label })} onClick={onClick} className={options.drill ? 'chart--clickable' : undefined} />
        <ol className="visually-hidden ranking-keys" aria-label={t('ranking.list', { indicator: label })}>
          {rows.map((r) => (
            <li key={r.code} data-region={r.code} data-highlighted={r.highlighted ? 'true' : undefined} data-compared={r.compared ? 'true' : undefined}>
              {options.drill ? (
                <button
                  type="button"
                  onClick={() => drill(r.code)}
                  aria-current={r.highlighted ? 'true' : undefined}
                  title={t('ranking.drill', { name: r.name })}
                >
                  {t('ranking.rank', { n: r.rank })} {r.name} {valueText(r.value, unit, view.locale)}
                </button>
              ) : (
                <span>
                  {t('ranking.rank', { n: r.rank })} {r.name} {valueText(r.value, unit, view.locale)}
                </span>
              )}
            </li>
          ))}
        </ol>
      </div>
    </PanelFrame>
  );
}
