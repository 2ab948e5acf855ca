import { useMemo } from 'react';
import { Chart } from '../charts/chart';
import { spikeBandOption } from '../charts/options/spike-band';
import { useRuntime } from '../data/runtime';
import { term, useLocale, useT } from '../i18n/i18n';
import { formatNumber, periodTick } from '../lib/format';
import type { SpikeAlertsOptions, spikeAlertsSlots } from './catalog/spike-alerts';
import { useChartEnv } from './chart-env';
import { Tag } from './panel-bits';
import { PanelFrame } from './panel-frame';
import { spikeReport } from './spike-model';
import type { PanelProps } from './types';
import './spike-alerts.css';

/**
 * Spike alerts on appeal volumes: every (region, category) series of daily
 * counts is checked (spike-model.ts); each flagged day is an alert with the
 * category, the region, the day and observed vs the expected band; the
 * strongest alert's series is drawn against its band with the flagged days
 * marked. No alert says so plainly, with how many series were checked.
 */
export default function SpikeAlerts({ config, options, title, data: { main: data } }: PanelProps<SpikeAlertsOptions, typeof spikeAlertsSlots>) {
  const t = useT();
  const locale = useLocale();
  const { regions } = useRuntime();
  const { theme } = useChartEnv();
  const report = useMemo(() => spikeReport(data.records, options), [data.records, options]);
  const alerts = report.alerts.slice(0, options.max);
  const top = alerts.length ? [...alerts].sort((a, b) => b.score - a.score)[0] : undefined;
  const shown = top ? report.series.get(top.key) : undefined;
  const option = useMemo(
    () =>
      shown
        ? spikeBandOption(
            {
              t: shown.t,
              y: shown.y,
              mid: shown.mid,
              lo: shown.lo,
              hi: shown.hi,
              flagged: shown.flagged,
              unit: t('spike.unit'),
              names: { observed: t('spike.observed'), expected: t('spike.expected'), band: t('spike.band'), spike: t('spike.flag') },
            },
            locale,
            theme,
          )
        : null,
    [shown, locale, theme, t],
  );
  const name = (category: string) => term('appeal.category', category, locale);
  const place = (code: string) => regions.label(code, locale, true);
  const n = (v: number) => formatNumber(v, locale, 0);
  return (
    <PanelFrame
      panelId={config.id}
      type={config.type}
      title={title}
      data={data}
      actions={<Tag title={report.method}>{t('spike.rule', { days: options.recentDays, z: options.threshold })}</Tag>}
    >
      <div className="spikes" data-alerts={alerts.length} data-checked={report.checked}>
        {shown && option && top ? (
          <div className="spikes__chart" data-series={shown.key} data-flagged={shown.flagged.join(' ')}>
            <div className="spikes__caption">{t('spike.chartOf', { category: name(top.name), region: place(top.region) })}</div>
            <Chart option={option} label={t('spike.chartLabel', { category: name(top.name), region: place(top.region) })} />
          </div>
        ) : null}
        {alerts.length ? (
          <ol className="spikes__list" aria-label={title}>
            {alerts.map((a) => (
              <li key={`${a.key}|${a.t}`} className="spikes__item" data-category={a.category} data-region={a.region} data-day={a.t}>
                <span className="spikes__chip">
                  <span aria-hidden="true">▲</span> {t('spike.chip')}
                </span>
                <span className="spikes__main">
                  <span className="spikes__title">
                    {name(a.name)} · {place(a.region)} · {periodTick(a.t, locale)}
                  </span>
                  <span className="spikes__numbers num">
                    {t('spike.numbers', {
                      observed: n(a.observed),
                      expected: n(a.expected),
                      lo: n(a.lo),
                      hi: n(a.hi),
                      unit: t('spike.unit'),
                      x: formatNumber(a.expected > 0 ? a.observed / a.expected : 0, locale, 1),
                    })}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        ) : data.records ? (
          <p className="spikes__none" role="status">
            {t('spike.none', { days: options.recentDays, n: report.checked })}
          </p>
        ) : null}
      </div>
    </PanelFrame>
  );
}
