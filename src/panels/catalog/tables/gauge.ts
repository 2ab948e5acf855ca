import { gaugeReading } from '../../../charts/models/gauge';
import { column } from '../columns';
import descriptor from '../gauge';
import { defineTable } from './define';

/** The gauge panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => {
  const record = main.records?.find((r) => r.id === options.indicator);
  const reading = gaugeReading(record, options, view);
  return {
    columns: [
      column(view, 'indicator', 'col.indicator', 'text'),
      column(view, 'period', 'col.period', 'period'),
      column(view, 'value', 'col.value', 'number', { unit: reading?.unit }),
      column(view, 'target', 'col.target', 'number', { unit: reading?.unit }),
      column(view, 'progress', 'col.progress', 'percent', { unit: '%', digits: 1 }),
      column(view, 'timeProgress', 'col.timeProgress', 'percent', { unit: '%', digits: 1 }),
    ],
    rows:
      record && reading
        ? [
            {
              indicator: reading.name,
              period: record.period,
              value: reading.value,
              target: reading.target,
              progress: reading.target ? (reading.value / reading.target) * 100 : null,
              timeProgress: reading.timeProgress,
            },
          ]
        : [],
  };
});
