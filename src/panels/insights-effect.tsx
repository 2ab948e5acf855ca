import { useMemo } from 'react';
import type { EffectResult, Refusal } from '../analysis/types';
import { Chart } from '../charts/chart';
import { timeSeriesOf } from '../charts/models/trend';
import { effectOption } from '../charts/options/trend';
import type { PanelConfig } from '../config/schema';
import type { SeriesPoint } from '../data/contracts/index';
import { useRuntime } from '../data/runtime';
import type { DatasetView } from '../data/use-dataset';
import { localize, type MessageKey, useLocale, useT } from '../i18n/i18n';
import { pickName } from '../i18n/translate';
import { formatNumber, formatWithUnit, periodTitle } from '../lib/format';
import { useView, viewStore } from '../state/view-store';
import type { TrendOptions } from './catalog/economy-options';
import { useChartEnv } from './chart-env';
import { analysisRecords, useAnalyses } from './insights-analysis';
import { usePanelOptions } from './panel-host';
/**
 * Effect view (trend panels): for a policy from config (`interventions`, the
 * region in view) or a month the analyst picks, the series' actual values
 * against the counterfactual the pre-period model projects, with its bands,
 * the average and cumulative effect with 95 % intervals and the verdict in
 * plain words. Mirrored in the URL as `?effect=<series>@YYYY-MM`.
 */
export function EffectSection({ config, data }: { config: PanelConfig; data: Record<string, DatasetView<unknown>> }) {
  const t = useT();
  const locale = useLocale();
  const { config: app, regions } = useRuntime();
  const { view, theme } = useChartEnv();
  const { effect, region } = useView((s) => ({ effect: s.effect, region: s.region }));
  const options = usePanelOptions(config) as TrendOptions;
  const main = data.main as DatasetView<SeriesPoint> | undefined;
  const records = analysisRecords(main?.records, data.history as DatasetView<SeriesPoint> | undefined) ?? [];
  const ids = options.series.length ? options.series : [...new Set(records.map((r) => r.series))];
  const [wantSeries, at] = effect ? (effect.split('@') as [string, string]) : [undefined, undefined];
  const seriesId = wantSeries && ids.includes(wantSeries) ? wantSeries : (ids[0] ?? null);
  const series = useMemo(() => (seriesId ? timeSeriesOf(records, seriesId) : null), [records, seriesId]);
  const policies = (app.interventions ?? []).filter((i) => i.region === region && i.series.some((s) => ids.includes(s)));
  const valid = Boolean(series && at && series.t.indexOf(at) >= 1);
  const tasks = useMemo(
    () => (series && at && valid ? [{ key: 'effect', kind: 'effect' as const, args: [series, at, {}] as [typeof series, string, object] }] : []),
    [series, at, valid],
  );
  const result = useAnalyses(tasks)[0] as EffectResult | Refusal | undefined;
  const point = records.find((r) => r.series === seriesId);
  const unit = point?.unit;
  const seriesName = point ? pickName({ name: point.name ?? point.series, nameEn: point.nameEn ?? point.name ?? point.series }, locale) : (seriesId ?? '');
  const policy = policies.find((p) => p.at === at && seriesId !== null && p.series.includes(seriesId));
  const set = (s: string | null, month: string | null) =>
    viewStore()
      .getState()
      .setEffect(s && month ? `${s}@${month}` : undefined);
  const digits = (v: number) => (unit === '%' || Math.abs(v) < 1000 ? 1 : 0);
  const v = (n: number) => formatWithUnit(n, unit ?? '', locale, digits(n), { signed: true });
  const pct = (n: number) => formatWithUnit(n, '%', locale, 1, { signed: true });
  const ok = result && result.ok ? result : null;
  const what = policy ? t('ef.since', { name: localize(policy.name, locale) }) : at ? t('ef.sinceMonth', { at: periodTitle(at, locale) }) : '';
  const verdict = ok
    ? t(ok.significant ? 'ef.verdict.yes' : 'ef.verdict.no', {
        what,
        What: what.charAt(0).toUpperCase() + what.slice(1),
        series: seriesName,
        dir: t(ok.average.abs >= 0 ? 'ef.dir.up' : 'ef.dir.down'),
        avg: ok.significant ? formatWithUnit(Math.abs(ok.average.abs), unit ?? '', locale, digits(ok.average.abs)) : v(ok.average.abs),
        pct: pct(ok.average.pct),
        pctLo: pct(ok.average.pctLo),
        pctHi: pct(ok.average.pctHi),
        cum: v(ok.cumulative.abs),
        p: ok.pValue < 0.001 ? 'p < 0.001' : `p = ${formatNumber(ok.pValue, locale, 3)}`,
      })
    : '';
  const option = useMemo(
    () =>
      ok && series
        ? effectOption(
            series,
            ok,
            { actual: t('ef.actual'), counterfactual: t('ef.counterfactual'), at: policy ? localize(policy.name, locale) : periodTitle(ok.at, locale), unit },
            view,
            theme,
          )
        : null,
    [ok, series, t, policy, locale, unit, view, theme],
  );
  return (
    <section aria-labelledby="detail-effect" className="detail__effect" data-testid="effect" data-effect={effect ?? ''}>
      <h3 id="detail-effect">{t('ef.title')}</h3>
      <div className="detail__effect-controls">
        {policies.map((p) => (
          <button
            key={p.id}
            type="button"
            className="chip"
            aria-pressed={policy?.id === p.id}
            data-intervention={p.id}
            onClick={() => set(p.series.find((s) => ids.includes(s)) ?? null, p.at)}
          >
            {t('ef.policyAt', { name: localize(p.name, locale), at: periodTitle(p.at, locale) })}
          </button>
        ))}
        {ids.length > 1 ? (
          <label>
            {t('ef.series')}
            <select value={seriesId ?? ''} onChange={(e) => set(e.target.value, at ?? null)}>
              {ids.map((id) => (
                <option key={id} value={id}>
                  {pickName(
                    {
                      name: records.find((r) => r.series === id)?.name ?? id,
                      nameEn: records.find((r) => r.series === id)?.nameEn ?? records.find((r) => r.series === id)?.name ?? id,
                    },
                    locale,
                  )}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {t('ef.at')}
          <input
            type="month"
            value={at ?? ''}
            min={series?.t[1]}
            max={series?.t[series.t.length - 1]}
            onChange={(e) => set(seriesId, /^\d{4}-\d{2}$/.test(e.target.value) ? e.target.value : null)}
            data-testid="effect-month"
          />
        </label>
        {effect ? (
          <button type="button" className="chip" onClick={() => set(null, null)}>
            {t('ef.clear')}
          </button>
        ) : null}
      </div>
      {!effect || !valid ? <p className="detail__effect-note">{t('ef.none')}</p> : null}
      {result && !result.ok ? (
        <p className="detail__effect-note" data-testid="effect-refused">
          {t(`an.refused.${result.reason}` as MessageKey, { need: result.need, have: result.have })}
        </p>
      ) : null}
      {ok && option ? (
        <>
          <div className="detail__effect-chart">
            <Chart option={option} label={`${t('ef.title')}${t('punct.colon')}${verdict}`} />
          </div>
          <p className="detail__effect-verdict" data-testid="effect-verdict" data-significant={ok.significant ? 'true' : 'false'}>
            {verdict}
          </p>
          <dl className="detail__facts">
            <dt>{t('ef.average')}</dt>
            <dd className="num">
              {t('ef.interval', { v: v(ok.average.abs), lo: v(ok.average.lo), hi: v(ok.average.hi) })} ·{' '}
              {t('ef.interval', { v: pct(ok.average.pct), lo: pct(ok.average.pctLo), hi: pct(ok.average.pctHi) })}
            </dd>
            <dt>{t('ef.cumulative')}</dt>
            <dd className="num">{t('ef.interval', { v: v(ok.cumulative.abs), lo: v(ok.cumulative.lo), hi: v(ok.cumulative.hi) })}</dd>
            <dt>{t('ef.method')}</dt>
            <dd>{ok.method}</dd>
            {ok.crossCheck ? (
              <>
                <dt>{t('ef.crossCheck')}</dt>
                <dd className="num">
                  {ok.crossCheck.method} · {t('ef.interval', { v: v(ok.crossCheck.levelChange), lo: v(ok.crossCheck.lo), hi: v(ok.crossCheck.hi) })}
                </dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
    </section>
  );
}
