import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '../data/contracts/index';
import { layerSpec } from './layer-specs';
import { type PointWorkerLike, livePointData, onPointBuild, setPointWorkerFactory } from './live-points';
import { PointAssembler } from './point-assembly';

const incident = (i: number, severity: Incident['severity'] = 4): Incident => ({
  id: `I${i}`,
  type: 'fire',
  severity,
  title: `t${i}`,
  region: '410102',
  lon: 113 + i / 1000,
  lat: 34,
  reportedAt: i,
  status: 'reported',
});

const spec = (() => {
  const s = layerSpec.parse({ type: 'points' });
  if (s.type !== 'points') throw new Error('points');
  return s;
})();

/** A worker that runs the real assembler, answering when the test says so (messages held in a queue). */
function fakeWorker() {
  const assembler = new PointAssembler();
  const queue: unknown[] = [];
  const posted: unknown[] = [];
  const w: PointWorkerLike & { flush(): void; fail(): void; posted: unknown[] } = {
    onmessage: null,
    onerror: null,
    posted,
    postMessage(message) {
      posted.push(message);
      queue.push(message);
    },
    terminate() {},
    flush() {
      for (const m of queue.splice(0)) {
        if (m && typeof m === 'object' && 'drop' in m) continue;
        w.onmessage?.({ data: assembler.apply(m as never) } as MessageEvent);
      }
    },
    fail() {
      w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    },
  };
  return w;
}

afterEach(() => setPointWorkerFactory(null));

describe('livePointData (attributes built off the main thread)', () => {
  it('draws nothing until the first build, then the build; a tick keeps the previous points (and their picking) until its own build is in', () => {
    const w = fakeWorker();
    setPointWorkerFactory(() => w);
    const listener = vi.fn();
    const off = onPointBuild(listener);
    const a = [incident(0), incident(1, 1), incident(2, 2)];
    expect(livePointData(a, spec, null, 'p')).toBeNull();
    // Rendering again before the build is in does not send the same records twice.
    expect(livePointData(a, spec, null, 'p')).toBeNull();
    expect(w.posted).toHaveLength(1);
    w.flush();
    expect(listener).toHaveBeenCalledTimes(1);
    const first = livePointData(a, spec, null, 'p');
    expect(first?.length).toBe(3);
    // Red last (on top); picking the last point gives the red record.
    expect(first?.records[first.index[2] as number]?.id).toBe('I1');

    const b = [...a.slice(1), incident(3, 1)];
    const stale = livePointData(b, spec, null, 'p');
    expect(stale).toBe(first);
    expect(stale?.records).toBe(a);
    w.flush();
    const next = livePointData(b, spec, null, 'p');
    expect(next?.records).toBe(b);
    expect(next?.counts).toEqual([2, 1, 0, 0]);
    expect(next?.records[next.index[next.length - 1] as number]?.id).toBe('I3');
    off();
  });

  it('falls back to building on the main thread when the worker fails', () => {
    const w = fakeWorker();
    setPointWorkerFactory(() => w);
    const listener = vi.fn();
    const off = onPointBuild(listener);
    const a = [incident(0), incident(1, 1)];
    expect(livePointData(a, spec, null, 'q')).toBeNull();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    w.fail();
    expect(listener).toHaveBeenCalled();
    expect(livePointData(a, spec, null, 'q')?.length).toBe(2);
    off();
  });

  it('builds in-process (synchronously) where there is no Worker', () => {
    setPointWorkerFactory(() => null);
    const a = [incident(0), incident(1, 1)];
    expect(livePointData(a, spec, null, 'r')?.counts).toEqual([1, 0, 0, 1]);
  });
});
