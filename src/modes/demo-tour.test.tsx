import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithRuntime, testConfig } from '../test/harness';
import { DemoTour, nextIndex } from './demo-tour';

const config = testConfig({
  tour: {
    loop: false,
    steps: [
      { screen: 'economy', caption: { zh: '全省经济总体平稳', en: 'The province is steady' }, durationSec: 5 },
      { screen: 'economy', region: '410300', caption: { zh: '洛阳工业增速领先', en: 'Luoyang leads industry' }, durationSec: 5 },
    ],
  },
});

describe('demo tour', () => {
  it('steps forward, loops or stops at the end', () => {
    expect(nextIndex(0, 3, false, 1)).toBe(1);
    expect(nextIndex(2, 3, true, 1)).toBe(0);
    expect(nextIndex(2, 3, false, 1)).toBeNull();
    expect(nextIndex(0, 3, true, -1)).toBe(2);
  });

  it('plays its steps on a timer, drives the view store and obeys presenter keys', () => {
    vi.useFakeTimers();
    const { tree, store } = renderWithRuntime(<DemoTour config={config} />, { config, view: { mode: 'demo' } });
    render(tree);
    expect(screen.getByTestId('demo-caption').textContent).toContain('全省经济总体平稳');
    expect(store.getState().region).toBe('410000');
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(screen.getByTestId('demo-caption').textContent).toContain('洛阳工业增速领先');
    expect(store.getState().region).toBe('410300');
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp' }));
    });
    expect(store.getState().region).toBe('410000');
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    });
    expect(screen.getByTestId('demo-caption').textContent).toContain('已暂停');
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByTestId('demo-caption').textContent).toContain('1 / 2');
    vi.useRealTimers();
  });

  it('stays out of the way outside demo mode', () => {
    const { tree } = renderWithRuntime(<DemoTour config={config} />, { config, view: { mode: 'wall' } });
    render(tree);
    expect(screen.queryByTestId('demo-caption')).toBeNull();
  });
});
