import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_WAIT_MS, MAX_DEFER_MS, afterFirstPaint } from './after-paint';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterFirstPaint (the map starts after the page has painted)', () => {
  it('waits for a frame, then an idle moment; not before', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    const idles: IdleRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => idles.push(cb));
    const start = vi.fn();
    afterFirstPaint(start);
    vi.advanceTimersByTime(10);
    expect(start).not.toHaveBeenCalled();
    for (const f of frames.splice(0)) f(0);
    vi.advanceTimersByTime(1);
    expect(start).not.toHaveBeenCalled();
    expect(idles).toHaveLength(1);
    idles[0]?.({ didTimeout: false, timeRemaining: () => 10 });
    expect(start).toHaveBeenCalledTimes(1);
    // The bound does not start it a second time.
    vi.advanceTimersByTime(MAX_DEFER_MS + IDLE_WAIT_MS);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts anyway when no frame comes (hidden or starved page), and never after a cancel', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    const start = vi.fn();
    afterFirstPaint(start);
    vi.advanceTimersByTime(MAX_DEFER_MS - 1);
    expect(start).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(start).toHaveBeenCalledTimes(1);

    const unmounted = vi.fn();
    const cancel = afterFirstPaint(unmounted);
    cancel();
    vi.advanceTimersByTime(MAX_DEFER_MS * 2);
    expect(unmounted).not.toHaveBeenCalled();
  });
});
