import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LayerData } from './layers/layer-type';
import { hasNewRecord, usePacedData } from './paced-data';

afterEach(() => {
  vi.useRealTimers();
});

const inc = (id: string, status = 'reported') => ({ id, status });
const tick = (...records: ReturnType<typeof inc>[]): LayerData => ({ incidents: records });

describe('hasNewRecord', () => {
  it('is true only for a record id the shown data lacks (updates of known records are not new)', () => {
    const shown = tick(inc('a'), inc('b'));
    expect(hasNewRecord(shown, tick(inc('a', 'handling'), inc('b')))).toBe(false);
    expect(hasNewRecord(shown, tick(inc('b')))).toBe(false); // a removal is not new
    expect(hasNewRecord(shown, tick(inc('c'), inc('a'), inc('b')))).toBe(true);
    expect(hasNewRecord({}, tick(inc('a')))).toBe(true); // a dataset's first records
    expect(hasNewRecord(shown, { ...shown, stations: [{ id: 's1' }] })).toBe(true);
  });
});

function setup(first: LayerData) {
  vi.useFakeTimers();
  let t = 10_000;
  const now = () => t;
  const advance = (ms: number) =>
    act(() => {
      t += ms;
      vi.advanceTimersByTime(ms);
    });
  const hook = renderHook(({ data }) => usePacedData(data, 1000, now), { initialProps: { data: first } });
  return { hook, advance, at: () => t };
}

describe('usePacedData', () => {
  it('applies a change at once after a quiet second, then holds the updates that follow to one per second, ending on the newest', () => {
    const a = tick(inc('x'), inc('y'));
    const { hook, advance } = setup(a);
    expect(hook.result.current).toBe(a);
    advance(5000);
    const b = tick(inc('x', 'handling'), inc('y'));
    hook.rerender({ data: b });
    expect(hook.result.current).toBe(b); // quiet for 5 s: at once

    // Updates every 250 ms: held, then the newest at the end of the second.
    const c = tick(inc('x', 'closed'), inc('y'));
    const d = tick(inc('x', 'closed'), inc('y', 'handling'));
    advance(250);
    hook.rerender({ data: c });
    expect(hook.result.current).toBe(b);
    advance(250);
    hook.rerender({ data: d });
    expect(hook.result.current).toBe(b);
    advance(499);
    expect(hook.result.current).toBe(b);
    advance(1);
    expect(hook.result.current).toBe(d); // 1 s after b: the newest, c never drawn
  });

  it('shows a record it has not drawn within 250 ms of the last change, not at the end of the second', () => {
    const a = tick(inc('x'));
    const { hook, advance } = setup(a);
    advance(5000);
    const b = tick(inc('x', 'handling'));
    hook.rerender({ data: b });
    advance(300);
    const c = tick(inc('new-1'), inc('x', 'handling'));
    hook.rerender({ data: c });
    expect(hook.result.current).toBe(c); // 300 ms after b: at once
    advance(100);
    const d = tick(inc('new-2'), inc('new-1'), inc('x', 'handling'));
    hook.rerender({ data: d });
    expect(hook.result.current).toBe(c);
    advance(149);
    expect(hook.result.current).toBe(c);
    advance(1);
    expect(hook.result.current).toBe(d); // 250 ms after c
  });

  it('drops nothing: a single held update still lands when updates stop', () => {
    const a = tick(inc('x'));
    const { hook, advance } = setup(a);
    advance(5000);
    const b = tick(inc('x', 'handling'));
    hook.rerender({ data: b });
    advance(10);
    const c = tick(inc('x', 'closed'));
    hook.rerender({ data: c });
    expect(hook.result.current).toBe(b);
    advance(5000);
    expect(hook.result.current).toBe(c);
  });
});

describe('usePacedData under a storm of new records', () => {
  it('shows new records at most every 250 ms, not once per record', () => {
    const { hook, advance } = setup(tick(inc('a')));
    advance(5000);
    const shown: LayerData[] = [];
    const seen = new Set<LayerData>();
    let records = [inc('a')];
    // A new incident every 50 ms for 1 s: 20 data sets.
    for (let i = 0; i < 20; i++) {
      records = [inc(`n${i}`), ...records];
      hook.rerender({ data: tick(...records) });
      if (!seen.has(hook.result.current)) {
        seen.add(hook.result.current);
        shown.push(hook.result.current);
      }
      advance(50);
      if (!seen.has(hook.result.current)) {
        seen.add(hook.result.current);
        shown.push(hook.result.current);
      }
    }
    // The first at once, then one per 250 ms: 4 or 5 in the second, never 20.
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.length).toBeLessThanOrEqual(5);
    advance(300);
    expect(hook.result.current.incidents?.length).toBe(21); // the newest, in the end
  });
});
