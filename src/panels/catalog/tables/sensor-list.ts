import { hasMessage, translate } from '../../../i18n/translate';
import { sensorItems } from '../../live-model';
import { column } from '../columns';
import descriptor from '../sensor-list';
import { defineTable } from './define';

/** The sensor-list panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => ({
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
}));
