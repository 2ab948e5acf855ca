import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, MAX_PAINT_WAIT_MS } from './after-paint';

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
});
