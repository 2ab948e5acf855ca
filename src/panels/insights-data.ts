import type { ForecastResult, Pace, PaceResult } from '../analysis/types';
import type { SeriesAnalysis } from '../charts/models/trend';
import type { KpiRecord, RegionMetric, SeriesPoint } from '../data/contracts/index';
import type { DatasetView } from '../data/use-dataset';
import type { Locale } from '../lib/locale';
import { evaluateRules, forecastBreaches, type RegionForecast } from './alert-model';
import type { AlertRule } from './catalog/economy-options';
import type { InsightsOptions } from './catalog/insights-options';
import { type AnalysisTask, forecastTasks, paceInput, trendTasks } from './insights-analysis';
import { buildInsights, type Insight } from './insights-model';

// The options and slots live beside the descriptor (the entry loads them for config
// validation; the models below load with the panel's chunk).
export { type InsightsOptions, insightsOptions, insightsSlots } from './catalog/insights-options';

/**
 * The alert rules the insights of a screen use, by alert panel id: the panel
 * resolves them from the screen config as it renders and records them here,
 * so its `toTable` (which sees only the panel's own options) lists the same findings.
 */
const rulesByPanel = new Map<string, readonly AlertRule[]>();
export function recordAlertRules(panel: string, rules: readonly AlertRule[]): void {
  rulesByPanel.set(panel, rules);
}
export function alertRulesOf(panel: string | undefined): readonly AlertRule[] {
  return (panel && rulesByPanel.get(panel)) || [];
}

export interface InsightData {
  main: Pick<DatasetView<RegionMetric>, 'records'>;
  kpi?: Pick<DatasetView<KpiRecord>, 'records' | 'bound'> | undefined;
  history?: Pick<DatasetView<SeriesPoint>, 'records' | 'bound'> | undefined;
  children?: Pick<DatasetView<SeriesPoint>, 'records' | 'bound'> | undefined;
}

export interface InsightPlan {
  tasks: AnalysisTask[];
  /** What each task is for. */
  roles: ({ role: 'series'; indicator: string } | { role: 'pace'; indicator: string } | { role: 'forecast'; region: Omit<RegionForecast, 'band'> })[];
}

/** The analyses the insights need: spikes and trend breaks of the region's series, pace of its targets, forecasts for forecast rules. */
export function insightPlan(data: InsightData, options: InsightsOptions, rules: readonly AlertRule[]): InsightPlan {
  const tasks: AnalysisTask[] = [];
  const roles: InsightPlan['roles'] = [];
  const history = data.history?.bound ? data.history.records : undefined;
  if (history?.length) {
    for (const task of trendTasks(history, { forecast: [], horizon: 1, season: 'auto', spikes: options.indicators, changepoints: options.indicators })) {
      tasks.push(task);
      roles.push({ role: 'series', indicator: task.key });
    }
  }
  for (const k of data.kpi?.records ?? []) {
    const input = paceInput(k, history);
    if (!input) continue;
    tasks.push({ key: k.id, kind: 'pace', args: [input] });
    roles.push({ role: 'pace', indicator: k.id });
  }
  for (const x of forecastTasks(rules, data.children?.bound ? (data.children.records ?? []) : [])) {
    tasks.push(x.task);
    roles.push({ role: 'forecast', region: x.region });
  }
  return { tasks, roles };
}

export interface InsightView {
  locale: Locale;
  region: string;
  regionLabel: (code: string, short?: boolean) => string;
  /** Spikes and trend breaks count from this period on; default: the last 24 months of the history. */
  since?: string | undefined;
}

/** The first month of the last 24 of the history (spikes and trend breaks older than that are not news). */
export function recentFrom(history: readonly SeriesPoint[]): string | undefined {
  let last = '';
  for (const p of history) if (p.t > last) last = p.t;
  if (!/^\d{4}-\d{2}$/.test(last)) return undefined;
  const total = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1 - 23;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The ranked findings from the data and the analyses' answers (`results[i]` for `plan.tasks[i]`, undefined while pending). */
export function insightsFrom(
  data: InsightData,
  options: InsightsOptions,
  rules: readonly AlertRule[],
  plan: InsightPlan,
  results: readonly (unknown | undefined)[],
  view: InsightView,
): Insight[] {
  const kpis = data.kpi?.records ?? [];
  const metrics = data.main.records ?? [];
  const own = kpis.map((k) => ({ code: k.region, indicator: k.id, value: k.value, yoy: k.yoy ?? null, unit: k.unit, period: k.period }));
  const breaches = evaluateRules(rules, [...metrics, ...own]);
  const series: Record<string, SeriesAnalysis & { unit?: string | undefined; last?: number | null | undefined }> = {};
  const paces = new Map<string, Pace>();
  const forecasts: RegionForecast[] = [];
  const history = data.history?.records ?? [];
  plan.roles.forEach((role, i) => {
    const r = results[i];
    if (r === undefined) return;
    if (role.role === 'series') {
      const task = plan.tasks[i] as AnalysisTask;
      const entry = series[role.indicator] ?? {};
      if (task.kind === 'spikes') entry.spikes = r as SeriesAnalysis['spikes'];
      if (task.kind === 'changepoints') entry.changepoints = r as SeriesAnalysis['changepoints'];
      const points = history.filter((p) => p.series === role.indicator);
      entry.unit = points[0]?.unit;
      entry.last = points[points.length - 1]?.value ?? null;
      series[role.indicator] = entry;
    } else if (role.role === 'pace') {
      const p = r as PaceResult;
      if (!('ok' in p)) paces.set(role.indicator, p);
    } else {
      const f = r as ForecastResult;
      if (f.ok) forecasts.push({ ...role.region, band: f.band });
    }
  });
  return buildInsights({
    locale: view.locale,
    region: view.region,
    regionLabel: view.regionLabel,
    kpis,
    metrics: metrics.filter((m) => m.code !== view.region),
    breaches,
    warnings: forecastBreaches(rules, forecasts, breaches),
    series,
    paces,
    links: { indicators: options.links.indicators, regions: options.links.regions, alerts: options.alertsPanel, kpis: options.links.kpis },
    since: view.since ?? recentFrom(history),
    maxItems: options.maxItems,
  });
}
