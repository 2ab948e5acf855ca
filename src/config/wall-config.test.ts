import { describe, expect, it } from 'vitest';
import { adapters } from '../data/adapters/registry';
import { ConfigError, parseConfig } from './schema';

const context = { panelTypes: new Set(['kpi-row', 'incident-list']), adapters };

function base(): Record<string, unknown> {
  return {
    title: '驾驶舱',
    regionPack: { id: 'henan', root: '410000', topology: 't.json', index: 'i.json' },
    datasets: {
      kpis: { adapter: 'http', contract: 'kpi', options: { url: 'api/kpis' }, source: { name: '统计局' } },
      incidents: { adapter: 'sse', contract: 'incident', options: { url: 'stream/incidents' }, source: { name: '应急厅' } },
    },
    screens: [
      {
        id: 'economy',
        title: '经济',
        grid: { columns: '440u 1fr', rows: '1fr', areas: ['kpis list'] },
        panels: [
          { id: 'kpis', type: 'kpi-row', area: 'kpis', dataset: 'kpis' },
          { id: 'list', type: 'incident-list', area: 'list', dataset: 'incidents' },
        ],
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
  return [];
}

const screen0 = (raw: Record<string, unknown>) => (raw.screens as Record<string, unknown>[])[0] as Record<string, unknown>;

describe('wall config', () => {
  it('defaults: contain, rotation off with no playlist, kiosk and takeover off, no scheduled reload', () => {
    const c = parseConfig(base(), context);
    expect(c.fit).toBe('contain');
    expect(c.rotation).toEqual({ enabled: false, intervalSec: 60, screens: [], playlist: [], pauseOnInteraction: true, resumeAfterSec: 60 });
    expect(c.kiosk).toEqual({ enabled: false, hideCursorAfterSec: 5, fullscreenButton: true, wakeLock: true });
    expect(c.takeover.enabled).toBe(false);
    expect(c.takeover.sound).toBe(false);
    expect(c.selfHealing).toEqual({ softReloadAt: null, memoryCeilingMB: null, memoryCheckSec: 60, offlineBanner: true });
    expect(c.screens[0]?.layouts).toEqual({});
  });

  it('accepts layouts per aspect ratio and names their problems with paths', () => {
    const raw = base();
    screen0(raw).layouts = {
      '32:9': { grid: { columns: '440u 1fr 440u', rows: '1fr', areas: ['kpis list list'] } },
      '9:16': { artboard: { width: 1080, height: 1920 }, grid: { columns: '1fr', rows: '300u 1fr', areas: ['kpis', 'list'] }, fit: 'fill' },
    };
    expect(issuesOf(raw)).toEqual([]);
    screen0(raw).layouts = {
      '32:9': { grid: { columns: '440px 1fr', rows: '1fr', areas: ['kpis kpis'] } },
      '9:16': { artboard: { width: 1920, height: 1080 }, grid: { columns: '1fr', rows: '1fr', areas: ['kpis', 'list list'] } },
      wide: { grid: { columns: '1fr', rows: '1fr', areas: ['kpis'] } },
    };
    const paths = issuesOf(raw).map((i) => `${i.path}: ${i.message}`);
    expect(paths).toContainEqual(expect.stringContaining('screens[0].layouts.wide: expected an aspect ratio'));
    const raw2 = base();
    screen0(raw2).layouts = {
      '32:9': { grid: { columns: '440px 1fr', rows: '1fr', areas: ['kpis kpis'] } },
      '9:16': { artboard: { width: 1920, height: 1080 }, grid: { columns: '1fr', rows: '1fr', areas: ['kpis', 'list list'] } },
    };
    const messages = issuesOf(raw2).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^screens\[0\]\.layouts\["32:9"\]\.grid\.columns: "440px" is in pixels/));
    expect(messages).toContainEqual('screens[0].layouts["32:9"].grid.areas: no area "list" for panel "list" (screens[0].panels[1])');
    expect(messages).toContainEqual('screens[0].layouts["9:16"].artboard: 1920×1080 is not 9:16');
    expect(messages).toContainEqual('screens[0].layouts["9:16"].grid.areas: every row of areas needs the same number of cells');
  });

  it('checks a playlist and takeover rules against the screens, datasets and record fields when they are on', () => {
    const raw = base();
    raw.rotation = { enabled: true, playlist: [{ screen: 'economy', region: '410300', dwellSec: 30 }, { screen: 'nope' }] };
    raw.takeover = {
      enabled: true,
      rules: [
        { id: 'red', dataset: 'incidents', when: { severity: 1 }, screen: 'economy', panel: 'list' },
        { id: 'typo', dataset: 'incidents', when: { sevrity: 1 }, screen: 'economy', panel: 'nope' },
        { id: 'gone', dataset: 'missing', when: { level: 1 }, screen: 'nope' },
      ],
    };
    const messages = issuesOf(raw).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toContain('rotation.playlist[1].screen: no screen "nope"');
    expect(messages).toContainEqual(expect.stringContaining('takeover.rules[1]: "incident" records have no field "sevrity"'));
    expect(messages).toContain('takeover.rules[1].panel: screen "economy" has no panel "nope"');
    expect(messages).toContain('takeover.rules[2].dataset: missing dataset "missing"');
    expect(messages).toContain('takeover.rules[2].screen: no screen "nope"');
    expect(messages.some((m) => m.startsWith('takeover.rules[0]'))).toBe(false);
    // Switched off, a playlist or rule may name screens this (trimmed) config lacks.
    (raw.rotation as Record<string, unknown>).enabled = false;
    raw.takeover = { enabled: false, rules: [{ id: 'red', dataset: 'incidents', when: { severity: 1 }, screen: 'emergency' }] };
    expect(issuesOf(raw)).toEqual([]);
  });

  it('checks the scheduled reload time and the memory ceiling', () => {
    const raw = base();
    raw.selfHealing = { softReloadAt: '4:00', memoryCeilingMB: 0 };
    const paths = issuesOf(raw).map((i) => i.path);
    expect(paths).toEqual(['selfHealing.softReloadAt', 'selfHealing.memoryCeilingMB']);
    raw.selfHealing = { softReloadAt: '04:00', memoryCeilingMB: 1500 };
    expect(parseConfig(raw, context).selfHealing.softReloadAt).toBe('04:00');
  });
});
