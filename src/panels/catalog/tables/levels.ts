import { pickName, translate } from '../../../i18n/translate';
import { levelRows } from '../../domain-models';
import { column } from '../columns';
import descriptor from '../levels';
import { defineTable } from './define';

/** The levels panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, ({ main }, options, view) => {
  const rows = levelRows(main.records, options.kind, options.max);
  return {
    columns: [
      column(view, 'station', 'col.station', 'text'),
      column(view, 'water', 'col.water', 'text'),
      column(view, 'region', 'col.region', 'region'),
      column(view, 'level', 'col.waterLevel', 'number', { unit: 'm', digits: 2 }),
      column(view, 'warning', 'col.warning', 'number', { unit: 'm', digits: 2 }),
      column(view, 'guaranteed', 'col.guaranteed', 'number', { unit: 'm', digits: 2 }),
      column(view, 'floodLimit', 'col.floodLimit', 'number', { unit: 'm', digits: 2 }),
      column(view, 'normalPool', 'col.normalPool', 'number', { unit: 'm', digits: 2 }),
      column(view, 'change', 'col.change6h', 'number', { unit: 'm', digits: 2 }),
      column(view, 'status', 'col.status', 'text'),
    ],
    rows: rows.map((r) => ({
      station: pickName(r.record, view.locale),
      water: view.locale === 'en' ? (r.record.waterEn ?? r.record.water ?? null) : (r.record.water ?? null),
      region: r.record.region,
      regionName: view.regionLabel(r.record.region),
      level: r.record.level,
      warning: r.record.warning ?? null,
      guaranteed: r.record.guaranteed ?? null,
      floodLimit: r.record.floodLimit ?? null,
      normalPool: r.record.normalPool ?? null,
      change: r.record.change6h ?? null,
      status: translate(`level.status.${r.status}`, view.locale, { m: r.margin === null ? '' : `${Math.abs(r.margin).toFixed(2)} m` }),
    })),
  };
});
