/**
 * The analysis module (issue #10): pure functions, no DOM, no React. The screens call them
 * through `client.ts` / `use-analysis.ts`, which run them in a Web Worker. Methods and their
 * references: docs/analysis.md.
 */
export { detectChangepoints } from './changepoints.ts';
export { evaluateEffect } from './effect.ts';
export { forecast } from './forecast.ts';
export { paceToTarget } from './pace.ts';
export { detectSpikes } from './spikes.ts';
export { futureLabels, shift } from './time.ts';
export type {
  Band,
  Changepoint,
  ChangepointOptions,
  ChangepointResult,
  EffectOptions,
  EffectResult,
  ForecastOptions,
  ForecastResult,
  Grain,
  Pace,
  PaceInput,
  PaceResult,
  Refusal,
  RefusalReason,
  Spike,
  SpikeOptions,
  SpikeResult,
  TimeSeries,
} from './types.ts';
