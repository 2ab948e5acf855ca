/** Types of scripts/lint-deps.mjs (for scripts/dependency-rules.test.ts). */
export interface Layer {
  name: string;
  folder: string;
  path: string;
  holds: string;
  may: string[];
  types?: string[];
  paths?: string[];
  npm?: string;
}
export const CRUISED: string[];
export function layers(): Layer[];
export function mayImport(layer: Layer): string;
export function table(): string;
