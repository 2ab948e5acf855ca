import { completion } from '../../table-model';
import { term } from '../../../i18n/translate';
import { column } from '../columns';
import descriptor from '../table';
import { defineTable } from './define';

/** The table panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => {
  const rows = (main.records ?? []).filter((r) => (options.statuses.length === 0 || options.statuses.includes(r.status)) && view.within(r.region, view.region));
  const unit = rows[0]?.unit ?? '亿元';
  return {
    columns: [
      column(view, 'name', 'table.col.name', 'text'),
      column(view, 'region', 'table.col.region', 'region'),
      column(view, 'industry', 'table.col.industry', 'text'),
      column(view, 'owner', 'table.col.owner', 'text'),
      column(view, 'status', 'table.col.status', 'text'),
      column(view, 'plan', 'table.col.plan', 'number', { unit, digits: 1 }),
      column(view, 'done', 'table.col.done', 'number', { unit, digits: 1 }),
      column(view, 'progress', 'col.completion', 'percent', { unit: '%', digits: 1 }),
      column(view, 'startYear', 'table.col.startYear', 'count'),
    ],
    rows: rows.map((r) => {
      const share = completion(r);
      return {
        name: r.name,
        region: r.region,
        regionName: view.regionLabel(r.region),
        industry: term('industry', r.industry, view.locale),
        owner: r.owner ?? null,
        status: term('project.status', r.status, view.locale),
        plan: r.investmentPlan,
        done: r.investmentDone,
        progress: share === null ? null : share * 100,
        startYear: r.startYear ?? null,
      };
    }),
  };
});
