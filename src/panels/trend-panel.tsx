import { useMemo } from 'react';
import { Chart } from '../charts/chart';
import { valueText } from '../charts/options/common';
import { periodTitle } from '../i18n/format-time';
import { trendGroups, trendOption } from '../charts/options/trend';
import type { SeriesPoint } from '../data/contracts/index';
import { localize, useT } from '../i18n/i18n';
import type { TrendOptions, trendSlots } from './catalog/economy-options';
import { useChartEnv } from './chart-env';
import { UnitTag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import { useView } from '../state/view-store';

const NONE: readonly SeriesPoint[] = [];
const NO_COMPARE: NonNullable<PanelProps['compare']> = [];

/** Lines or bars over the view's time range, with target and prior-year comparison. */
export default function TrendPanel({ config, options, title, data: { main: data }, compare = NO_COMPARE }: PanelProps<TrendOptions, typeof trendSlots>) {
  const t = useT();
  const { view, theme } = useChartEnv();
  const overlay = useView((s) => (s.mode === 'analyst' ? s.overlay : undefined));
  const records = data.records ?? NONE;
  // The analyst's overlay (同比 / 环比 / none) overrides the panel's configured default.
  const spec = useMemo(() => {
    const named = { ...options, priorName: options.priorName ? localize(options.priorName, view.locale) : undefined };
    return overlay ? { ...named, showPrior: overlay === 'yoy', showPrevious: overlay === 'mom' } : named;
  }, [options, overlay, view.locale]);
  const compared = useMemo(
    () => compare.flatMap((c) => (c.data.records ? [{ code: c.region, name: c.name, records: c.data.records as readonly SeriesPoint[] }] : [])),
    [compare],
  );
  const option = useMemo(() => trendOption(records, spec, view, theme, compared), [records, spec, view, theme, compared]);
  const { periods, groups } = useMemo(() => trendGroups(records, options, view), [records, options, view]);
  const empty = data.records !== undefined && groups.length === 0;
  const unit = groups[0]?.unit;
  const last = periods.length - 1;
  const summary = groups
    .map((g) => `${g.name} ${periodTitle(periods[last] ?? '', view.locale)} ${valueText(g.values[last] ?? null, g.unit, view.locale)}`)
    .join(t('punct.clauseSep'));
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      empty={empty}
      emptyText={t('trend.empty')}
      skeleton={options.kind === 'bar' ? 'columns' : 'lines'}
      actions={unit ? <UnitTag unit={unit} /> : null}
    >
      <Chart option={option} label={`${title}${t('punct.colon')}${summary}`} />
    </PanelFrame>
  );
}
