import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { PanelConfig } from '../config/schema';

export interface PanelProps<O = Record<string, unknown>> {
  config: PanelConfig;
  /** Options validated by the descriptor's schema, defaults applied. */
  options: O;
  /** Title in the active locale. */
  title: string;
}

/**
 * A panel type: its id, a runtime-checked options schema and a lazily loaded
 * component. The layout engine knows no concrete panel (after tldraw's shape utils).
 */
export interface PanelDescriptor<O = Record<string, unknown>> {
  type: string;
  optionsSchema: z.ZodType<O>;
  load: () => Promise<{ default: ComponentType<PanelProps<O>> }>;
  /** Default title when the config gives none (zh, en). */
  defaultTitle?: { zh: string; en: string };
}
