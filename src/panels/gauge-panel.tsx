import { useMemo } from 'react';
import type { PaceResult } from '../analysis/types';
import { Chart } from '../charts/chart';
import { valueText } from '../charts/options/common';
import { gaugeOption, gaugeReading } from '../charts/options/gauge';
import { useT } from '../i18n/i18n';
import { formatNumber, formatWithUnit } from '../lib/format';
import type { GaugeOptions, gaugeSlots } from './catalog/economy-options';
import { useChartEnv } from './chart-env';
import { paceInput, useAnalyses } from './insights-analysis';
import { PanelFrame } from './panel-frame';
import type { PanelProps } from './types';
import './economy.css';
import './kpi.css';

/**
 * One KPI on a dial: progress to its annual target (or the value itself),
 * with the share of the year elapsed (序时进度) shaded and said in words.
 */
export default function GaugePanel({ config, options, title, data: { main: data, history } }: PanelProps<GaugeOptions, typeof gaugeSlots>) {
  const t = useT();
  const { view, theme } = useChartEnv();
  const record = data.records?.find((r) => r.id === options.indicator);
  const option = useMemo(() => gaugeOption(record, options, view, theme), [record, options, view, theme]);
  const reading = gaugeReading(record, options, view);
  // Pace to the annual target (analysis worker): the forecast year-end as a share of the target, and the verdict.
  const input = useMemo(
    () => (record && options.showPace ? paceInput(record, history?.bound ? (history.records ?? undefined) : undefined) : null),
    [record, history, options.showPace],
  );
  const tasks = useMemo(() => (input ? [{ key: 'pace', kind: 'pace' as const, args: [input] as [typeof input] }] : []), [input]);
  const paceResult = useAnalyses(tasks)[0] as PaceResult | undefined;
  const pace = paceResult && !('ok' in paceResult) && paceResult.atForecast !== null ? paceResult : null;
  const { locale } = view;
  const gap =
    reading && options.metric === 'progress' && options.showTimeProgress && reading.timeProgress !== null ? reading.dial - reading.timeProgress : null;
  const dialText = reading
    ? options.metric === 'progress'
      ? `${formatNumber(reading.dial, locale, 1)}%`
      : valueText(reading.value, reading.unit, locale)
    : '';
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      empty={data.records !== undefined && reading === null}
      emptyText={t('gauge.empty')}
      skeleton="ring"
    >
      {reading ? (
        <div className="gauge-body">
          <Chart
            option={option}
            label={`${title}${t('punct.colon')}${reading.name}${options.metric === 'progress' ? t('gauge.completion') : ''} ${dialText}`}
          />
          <dl className="gauge-body__facts">
            <div>
              <dt>{reading.target !== null ? `${t('gauge.done')}/${t('gauge.target')}` : t('gauge.done')}</dt>
              <dd className="num">
                {reading.target !== null
                  ? `${formatNumber(reading.value, locale)} / ${valueText(reading.target, reading.unit, locale)}`
                  : valueText(reading.value, reading.unit, locale)}
              </dd>
            </div>
            {gap !== null && reading.timeProgress !== null ? (
              <div>
                <dt>{t('gauge.timeProgress')}</dt>
                <dd className="num">
                  {formatNumber(reading.timeProgress, locale, 1)}%
                  <span className={`gauge-body__gap gauge-body__gap--${gap >= 0 ? 'ahead' : 'behind'}`}>
                    <span className="visually-hidden">{gap >= 0 ? t('gauge.ahead') : t('gauge.behind')}</span>
                    {gap >= 0 ? '▲' : '▼'}
                    {formatWithUnit(Math.abs(gap), 'pp', locale, 1)}
                  </span>
                </dd>
              </div>
            ) : null}
            {pace && pace.atForecast !== null && pace.target ? (
              <div data-testid={`gauge-pace-${config.id}`} data-on-track={pace.onTrack}>
                <dt>{t('an.paceYear')}</dt>
                <dd className="num">
                  {t('an.paceShare', {
                    mean: formatNumber((pace.atForecast / pace.target) * 100, locale, 1),
                    lo: formatNumber(((pace.forecastLo ?? pace.atForecast) / pace.target) * 100, locale, 1),
                    hi: formatNumber(((pace.forecastHi ?? pace.atForecast) / pace.target) * 100, locale, 1),
                  })}
                </dd>
                <dd className={`kpi-pace kpi-pace--${pace.onTrack}`}>
                  <span aria-hidden="true">{pace.onTrack === 'yes' ? '✓' : pace.onTrack === 'no' ? '✗' : '?'}</span>
                  {t(`an.onTrack.${pace.onTrack}`)}
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
      ) : null}
    </PanelFrame>
  );
}
