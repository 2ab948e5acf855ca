import { mapPanelOptions } from '../../map/layer-specs';
import type { PanelDescriptor } from '../types';

/**
 * The map panel type. Its options schema is plain zod (no map code), so
 * validating a config never loads MapLibre or deck.gl: the component and the
 * whole map stack arrive in a lazy chunk when a screen shows a map.
 */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous descriptors
export const mapPanels: PanelDescriptor<any>[] = [
  {
    type: 'map',
    optionsSchema: mapPanelOptions,
    load: () => import('../map-panel'),
    defaultTitle: { zh: '区域态势', en: 'Regional overview' },
  },
];
