import type { Plugin } from 'vite';

/** zod's two JSON Schema modules (the files the plugin stubs). */
export declare const STUBBED: RegExp;
/** The stub module of one of those files, from its source. */
export declare function stubOf(source: string): string;
/** The build-only Vite plugin. */
export declare function zodWithoutJsonSchema(): Plugin;
