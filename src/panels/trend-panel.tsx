import { useMemo } from 'react';
import { Chart } from '../charts/chart';
import { valueText } from '../charts/options/common';
import { periodTitle } from '../i18n/format-time';
import { analysedTrend, trendOption } from '../charts/options/trend';
import type { SeriesPoint } from '../data/contracts/index';
import { localize, useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { TrendOptions, trendSlots } from './catalog/economy-options';
import { useChartEnv } from './chart-env';
import { analysisRecords, trendWants, useTrendAnalysis } from './insights-analysis';
import { UnitTag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import { useView } from '../state/view-store';
import './kpi.css';

const NONE: readonly SeriesPoint[] = [];
const NO_COMPARE: NonNullable<PanelProps['compare']> = [];

/**
 * Lines or bars over the view's time range, with target and prior-year
 * comparison; the forecast with its 80 %/95 % bands, spikes with their
 * expected band and trend breaks from the analysis module (run in its worker
 * on the `history` slot when bound, else on what is shown).
 */
export default function TrendPanel({
  config,
  options,
  title,
  data: { main: data, history },
  compare = NO_COMPARE,
}: PanelProps<TrendOptions, typeof trendSlots>) {
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
  const source = analysisRecords(data.records, history);
  // On the wall the forecast is on where a target exists; at a desk the analyst turns it on (detail view).
  const mode = useView((s) => s.mode);
  const wants = useMemo(() => (data.records ? trendWants(options, data.records, mode !== 'analyst') : null), [options, data.records, mode]);
  const analysis = useTrendAnalysis(source, compared.length ? null : wants);
  const option = useMemo(() => trendOption(records, spec, view, theme, compared, analysis), [records, spec, view, theme, compared, analysis]);
  const { periods, observed, groups } = useMemo(
    () => analysedTrend(records, options, view, compared.length ? {} : analysis),
    [records, options, view, compared, analysis],
  );
  const empty = data.records !== undefined && groups.length === 0;
  const unit = groups[0]?.unit;
  const last = observed - 1;
  const spikeCount = groups.reduce((n, g) => n + g.spikes.length, 0);
  const breakCount = groups.reduce((n, g) => n + g.breaks.length, 0);
  const notes = groups.flatMap((g) =>
    g.refusal
      ? [
          `${groups.length > 1 ? `${g.name}${t('punct.colon')}` : ''}${t(`an.refused.${g.refusal.reason}` as MessageKey, { need: g.refusal.need, have: g.refusal.have })}`,
        ]
      : [],
  );
  const parts = groups.map((g) => {
    let text = `${g.name} ${periodTitle(periods[last] ?? '', view.locale)} ${valueText(g.values[last] ?? null, g.unit, view.locale)}`;
    const end = g.forecast.length - 1;
    if (g.method !== null && end >= observed) {
      text += `${t('punct.clauseSep')}${t('an.forecastTip', {
        method: g.method,
        mean: `${periodTitle(periods[end] ?? '', view.locale)} ${valueText(g.forecast[end] ?? null, g.unit, view.locale)}`,
        lo80: valueText(g.lo80[end] ?? null, g.unit, view.locale),
        hi80: valueText(g.hi80[end] ?? null, g.unit, view.locale),
        lo95: valueText(g.lo95[end] ?? null, g.unit, view.locale),
        hi95: valueText(g.hi95[end] ?? null, g.unit, view.locale),
      })}`;
    }
    return text;
  });
  if (spikeCount) parts.push(t('an.spikesCount', { n: spikeCount }));
  if (breakCount) parts.push(`${t('an.changepoint')} ${groups.flatMap((g) => g.breaks.map((b) => periodTitle(b.t, view.locale))).join('、')}`);
  const summary = [...parts, ...notes].join(t('punct.clauseSep'));
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
      <div
        className="trend-body"
        style={{ position: 'relative', height: '100%', minHeight: 0 }}
        data-spikes={spikeCount}
        data-forecast={groups.some((g) => g.method !== null) ? 'true' : 'false'}
      >
        <Chart option={option} label={`${title}${t('punct.colon')}${summary}`} />
        {notes.length ? (
          <p className="trend-note" data-testid={`trend-note-${config.id}`} title={notes.join(t('punct.clauseSep'))}>
            {notes.join(t('punct.clauseSep'))}
          </p>
        ) : null}
      </div>
    </PanelFrame>
  );
}
