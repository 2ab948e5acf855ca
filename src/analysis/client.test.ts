import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisRequest, AnalysisResponse } from './run';
import { runAnalysis } from './run';

/** A stand-in Worker: holds requests and answers them in the order the test asks (out of order on purpose). */
class FakeWorker {
  static instances: FakeWorker[] = [];
  onmessage: ((e: MessageEvent<AnalysisResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly requests: AnalysisRequest[] = [];
  terminated = false;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.instances.push(this);
  }
  postMessage(request: AnalysisRequest) {
    // the client sends plain JSON: it survives a structured-clone-free round trip
    this.requests.push(JSON.parse(JSON.stringify(request)));
  }
  reply(index: number, override?: Partial<AnalysisResponse>) {
    const r = this.requests[index] as AnalysisRequest;
    const result = runAnalysis(r.kind, r.args as never);
    this.onmessage?.({ data: { id: r.id, ok: true, result, ...override } as AnalysisResponse } as MessageEvent<AnalysisResponse>);
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

async function freshClient() {
  vi.resetModules();
  FakeWorker.instances = [];
  vi.stubGlobal('Worker', FakeWorker);
  return import('./client');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const rate = (values: number[]) => ({ kind: 'rate' as const, monthlyValues: values, target: 5 });

describe('analyze() through a worker', () => {
  it('uses one module worker and matches replies to requests by id, in any order', async () => {
    const { analyze } = await freshClient();
    const a = analyze('pace', rate([4, 6]));
    const b = analyze('pace', rate([1, 2]));
    expect(FakeWorker.instances).toHaveLength(1);
    const w = FakeWorker.instances[0] as FakeWorker;
    expect(w.options).toMatchObject({ type: 'module', name: 'analysis' });
    expect(w.url.pathname).toMatch(/analysis\.worker\.ts$/);
    w.reply(1);
    w.reply(0);
    expect(await a).toMatchObject({ ytd: 5, onTrack: 'yes' });
    expect(await b).toMatchObject({ ytd: 1.5, onTrack: 'no' });
  });

  it('rejects with the worker’s message, and after a crash starts a new worker', async () => {
    const { analyze } = await freshClient();
    const a = analyze('pace', rate([1]));
    const w = FakeWorker.instances[0] as FakeWorker;
    w.reply(0, { ok: false, error: 'unknown analysis' } as Partial<AnalysisResponse>);
    await expect(a).rejects.toThrow('unknown analysis');
    const b = analyze('pace', rate([2]));
    w.fail('out of memory');
    await expect(b).rejects.toThrow(/analysis worker failed: out of memory/);
    expect(w.terminated).toBe(true);
    const c = analyze('pace', rate([3]));
    expect(FakeWorker.instances).toHaveLength(2);
    (FakeWorker.instances[1] as FakeWorker).reply(0);
    expect(await c).toMatchObject({ ytd: 3 });
  });
});

describe('analysis.worker', () => {
  it('answers a request with its id and result, and an unknown kind with an error', async () => {
    const posted: unknown[] = [];
    const spy = vi.spyOn(self, 'postMessage').mockImplementation((m: unknown) => {
      posted.push(m);
    });
    vi.resetModules();
    await import('./analysis.worker');
    const handler = self.onmessage as (e: MessageEvent) => void;
    handler({ data: { id: 7, kind: 'pace', args: [rate([5, 5])] } } as MessageEvent);
    handler({ data: { id: 8, kind: 'constructor', args: [] } } as MessageEvent);
    expect(posted[0]).toMatchObject({ id: 7, ok: true, result: { ytd: 5, onTrack: 'yes' } });
    expect(posted[1]).toMatchObject({ id: 8, ok: false, error: 'unknown analysis constructor' });
    spy.mockRestore();
    self.onmessage = null;
  });
});
