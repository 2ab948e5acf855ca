/// <reference lib="webworker" />
/** The analysis worker: fits run here, never on the main thread. Messages are plain JSON (no transferables). */
import { type AnalysisRequest, type AnalysisResponse, isKind, runAnalysis } from './run.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, kind, args } = event.data ?? ({} as AnalysisRequest);
  let reply: AnalysisResponse;
  try {
    if (!isKind(kind) || !Array.isArray(args)) throw new Error(`unknown analysis ${String(kind)}`);
    reply = { id, ok: true, result: runAnalysis(kind, args as never) };
  } catch (error) {
    reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
