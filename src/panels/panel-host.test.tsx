import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { renderWithRuntime } from '../test/harness';
import { PanelFrame } from './panel-frame';
import { PanelHost } from './panel-host';
import { panels } from './registry';

function Healthy({ title }: { title: string }) {
  return (
    <PanelFrame panelId="ok" type="test-ok" title={title}>
      <p>健康面板内容</p>
    </PanelFrame>
  );
}

function Broken(): never {
  throw new Error('bad render');
}

panels.register('test-ok', {
  type: 'test-ok',
  optionsSchema: z.object({}),
  datasets: {},
  load: async () => ({ default: Healthy }),
});
panels.register('test-slow', {
  type: 'test-slow',
  optionsSchema: z.object({}),
  datasets: {},
  load: () => new Promise(() => undefined),
});
panels.register('test-broken', {
  type: 'test-broken',
  optionsSchema: z.object({}),
  datasets: {},
  load: async () => ({ default: Broken }),
});

describe('PanelHost', () => {
  it('contains a crashing panel: it shows an error frame while its neighbours render', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { tree } = renderWithRuntime(
      <>
        <PanelHost config={{ id: 'a', type: 'test-ok', area: 'a', title: '正常面板', datasets: {}, options: {} }} />
        <PanelHost config={{ id: 'b', type: 'test-broken', area: 'b', title: { zh: '故障面板', en: 'Broken' }, datasets: {}, options: {} }} />
      </>,
    );
    render(tree);
    expect(await screen.findByText('健康面板内容')).toBeTruthy();
    const broken = await screen.findByRole('region', { name: '故障面板' });
    expect(broken.getAttribute('data-state')).toBe('error');
    expect(broken.textContent).toContain('面板出错，其余面板不受影响');
    expect(screen.getByRole('region', { name: '正常面板' }).getAttribute('data-state')).toBe('ready');
  });

  it('shows a loading frame named by its title while the panel code loads', () => {
    const { tree } = renderWithRuntime(<PanelHost config={{ id: 'a', type: 'test-slow', area: 'a', title: '加载中的面板', datasets: {}, options: {} }} />);
    render(tree);
    expect(screen.getByRole('region', { name: '加载中的面板' }).getAttribute('data-state')).toBe('loading');
  });
});
