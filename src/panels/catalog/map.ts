import { mapPanelOptions, mapSlots } from '../../map/layer-specs';
import { definePanel } from '../types';

/**
 * The map panel type. Its options schema is assembled from the map layer
 * registry (plain zod and layer files, no map code), so validating a config
 * never loads MapLibre or deck.gl: the component and MapLibre arrive in a lazy
 * chunk when a screen shows a map, deck.gl only when its layers need it.
 * Its dataset slots follow the layers: one per `datasets` key they read.
 */
export default definePanel({
  type: 'map',
  optionsSchema: mapPanelOptions,
  datasets: (options) => mapSlots(options),
  load: () => import('../map-panel'),
  defaultTitle: { zh: '区域态势', en: 'Regional overview' },
});
