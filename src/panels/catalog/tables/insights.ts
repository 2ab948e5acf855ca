import { translate } from '../../../i18n/translate';
import { alertRulesOf, insightPlan, insightsFrom } from '../../insights-data';
import { peekAnalysis } from '../../insights-analysis';
import { column } from '../columns';
import descriptor from '../insights';
import { defineTable } from './define';

/** The insights panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, (data, options, view) => {
  const rules = alertRulesOf(options.alertsPanel);
  const plan = insightPlan(data, options, rules);
  const results = plan.tasks.map((t) => peekAnalysis(t.kind, t.args as never));
  const list = insightsFrom(data, options, rules, plan, results, { locale: view.locale, region: view.region, regionLabel: view.regionLabel });
  return {
    columns: [
      column(view, 'rank', 'in.col.rank', 'number', { digits: 0 }),
      column(view, 'kind', 'in.col.kind', 'text'),
      column(view, 'text', 'in.col.finding', 'text'),
      column(view, 'evidence', 'in.col.evidence', 'text'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'impact', 'in.col.impact', 'number', { digits: 2 }),
      column(view, 'significance', 'in.col.significance', 'number', { digits: 2 }),
      column(view, 'score', 'in.col.score', 'number', { digits: 2 }),
    ],
    rows: list.map((f, i) => ({
      rank: i + 1,
      kind: translate(`in.kind.${f.kind}`, view.locale),
      text: f.text,
      evidence: f.evidence,
      region: f.region,
      regionName: view.regionLabel(f.region),
      impact: f.impact,
      significance: f.significance,
      score: f.score,
    })),
  };
});
