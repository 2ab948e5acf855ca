import { term } from '../../../i18n/translate';
import { spikeReport } from '../../spike-model';
import { column } from '../columns';
import descriptor from '../spike-alerts';
import { defineTable } from './define';

/** The spike-alerts panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => ({
  columns: [
    column(view, 'day', 'spike.col.day', 'text'),
    column(view, 'category', 'col.category', 'text'),
    column(view, 'region', 'col.region', 'region'),
    column(view, 'observed', 'spike.col.observed', 'number', { unit: '件', digits: 0 }),
    column(view, 'expected', 'spike.col.expected', 'number', { unit: '件', digits: 0 }),
    column(view, 'lo', 'spike.col.lo', 'number', { unit: '件', digits: 0 }),
    column(view, 'hi', 'spike.col.hi', 'number', { unit: '件', digits: 0 }),
    column(view, 'score', 'spike.col.score', 'number', { digits: 1 }),
  ],
  rows: spikeReport(main.records, options)
    .alerts.slice(0, options.max)
    .map((a) => ({
      day: a.t,
      category: term('appeal.category', a.name, view.locale),
      region: a.region,
      regionName: view.regionLabel(a.region),
      observed: a.observed,
      expected: Math.round(a.expected),
      lo: Math.round(a.lo),
      hi: Math.round(a.hi),
      score: Math.round(a.score * 10) / 10,
    })),
}));
