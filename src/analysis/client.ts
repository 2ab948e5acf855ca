/**
 * analyze(kind, ...args): runs one analysis in the (single, lazily created) analysis worker and
 * resolves with its result. Where there is no Worker (Node, jsdom tests) it runs in-process, in a
 * later task, so callers see the same asynchronous contract.
 */
import type { AnalysisArgs, AnalysisKind, AnalysisRequest, AnalysisResponse, AnalysisResult } from './run.ts';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.result);
    else p.reject(new Error(msg.error));
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    const error = new Error(`analysis worker failed: ${event.message ?? 'error'}`);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

async function inProcess<K extends AnalysisKind>(kind: K, args: AnalysisArgs<K>): Promise<AnalysisResult<K>> {
  const { runAnalysis } = await import('./run.ts');
  await new Promise((r) => setTimeout(r, 0));
  // JSON round trip: the same (transferable-free) data a worker would return
  return JSON.parse(JSON.stringify(runAnalysis(kind, args))) as AnalysisResult<K>;
}

export function analyze<K extends AnalysisKind>(kind: K, ...args: AnalysisArgs<K>): Promise<AnalysisResult<K>> {
  const w = getWorker();
  if (!w) return inProcess(kind, args);
  const id = nextId++;
  const request: AnalysisRequest = { id, kind, args };
  return new Promise<AnalysisResult<K>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage(request);
  });
}

/** Stops the worker (tests, hot reload); the next call starts a new one. */
export function disposeAnalysisWorker(): void {
  worker?.terminate();
  worker = null;
  for (const p of pending.values()) p.reject(new Error('analysis worker disposed'));
  pending.clear();
}

export type { AnalysisArgs, AnalysisKind, AnalysisResult } from './run.ts';
