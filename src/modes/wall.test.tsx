import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TakeoverRule } from '../config/schema';
import { renderWithRuntime, testConfig } from '../test/harness';
import { playlistOf, useInteractionPause, useRotation } from './rotation';
import { chinaDay, crossesTime } from './self-healing';
import { acknowledge, matchesRule, takeoverItem, useTakeover, useTakeoverFeed } from './takeover';
import { createWallStore, installWallStore, readSaved, wallStore } from './wall-store';
import { WallOverlays } from './wall-overlays';

const twoScreens = [
  { id: 'economy', title: '经济', grid: { columns: '1fr', rows: '1fr', areas: ['a'] }, panels: [{ id: 'p', type: 'kpi-row', area: 'a' }] },
  { id: 'emergency', title: '应急', grid: { columns: '1fr', rows: '1fr', areas: ['a'] }, panels: [{ id: 'incidents', type: 'incident-list', area: 'a' }] },
];

const rotating = testConfig({
  screens: twoScreens,
  datasets: { incidents: { adapter: 'sse', contract: 'incident', options: { url: 'x' }, source: { name: 's' } } },
  rotation: {
    enabled: true,
    resumeAfterSec: 30,
    playlist: [
      { screen: 'economy', dwellSec: 20 },
      { screen: 'economy', region: '410300', filters: { indicator: 'retail' }, dwellSec: 10 },
      { screen: 'emergency', dwellSec: 20 },
    ],
  },
  takeover: { enabled: true, ackTimeoutSec: 60, rules: [{ id: 'red', dataset: 'incidents', when: { severity: 1 }, screen: 'emergency', panel: 'incidents' }] },
});
const rule = rotating.takeover.rules[0] as TakeoverRule;

let pushRecords: (r: readonly unknown[]) => void = () => undefined;

/** The wall with a records source the test feeds. */
function FedWall({ initial }: { initial: readonly unknown[] }) {
  const [records, setRecords] = useState(initial);
  pushRecords = (r) => act(() => setRecords(r));
  return <Wall records={records} />;
}

function Wall({ records }: { records?: readonly unknown[] }) {
  useRotation(rotating, '410000');
  useInteractionPause(rotating, '410000');
  useTakeover(rotating, '410000', (c) => ['410000', '410100', '410300', '410324'].includes(c));
  useTakeoverFeed(rule, records, 5, () => Date.now());
  return <WallOverlays config={rotating} root="410000" regionLabel={(c) => `region ${c}`} />;
}

function incident(id: string, severity: number, at: number, region = '410324') {
  return { id, type: 'fire', severity, title: `事件 ${id}`, region, lon: 112, lat: 34, reportedAt: new Date(at).toISOString(), status: 'reported' };
}

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('rotation playlist', () => {
  it('reads the playlist, dwell per step and region per step from config', () => {
    expect(playlistOf(rotating).map((s) => [s.screen, s.dwellMs, s.region])).toEqual([
      ['economy', 20_000, null],
      ['economy', 10_000, '410300'],
      ['emergency', 20_000, null],
    ]);
    // Without a playlist: every screen at intervalSec.
    expect(playlistOf(testConfig({ screens: twoScreens, rotation: { enabled: true, intervalSec: 15 } })).map((s) => [s.screen, s.dwellMs])).toEqual([
      ['economy', 15_000],
      ['emergency', 15_000],
    ]);
  });

  it('steps through the playlist, pauses on a key with a visible mark and resumes after the idle time', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-20T02:00:00Z') });
    installWallStore('t1');
    const { tree, store } = renderWithRuntime(<Wall />, { config: rotating });
    render(tree);
    expect(store.getState().screen).toBe('economy');
    act(() => void vi.advanceTimersByTime(20_000));
    expect([store.getState().screen, store.getState().region, store.getState().filters]).toEqual(['economy', '410300', { indicator: 'retail' }]);
    act(() => void vi.advanceTimersByTime(10_000));
    expect([store.getState().screen, store.getState().region]).toEqual(['emergency', '410000']);
    expect(store.getState().filters).toEqual({});

    // A key: paused, the mark says so, nothing moves for the dwell.
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' })));
    expect(screen.getByTestId('rotation-paused').textContent).toContain('轮播已暂停');
    act(() => void vi.advanceTimersByTime(25_000));
    expect(store.getState().screen).toBe('emergency');
    // 30 s after the key: the rotation goes on with the next step.
    act(() => void vi.advanceTimersByTime(5_000));
    expect(store.getState().screen).toBe('economy');
    expect(screen.queryByTestId('rotation-paused')).toBeNull();
  });

  it('keeps its position in localStorage: a new page resumes the step it was on', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-20T02:00:00Z') });
    installWallStore('t2');
    wallStore()
      .getState()
      .setStep(2, Date.now() - 5_000);
    const saved = localStorage.getItem('t2');
    expect(saved).toContain('"step":2');
    // "Reload": a new store from what the last one saved, and the view (from the URL) on that step.
    installWallStore('t2');
    expect(wallStore().getState().step).toBe(2);
    const { tree, store } = renderWithRuntime(<Wall />, { config: rotating, view: { screen: 'emergency' } });
    render(tree);
    // 15 s left of the 20 s dwell, then the first step again.
    act(() => void vi.advanceTimersByTime(14_000));
    expect(store.getState().screen).toBe('emergency');
    act(() => void vi.advanceTimersByTime(1_000));
    expect(store.getState().screen).toBe('economy');
    expect(wallStore().getState().step).toBe(0);
  });
});

describe('alert takeover', () => {
  it('matches values, lists and comparisons', () => {
    expect(matchesRule({ when: { severity: 1 } }, { severity: 1 })).toBe(true);
    expect(matchesRule({ when: { severity: 1 } }, { severity: 2 })).toBe(false);
    expect(matchesRule({ when: { severity: [1, 2], type: 'fire' } }, { severity: 2, type: 'fire' })).toBe(true);
    expect(matchesRule({ when: { value: { gt: 6 } } }, { value: 6 })).toBe(false);
    expect(matchesRule({ when: { value: { gte: 6, lt: 7 } } }, { value: 6.5 })).toBe(true);
    expect(matchesRule({ when: { status: { ne: 'closed' } } }, { status: 'closed' })).toBe(false);
    expect(matchesRule({ when: { severity: 1 } }, {})).toBe(false);
  });

  it('ignores records older than maxAgeSec', () => {
    const now = Date.parse('2026-11-20T02:00:00Z');
    expect(takeoverItem(rule, incident('a', 1, now - 16 * 60_000), now)).toBeNull();
    expect(takeoverItem(rule, incident('a', 1, now - 60_000), now)?.text).toBe('事件 a');
  });

  it('takes the wall to the screen and region of a new red incident, queues the next one, and returns to rotation', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-20T02:00:00Z') });
    installWallStore('t3');
    const t = Date.now();
    const backfill = [incident('old-red', 1, t - 60_000), incident('b', 3, t - 30_000)];
    const { tree, store } = renderWithRuntime(<FedWall initial={backfill} />, { config: rotating });
    render(tree);
    // What the stream had before the wall watched is history: no takeover.
    expect(screen.queryByTestId('takeover')).toBeNull();
    const first = [incident('red-1', 1, t), ...backfill];
    pushRecords(first);
    const current = () => (wallStore().getState().active?.key ?? null) as string | null;
    // The wall is on the incident's screen and county.
    expect([store.getState().screen, store.getState().region]).toEqual(['emergency', '410324']);
    expect(current()).toBe('red|red-1');
    expect(screen.getByTestId('takeover').textContent).toContain('事件 red-1');
    expect(screen.getByTestId('takeover').textContent).toContain('region 410324');
    pushRecords([incident('red-2', 1, t + 1000), ...first]);
    expect(current()).toBe('red|red-1');
    expect(screen.getByTestId('takeover-queued').textContent).toContain('1');
    // Held: the dwell passes, nothing rotates.
    act(() => void vi.advanceTimersByTime(25_000));
    expect(current()).toBe('red|red-1');
    // A key acknowledges: the second one comes up; it does not pause the rotation.
    act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' })));
    expect(current()).toBe('red|red-2');
    expect(wallStore().getState().paused).toBe(false);
    // The timeout acknowledges the second: back to the rotation's step.
    act(() => void vi.advanceTimersByTime(60_000));
    expect(current()).toBeNull();
    expect(screen.queryByTestId('takeover')).toBeNull();
    expect([store.getState().screen, store.getState().region]).toEqual(['economy', '410000']);
    expect(wallStore().getState().handled).toEqual(['red|red-1', 'red|red-2']);
    acknowledge(rotating, '410000');
  });
});

describe('wall store', () => {
  it('raises a key once, bounds the queue and reads saved state tolerantly', () => {
    const s = createWallStore();
    const item = (key: string) => ({ key, rule: 'r', recordId: key, screen: 'x', panel: null, region: null, text: key, level: 1, at: null, raisedAt: 0 });
    expect(s.getState().raise(item('a'), 2, 0)).toBe(true);
    expect(s.getState().raise(item('a'), 2, 0)).toBe(false);
    for (const k of ['b', 'c', 'd']) s.getState().raise(item(k), 2, 0);
    expect(s.getState().queue.map((q) => q.key)).toEqual(['c', 'd']);
    expect(s.getState().acknowledge(1)?.key).toBe('c');
    expect(readSaved('{"step":-1,"queue":[{"key":1}],"active":null}')).toEqual({ queue: [] });
    expect(readSaved('not json')).toEqual({});
  });
});

describe('self-healing clock arithmetic', () => {
  it('knows the China-time date and when hh:mm is crossed', () => {
    expect(chinaDay(Date.parse('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(chinaDay(Date.parse('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    const at = (iso: string) => Date.parse(iso);
    // 04:00 China time is 20:00 UTC the day before.
    expect(crossesTime(at('2026-11-20T19:59:50Z'), at('2026-11-20T20:00:05Z'), '04:00')).toBe(true);
    expect(crossesTime(at('2026-11-20T20:00:05Z'), at('2026-11-20T20:00:20Z'), '04:00')).toBe(false);
    // A wall asleep from 03:00 to 09:00 still reloads once it wakes.
    expect(crossesTime(at('2026-11-20T19:00:00Z'), at('2026-11-21T01:00:00Z'), '04:00')).toBe(true);
    expect(crossesTime(at('2026-11-21T01:00:00Z'), at('2026-11-21T01:00:00Z'), '04:00')).toBe(false);
    expect(crossesTime(at('2026-11-21T01:00:00Z'), at('2026-11-20T01:00:00Z'), '04:00')).toBe(false);
  });
});
