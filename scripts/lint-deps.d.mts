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
export declare const CRUISED: string[];
export declare function layers(): Layer[];
export declare function mayImport(layer: Layer): string;
export declare function table(): string;
