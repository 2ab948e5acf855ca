import type { PanelDescriptor } from '../types';

/** The map panel type(s). */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous descriptors
export const mapPanels: PanelDescriptor<any>[] = [];
