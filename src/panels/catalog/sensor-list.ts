import { hasMessage, translate } from '../../i18n/translate';
import { sensorItems } from '../live-model';
import { definePanel } from '../types';
import { column } from './columns';
import { sensorListOptions, sensorListSlots } from './live-options';

/** IoT sensor alarms of chemical parks and coal mines: reading against threshold, active first. */
export default definePanel({
  type: 'sensor-list',
  optionsSchema: sensorListOptions,
  datasets: sensorListSlots,
  load: async () => ({ default: (await import('../live-list')).SensorList }),
  defaultTitle: { zh: '监测报警', en: 'Sensor alarms' },
  toTable: ({ main }, options, view) => ({
    columns: [
      column(view, 'time', 'col.time', 'time'),
      column(view, 'site', 'col.site', 'text'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'indicator', 'col.indicator', 'text'),
      column(view, 'reading', 'col.reading', 'number'),
      column(view, 'threshold', 'col.threshold', 'number'),
      column(view, 'unit', 'col.unit', 'text'),
      column(view, 'status', 'col.status', 'text'),
    ],
    rows: sensorItems(main.records, options, view.region).map((r) => {
      const key = `sensor.indicator.${r.indicator}`;
      return {
        time: r.at,
        site: r.point ? `${r.site} · ${r.point}` : r.site,
        region: r.region,
        regionName: view.regionLabel(r.region),
        indicator: hasMessage(key) ? translate(key, view.locale) : r.indicator,
        reading: r.reading,
        threshold: r.threshold,
        unit: r.unit,
        status: translate(`sensor.status.${r.status}`, view.locale),
      };
    }),
  }),
});
