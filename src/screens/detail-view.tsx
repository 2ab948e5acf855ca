import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { panelChartPng } from '../panels/panel-image';
import type { PanelConfig, ScreenConfig } from '../config/schema';
import { useRuntime } from '../data/runtime';
import type { DatasetView } from '../data/use-dataset';
import { localize, type MessageKey, useLocale, useT } from '../i18n/i18n';
import { formatDateTime } from '../i18n/format-time';
import { clock } from '../lib/clock';
import { type ExportContext, exportFileName, isoChinaTime, toCsv, withDetail } from '../lib/table-export';
import { xlsxBlob } from '../lib/xlsx-export';
import { tableOf } from '../panels/catalog/tables';
import { DataTableView } from '../panels/data-table-view';
import { useAnalysisVersion } from '../panels/insights-analysis';
import { EffectSection } from '../panels/insights-effect';
import { useTableView, usePanelData } from '../panels/panel-data';
import { PanelHost, panelTitle, usePanelOptions } from '../panels/panel-host';
import { panels } from '../panels/registry';
import { resolveRange } from '../state/time-range';
import { useView, viewStore } from '../state/view-store';
import { downloadBlob } from './download';
import './detail-view.css';

/**
 * Analyst mode: one panel taken apart. The chart large, its data table (the
 * panel type's `toTable` in `panels/catalog/tables/`, the same rows the export writes), where the figures
 * come from (source, as-of, freshness, quarantined records) and a CSV export
 * that states region, range and filters. Opened by a panel's maximise button,
 * F/Enter on a focused panel, or `?panel=`; Esc or the close button closes it.
 */
export function DetailView({ screen, config: configured }: { screen: ScreenConfig; config: PanelConfig }) {
  const t = useT();
  const locale = useLocale();
  const { config: app, regions, mocked } = useRuntime();
  // Trend panels: the analyst turns the forecast (chart and table columns) on here; off by default at a desk.
  const [forecast, setForecast] = useState(false);
  const isTrend = configured.type === 'trend';
  const config = useMemo(() => (isTrend ? withForecast(configured, forecast) : configured), [configured, isTrend, forecast]);
  const descriptor = panels.get(config.type);
  const options = usePanelOptions(config);
  const data = usePanelData(descriptor, config, options);
  const tableView = useTableView();
  // Tables with analysis columns (forecast, spikes) fill in as the worker's answers arrive.
  const analysisVersion = useAnalysisVersion();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `analysisVersion` is the signal that new analysis answers are in
  const table = useMemo(() => tableOf(descriptor)(data as never, options, tableView), [descriptor, data, options, tableView, analysisVersion]);
  const { region, range, filters } = useView((s) => ({ region: s.region, range: s.range, filters: s.filters }));
  const title = panelTitle(config, locale);
  const [notice, setNotice] = useState<string | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);

  const views = Object.entries(data).filter(([, v]) => v.bound) as [string, DatasetView<unknown>][];
  const main = data.main ?? views[0]?.[1];
  const { from, to } = resolveRange(range, clock.now());
  const filterText = Object.entries(filters).map(([k, v]) => `${k} = ${v}`);
  const regionText = withDetail(regions.label(region, locale), region, locale);

  const exportContext = (): ExportContext => ({
    title: `${localize(screen.title, locale)} · ${title}`,
    source: [...new Set(views.map(([, v]) => localize(v.source, locale)))].join('; '),
    asOf: main ? (main.asOf ?? main.lastGoodAt) : null,
    region: regionText,
    range: `${from} – ${to}`,
    filters: filterText,
    demo: mocked || app.demoData ? t('app.demoBadge') : null,
    exportedAt: clock.now(),
  });
  const fileName = (context: ExportContext, extension: string) =>
    exportFileName([localize(screen.title, locale), title, regions.label(region, locale), isoChinaTime(context.exportedAt).slice(0, 10)], extension);

  const exportCsv = () => {
    const context = exportContext();
    const file = fileName(context, 'csv');
    downloadBlob(new Blob([toCsv(table, context, locale)], { type: 'text/csv;charset=utf-8' }), file);
    setNotice(t('detail.exported', { file }));
  };
  const chartRef = useRef<HTMLDivElement>(null);
  const hasChart = useHasChart(chartRef);
  const exportPng = async () => {
    const node = chartRef.current?.querySelector<HTMLElement>('.chart[data-chart-rendered="true"]');
    const context = exportContext();
    const file = fileName(context, 'png');
    if (!node) return setNotice(t('detail.exportFailed', { reason: t('detail.noChart') }));
    try {
      const source = `${t('detail.source')}${t('punct.colon')}${context.source}${context.asOf !== null ? ` · ${t('detail.asOf')} ${formatDateTime(context.asOf, locale, false)}` : ''}`;
      const blob = await panelChartPng(
        node,
        { title: context.title, source, scope: `${regions.label(region, locale)} · ${context.range}`, demo: context.demo },
        2,
        getComputedStyle(document.body).fontFamily,
      );
      downloadBlob(blob, file);
      setNotice(t('detail.exported', { file }));
    } catch (error) {
      setNotice(t('detail.exportFailed', { reason: (error as Error).message }));
    }
  };
  const exportXlsx = async () => {
    const context = exportContext();
    const file = fileName(context, 'xlsx');
    try {
      downloadBlob(await xlsxBlob(table, context, locale, title), file);
      setNotice(t('detail.exported', { file }));
    } catch (error) {
      setNotice(t('detail.exportFailed', { reason: (error as Error).message }));
    }
  };

  return (
    <div className="detail" role="dialog" aria-modal="true" aria-labelledby="detail-title" data-detail={config.id}>
      <header className="detail__head">
        <h2 id="detail-title" className="detail__title">
          {title}
        </h2>
        <div className="detail__actions">
          <button type="button" className="chip" onClick={exportCsv} data-testid="export-csv">
            {t('detail.exportCsv')}
          </button>
          <button type="button" className="chip" onClick={() => void exportXlsx()} data-testid="export-xlsx">
            {t('detail.exportXlsx')}
          </button>
          {isTrend ? (
            <button type="button" className="chip" aria-pressed={forecast} onClick={() => setForecast((f) => !f)} data-testid="detail-forecast">
              {t('an.showForecast')}
            </button>
          ) : null}
          {hasChart ? (
            <button type="button" className="chip" onClick={() => void exportPng()} data-testid="export-png">
              {t('detail.exportPng')}
            </button>
          ) : null}
          <button type="button" className="chip" ref={closeRef} onClick={() => viewStore().getState().setFocus(null)} aria-label={t('detail.close')}>
            ✕
          </button>
        </div>
        <p className="detail__notice" role="status">
          {notice}
        </p>
      </header>
      <div className="detail__chart" ref={chartRef}>
        <PanelHost config={config} />
      </div>
      <aside className="detail__side">
        {config.type === 'trend' ? <EffectSection config={config} data={data as Record<string, DatasetView<unknown>>} /> : null}
        <section aria-labelledby="detail-provenance">
          <h3 id="detail-provenance">{t('detail.provenance')}</h3>
          <dl className="detail__facts">
            <dt>{t('detail.region')}</dt>
            <dd>{regionText}</dd>
            <dt>{t('detail.range')}</dt>
            <dd className="num">
              {from} – {to}
            </dd>
            <dt>{t('detail.filters')}</dt>
            <dd>{filterText.length ? filterText.join('; ') : t('detail.none')}</dd>
            {views.map(([slot, v]) => (
              <Provenance key={slot} view={v} />
            ))}
          </dl>
        </section>
        <section aria-labelledby="detail-table" className="detail__table">
          <h3 id="detail-table">
            {t('detail.table')} <small>{t('detail.rows', { n: table.rows.length })}</small>
          </h3>
          <DataTableView table={table} caption={`${title} · ${t('detail.table')}`} />
        </section>
      </aside>
    </div>
  );
}

/** Whether the panel in the detail view has drawn a chart (its PNG can be exported); maps and lists have none. */
function useHasChart(ref: RefObject<HTMLElement | null>): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    const check = () => setHas(Boolean(ref.current?.querySelector('.chart[data-chart-rendered="true"]')));
    check();
    const timer = setInterval(check, 500);
    return () => clearInterval(timer);
  }, [ref]);
  return has;
}

function Provenance({ view }: { view: DatasetView<unknown> }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <dt>{t('detail.source')}</dt>
      <dd data-dataset={view.datasetId}>
        {localize(view.source, locale)} <code>{view.datasetId}</code>
      </dd>
      <dt>{t('detail.freshness')}</dt>
      <dd data-freshness={view.state}>
        {t(`freshness.${view.state}` as MessageKey)}
        {view.reason ? ` · ${view.reason}` : ''}
      </dd>
      {view.asOf !== null ? (
        <>
          <dt>{t('detail.asOf')}</dt>
          <dd className="num">{formatDateTime(view.asOf, locale, false)}</dd>
        </>
      ) : null}
      {view.lastGoodAt !== null ? (
        <>
          <dt>{t('detail.received')}</dt>
          <dd className="num">{formatDateTime(view.lastGoodAt, locale)}</dd>
        </>
      ) : null}
      <dt>{t('detail.quarantined')}</dt>
      <dd className="num">{view.quarantined}</dd>
    </>
  );
}

/** The panel's config with its forecast switched on or off (its other forecast options kept). */
function withForecast(config: PanelConfig, show: boolean): PanelConfig {
  const own = (config.options as { forecast?: Record<string, unknown> }).forecast ?? {};
  return { ...config, options: { ...config.options, forecast: { ...own, show } } };
}
