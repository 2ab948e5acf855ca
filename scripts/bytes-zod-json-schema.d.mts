import type { Plugin } from 'vite';

/** zod's two JSON Schema modules (the files the plugin stubs). */
export const STUBBED: RegExp;
/** The stub module of one of those files, from its source. */
export function stubOf(source: string): string;
/** The build-only Vite plugin. */
export function zodWithoutJsonSchema(): Plugin;
