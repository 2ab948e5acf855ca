import { describe, expect, it } from 'vitest';
import type { ProjectRow } from '../data/contracts/index';
import { evaluateRules, matchRegion, orderBreaches } from './alert-model';
import { alertListOptions, alertRule, tableOptions } from './catalog/economy-options';
import { henan } from './panel-test-utils';
import { locationCode, rowsInRegion, safeHref, sortRows, visibleRange } from './table-model';

describe('alert rules', () => {
  const rule = (r: Record<string, unknown>) => alertRule.parse(r);

  it('matches region patterns digit by digit', () => {
    expect(matchRegion('4103..', '410323')).toBe(true);
    expect(matchRegion('4103..', '410423')).toBe(false);
    expect(matchRegion('410000', '410000')).toBe(true);
  });

  it('fires on the value or the YoY change, never on a gap', () => {
    const metrics = [
      { code: '410600', indicator: 'unemployment', value: 5.8, yoy: 0.2 },
      { code: '410100', indicator: 'unemployment', value: null, yoy: null },
      { code: '410100', indicator: 'budget', value: 800, yoy: -1.5, unit: '亿元' },
    ];
    const hits = evaluateRules(
      [rule({ indicator: 'unemployment', op: '>', value: 5.5, level: 2 }), rule({ indicator: 'budget', field: 'yoy', op: '<', value: 0, level: 3 })],
      metrics,
    );
    expect(hits.map((h) => `${h.code}:${h.indicator}:${h.level}`)).toEqual(['410600:unemployment:2', '410100:budget:3']);
    expect(hits[1]?.unit).toBe('%');
  });

  it('applies a rule only to the regions it names', () => {
    const metrics = [
      { code: '410323', indicator: 'unemployment', value: 6 },
      { code: '410100', indicator: 'unemployment', value: 6 },
    ];
    const hits = evaluateRules([rule({ indicator: 'unemployment', op: '>=', value: 6, level: 2, regions: ['4103..'] })], metrics);
    expect(hits.map((h) => h.code)).toEqual(['410323']);
  });

  it('orders newest first, then by level', () => {
    const hits = evaluateRules(
      [rule({ id: 'a', indicator: 'x', op: '>', value: 0, level: 3 }), rule({ id: 'b', indicator: 'y', op: '>', value: 0, level: 1 })],
      [
        { code: '410100', indicator: 'x', value: 1, period: '2026-10' },
        { code: '410100', indicator: 'y', value: 1, period: '2026-10' },
        { code: '410300', indicator: 'x', value: 1, period: '2026-10' },
      ],
    );
    const seen = new Map([['a|410300', 5000]]);
    expect(orderBreaches(hits, seen).map((h) => h.key)).toEqual(['a|410300', 'b|410100', 'a|410100']);
  });

  it('rejects options that are not data (unknown keys, bad patterns, prototype keys)', () => {
    expect(() => alertListOptions.parse({ rules: [{ indicator: 'gdp', op: '>', value: 1, level: 5 }] })).toThrow();
    expect(() => alertListOptions.parse({ rules: [{ indicator: 'gdp', op: '>', value: 1, level: 1, regions: ['41*'] }] })).toThrow();
    expect(() => alertListOptions.parse({ rules: [], formatter: '{b}' })).toThrow();
    expect(() => tableOptions.parse(JSON.parse('{"__proto__": {"x": 1}}'))).toThrow();
  });
});

describe('key projects table model', () => {
  const rows: ProjectRow[] = [
    { id: 'a', name: '甲', region: '410103', industry: '电子信息', status: 'on_track', investmentPlan: 100, investmentDone: 80, unit: '亿元' },
    { id: 'b', name: '乙', region: '410323', industry: '现代化工', status: 'stopped', investmentPlan: 50, investmentDone: 5, unit: '亿元' },
    { id: 'c', name: '丙', region: '410300', industry: '新材料', status: 'delayed', investmentPlan: 0, investmentDone: 0, unit: '亿元' },
  ];

  it('keeps the rows inside the region in view', () => {
    expect(rowsInRegion(rows, '410300', henan).map((r) => r.id)).toEqual(['b', 'c']);
    expect(rowsInRegion(rows, '410000', henan, ['stopped']).map((r) => r.id)).toEqual(['b']);
  });

  it('names a row by the level below the region in view', () => {
    expect(locationCode('410323', '410000', henan)).toBe('410300');
    expect(locationCode('410323', '410300', henan)).toBe('410323');
  });

  it('sorts problems first by status and puts gaps last', () => {
    const label = (c: string) => c;
    expect(sortRows(rows, 'status', 'desc', label, 'zh-CN').map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, 'progress', 'asc', label, 'zh-CN').map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('renders only http(s) and relative links', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('//evil.example/x')).toBeNull();
    expect(safeHref('https://intranet.example/p/1')).toBe('https://intranet.example/p/1');
    expect(safeHref('/projects/1')).toBe('/projects/1');
  });

  it('windows rows around the scroll position', () => {
    expect(visibleRange(0, 200, 40, 1000)).toEqual({ start: 0, end: 9 });
    expect(visibleRange(4000, 200, 40, 1000)).toEqual({ start: 96, end: 109 });
    expect(visibleRange(0, 200, 40, 0)).toEqual({ start: 0, end: 0 });
  });
});
