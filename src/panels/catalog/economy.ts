import type { PanelDescriptor } from '../types';

/** Panel types of the economy panel library (trend, ranking, composition, gauge, table, alert list). */
// biome-ignore lint/suspicious/noExplicitAny: heterogeneous descriptors
export const economyPanels: PanelDescriptor<any>[] = [];
