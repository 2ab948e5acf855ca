import {
  CHOROPLETH_RAMP,
  SEVERITY_RADIUS,
  cached,
  choroplethModel,
  columnData,
  filteredIncidents,
  identity,
  metricValues,
  originArcs,
  pointData,
  resourceArcs,
  shiftedPositions,
} from './layer-data';
import { livePointData } from './live-points';
import { NO_DATA_COLOR, classLabel, hexToRgb, legendDigits } from './legend-scale';

/**
 * The map room's data preparation and colour helpers, handed to layer types
 * when they draw (`scene.kit`). Layer files import only its type, so their
 * schemas can be read at config load without this code: it arrives with the
 * map's lazy chunk. Everything here is pure and memoised on records identity.
 */
export const kit = {
  identity,
  cached,
  metricValues,
  choroplethModel,
  pointData,
  livePointData,
  filteredIncidents,
  shiftedPositions,
  resourceArcs,
  originArcs,
  columnData,
  hexToRgb,
  classLabel,
  legendDigits,
  SEVERITY_RADIUS,
  CHOROPLETH_RAMP,
  NO_DATA_COLOR,
} as const;

export type MapKit = typeof kit;
