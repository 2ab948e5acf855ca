/** Types of scripts/bench/tried.mjs (for scripts/bench/report.test.ts). */
import type { Tried } from './report.mjs';
export declare const TRIED: { bench: string; metric: RegExp; tried: string[]; why?: string; doc?: string }[];
export declare function triedFor(bench: string, metric: string): Tried | null;
