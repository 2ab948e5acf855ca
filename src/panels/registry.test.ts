import { describe, expect, it, vi } from 'vitest';

describe('panel registry', () => {
  it("loads the catalogue's lazy parts with a component: the component is not handed over before its words are in", async () => {
    vi.resetModules();
    const messages = await import('../i18n/messages');
    const { panels } = await import('./registry');
    expect(messages.messagePartsLoaded()).toBe(false);
    const component = await panels.get('stat').load();
    expect(typeof component.default).toBe('function');
    expect(messages.messagePartsLoaded()).toBe(true);
    expect(messages.messageOf('an.band80')).toEqual({ zh: '80% 区间', en: '80% interval' });
  });
});
