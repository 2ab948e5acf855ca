import { type DataTable, EMPTY_TABLE, type TableView } from '../lib/data-table';
import type { MapPanelOptions } from './layer-specs';
import { layerTypeOf } from './layers/index';
import type { LayerData } from './layers/layer-type';

/**
 * The map panel's data as a table (data table, CSV/XLSX export, the accessible
 * alternative): the rows of one layer — `options.table`, or else the topmost
 * layer that has rows (points over the choropleth: on the emergency map one row
 * per incident; on a choropleth map one row per region in view). Pure and
 * free of map code: it runs without MapLibre or deck.gl.
 */
export function mapTable(
  feeds: Readonly<Record<string, { records?: readonly unknown[] | undefined } | undefined>>,
  options: MapPanelOptions,
  view: TableView,
): DataTable {
  const data: LayerData = Object.fromEntries(Object.entries(feeds).map(([k, f]) => [k, f?.records]));
  const candidates = options.layers
    .map((spec, i) => ({ spec, type: layerTypeOf(spec), i }))
    .filter(({ spec, type }) => type.table && (options.table === undefined || spec.id === options.table))
    .sort((a, b) => b.type.order - a.type.order || b.i - a.i);
  const top = candidates[0];
  return top?.type.table?.(top.spec, data, view) ?? EMPTY_TABLE;
}
