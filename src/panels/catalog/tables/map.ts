import { mapTable } from '../../../map/map-table';
import descriptor from '../map';
import { defineTable } from './define';

/** The map panel's data as a table (detail view, CSV/XLSX export). */
export default defineTable(descriptor, (data, options, view) => mapTable(data, options, view));
