import { createContext, useContext } from 'react';
import type { CockpitConfig } from '../config/schema';
import type { RegionIndex } from '../geo/region-index';

/** What bootstrap hands to the React tree: the validated config and the region index. */
export interface Runtime {
  config: CockpitConfig;
  regions: RegionIndex;
  /** True when the bundled mock feeds answer (MSW started): shows the demo-data badge. */
  mocked: boolean;
}

export const RuntimeContext = createContext<Runtime | null>(null);

export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useRuntime outside <RuntimeContext>');
  return runtime;
}
