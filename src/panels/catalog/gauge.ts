import { gaugeReading } from '../../charts/models/gauge';
import { definePanel } from '../types';
import { column } from './columns';
import { gaugeOptions, gaugeSlots } from './economy-options';

/** One KPI on a dial: progress to its annual target, with the share of the year elapsed. */
export default definePanel({
  type: 'gauge',
  optionsSchema: gaugeOptions,
  datasets: gaugeSlots,
  load: () => import('../gauge-panel'),
  defaultTitle: { zh: '目标完成', en: 'Progress to target' },
  toTable: ({ main }, options, view) => {
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
  },
});
