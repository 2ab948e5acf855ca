import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { afterNextPaint, MAX_PAINT_WAIT_MS, useAfterPaintEffect } from './after-paint';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterNextPaint', () => {
  it('runs in a task after the next frame has been taken (two frames), once', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const fn = vi.fn();
    afterNextPaint(fn);
    vi.advanceTimersByTime(0);
    expect(fn).not.toHaveBeenCalled();
    frames.shift()?.(0);
    vi.advanceTimersByTime(0);
    expect(fn).not.toHaveBeenCalled(); // not after the first frame alone
    frames.shift()?.(16);
    expect(fn).not.toHaveBeenCalled(); // not inside the frame itself
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(MAX_PAINT_WAIT_MS);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs anyway when no frame comes (a hidden page), and never after its cancel', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const late = vi.fn();
    afterNextPaint(late);
    vi.advanceTimersByTime(MAX_PAINT_WAIT_MS - 1);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(late).toHaveBeenCalledTimes(1);
    const cancelled = vi.fn();
    afterNextPaint(cancelled)();
    vi.advanceTimersByTime(MAX_PAINT_WAIT_MS * 2);
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('an effect whose deps change faster than frames still runs, with the newest value (no starvation)', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const applied: number[] = [];
    const { rerender, unmount } = renderHook(({ n }) => useAfterPaintEffect(() => void applied.push(n), [n]), { initialProps: { n: 0 } });
    // A new value before every frame, for ten frames.
    for (let n = 1; n <= 10; n++) {
      rerender({ n });
      frames.shift()?.(n * 16);
      vi.advanceTimersByTime(0);
    }
    expect(applied.length).toBeGreaterThanOrEqual(4);
    expect(applied).toEqual([...applied].sort((a, b) => a - b));
    rerender({ n: 11 });
    for (let i = 0; i < 3; i++) {
      frames.shift()?.(0);
      vi.advanceTimersByTime(0);
    }
    expect(applied.at(-1)).toBe(11);
    rerender({ n: 12 });
    unmount();
    vi.advanceTimersByTime(MAX_PAINT_WAIT_MS * 2);
    expect(applied).not.toContain(12);
  });
});
