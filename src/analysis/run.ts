/** One dispatch table from an analysis kind to its function: used by the worker and by the in-process fallback. */
import { detectChangepoints } from './changepoints.ts';
import { evaluateEffect } from './effect.ts';
import { forecast } from './forecast.ts';
import { paceToTarget } from './pace.ts';
import { detectSpikes } from './spikes.ts';

export const ANALYSES = {
  forecast,
  spikes: detectSpikes,
  changepoints: detectChangepoints,
  effect: evaluateEffect,
  pace: paceToTarget,
} as const;

export type AnalysisKind = keyof typeof ANALYSES;
export type AnalysisArgs<K extends AnalysisKind> = Parameters<(typeof ANALYSES)[K]>;
export type AnalysisResult<K extends AnalysisKind> = ReturnType<(typeof ANALYSES)[K]>;

export function isKind(kind: unknown): kind is AnalysisKind {
  return typeof kind === 'string' && Object.hasOwn(ANALYSES, kind);
}

export function runAnalysis<K extends AnalysisKind>(kind: K, args: AnalysisArgs<K>): AnalysisResult<K> {
  const fn = ANALYSES[kind] as unknown as (...a: AnalysisArgs<K>) => AnalysisResult<K>;
  return fn(...args);
}

export interface AnalysisRequest {
  id: number;
  kind: AnalysisKind;
  args: unknown[];
}

export type AnalysisResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
