import { act, render, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Chart } from './chart';
import type { CockpitOption } from './types';

const instances: FakeChart[] = [];
class FakeChart {
  setOption = vi.fn();
  resize = vi.fn();
  dispose = vi.fn();
  handlers = new Map<string, (p: unknown) => void>();
  constructor(
    readonly el: HTMLElement,
    readonly dpr: number,
  ) {
    instances.push(this);
  }
  on(event: string, fn: (p: unknown) => void) {
    this.handlers.set(event, fn);
  }
}
vi.mock('./echarts', () => ({ initChart: (el: HTMLElement, dpr: number) => new FakeChart(el, dpr) }));

const observers: { cb: () => void; observe: ReturnType<typeof vi.fn>; disconnect: ReturnType<typeof vi.fn> }[] = [];
beforeEach(() => {
  instances.length = 0;
  observers.length = 0;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe = vi.fn();
      disconnect = vi.fn();
      constructor(readonly cb: () => void) {
        observers.push(this);
      }
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

const option = (n: number): CockpitOption => ({ series: [{ id: 'value:x', type: 'line', data: [n] }] });

describe('Chart (the one owner of an ECharts instance)', () => {
  it('creates one live instance, updates it by replaceMerge and disposes it on unmount', async () => {
    const { rerender, unmount, container } = render(
      <StrictMode>
        <Chart option={option(1)} label="测试图" />
      </StrictMode>,
    );
    await waitFor(() => expect(instances.some((c) => c.setOption.mock.calls.length > 0)).toBe(true));
    const live = instances.filter((c) => c.dispose.mock.calls.length === 0);
    expect(live).toHaveLength(1);
    const chart = live[0] as FakeChart;
    expect(chart.setOption).toHaveBeenLastCalledWith(option(1), { replaceMerge: ['series', 'dataZoom'], lazyUpdate: false });
    rerender(
      <StrictMode>
        <Chart option={option(2)} label="测试图" />
      </StrictMode>,
    );
    // Applied after the next paint, not inside the render that brought it (the interaction paints first).
    expect(chart.setOption).toHaveBeenLastCalledWith(option(1), expect.anything());
    await waitFor(() => expect(chart.setOption).toHaveBeenLastCalledWith(option(2), expect.objectContaining({ replaceMerge: ['series', 'dataZoom'] })));
    // Two options before a paint: the older is never applied.
    const calls = chart.setOption.mock.calls.length;
    for (const n of [3, 4])
      rerender(
        <StrictMode>
          <Chart option={option(n)} label="测试图" />
        </StrictMode>,
      );
    await waitFor(() => expect(chart.setOption).toHaveBeenLastCalledWith(option(4), expect.anything()));
    expect(chart.setOption.mock.calls.slice(calls).map((c) => c[0])).toEqual([option(4)]);
    expect(instances.filter((c) => c.dispose.mock.calls.length === 0)).toHaveLength(1);
    expect(container.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('测试图');
    act(() => observers.at(-1)?.cb());
    expect(chart.resize).toHaveBeenCalled();
    // An option still waiting when the chart goes is dropped with it.
    rerender(
      <StrictMode>
        <Chart option={option(5)} label="测试图" />
      </StrictMode>,
    );
    unmount();
    expect(chart.dispose).toHaveBeenCalledTimes(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(chart.setOption).not.toHaveBeenCalledWith(option(5), expect.anything());
    expect(observers.at(-1)?.disconnect).toHaveBeenCalled();
  });

  it('passes clicks to the panel', async () => {
    const onClick = vi.fn();
    render(<Chart option={option(1)} label="x" onClick={onClick} />);
    await waitFor(() => expect(instances).toHaveLength(1));
    instances[0]?.handlers.get('click')?.({ componentType: 'series', seriesId: 'ranking', dataIndex: 2 });
    expect(onClick).toHaveBeenCalledWith(expect.objectContaining({ componentType: 'series', dataIndex: 2 }));
  });
});
