import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adapters } from '../data/adapters/registry';
import { ConfigError, parseConfig } from './schema';

const context = { panelTypes: new Set(['kpi-row', 'trend']), adapters };

function baseConfig(): Record<string, unknown> {
  return {
    title: { zh: '驾驶舱', en: 'Cockpit' },
    regionPack: { id: 'henan', root: '410000', topology: 'regions/henan.topo.json', index: 'regions/henan.index.json' },
    datasets: {
      kpis: { adapter: 'http', contract: 'kpi', options: { url: 'api/kpis' }, source: { name: '统计局' } },
    },
    screens: [
      {
        id: 'economy',
        title: '经济',
        grid: { columns: '1fr', rows: '1fr', areas: ['kpis'] },
        panels: [{ id: 'kpis', type: 'kpi-row', area: 'kpis', dataset: 'kpis' }],
      },
    ],
  };
}

function issuesOf(raw: unknown) {
  try {
    parseConfig(raw, context);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('config was accepted');
}

describe('parseConfig', () => {
  it('accepts a valid config and applies defaults', () => {
    const config = parseConfig(baseConfig(), context);
    expect(config.locale).toBe('zh-CN');
    expect(config.defaults.mode).toBe('wall');
    expect(config.screens[0]?.artboard).toEqual({ width: 1920, height: 1080 });
    expect(config.datasets.kpis?.bufferSize).toBe(2000);
  });

  it('names a field of the wrong type by its path', () => {
    const raw = baseConfig();
    (raw.screens as Array<Record<string, unknown>>)[0]!.artboard = { width: '1920', height: 1080 };
    const issues = issuesOf(raw);
    expect(issues.map((i) => i.path)).toContain('screens[0].artboard.width');
    expect(issues[0]?.message).toMatch(/number/i);
  });

  it('names a panel that points at a missing dataset', () => {
    const raw = baseConfig();
    (raw.screens as Array<{ panels: Array<Record<string, unknown>> }>)[0]!.panels[0]!.dataset = 'gdp-by-city';
    expect(issuesOf(raw)).toContainEqual({ path: 'screens[0].panels[0].dataset', message: 'missing dataset "gdp-by-city"' });
  });

  it('names an unknown panel type and lists the known ones', () => {
    const raw = baseConfig();
    (raw.screens as Array<{ panels: Array<Record<string, unknown>> }>)[0]!.panels[0]!.type = 'pie-3d';
    const issue = issuesOf(raw).find((i) => i.path === 'screens[0].panels[0].type');
    expect(issue?.message).toContain('unknown panel type "pie-3d"');
    expect(issue?.message).toContain('kpi-row');
  });

  it('checks adapter options with the adapter schema', () => {
    const raw = baseConfig();
    (raw.datasets as Record<string, Record<string, unknown>>).kpis!.options = { url: 'x', intervalMs: -5 };
    expect(issuesOf(raw).map((i) => i.path)).toContain('datasets.kpis.options.intervalMs');
  });

  it('reports every problem at once, not only the first', () => {
    const raw = baseConfig();
    const panel = (raw.screens as Array<{ panels: Array<Record<string, unknown>> }>)[0]!.panels[0]!;
    panel.type = 'nope';
    panel.dataset = 'nope';
    panel.area = 'elsewhere';
    expect(issuesOf(raw)).toHaveLength(3);
  });

  it('checks panel options with the panel type schema', () => {
    const raw = baseConfig();
    (raw.screens as Array<{ panels: Array<Record<string, unknown>> }>)[0]!.panels[0]!.options = { columns: 'six' };
    const issues = (() => {
      try {
        parseConfig(raw, {
          ...context,
          panelType: () => ({ optionsSchema: z.object({ columns: z.number() }).strict(), slots: () => ({ main: { contract: 'kpi' } }) }),
        });
      } catch (error) {
        return (error as ConfigError).issues;
      }
      return [];
    })();
    expect(issues.map((i) => i.path)).toEqual(['screens[0].panels[0].options.columns']);
  });

  it('rejects prototype-polluting keys', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}');
    expect(issuesOf(raw)[0]).toEqual({ path: '__proto__', message: 'forbidden key' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects unknown top-level keys (typos must not pass silently)', () => {
    const raw = { ...baseConfig(), rotaton: { enabled: true } };
    expect(issuesOf(raw)[0]?.path).toBe('(root)');
  });
});
