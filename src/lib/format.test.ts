import { describe, expect, it } from 'vitest';
import { compactUnit, formatAge, formatDateTime, formatNumber, formatPercentChange, formatWithUnit, pickText, unitLabel } from './format';

describe('number formatting', () => {
  it('groups thousands and shows gaps as a dash, never 0', () => {
    expect(formatNumber(61234.4, 'zh-CN')).toBe('61,234');
    expect(formatNumber(5.25, 'en', 1)).toBe('5.3');
    expect(formatNumber(null, 'zh-CN')).toBe('—');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
  });

  it('puts Chinese units after the number and translates them in English', () => {
    expect(formatWithUnit(1234.5, '亿元', 'zh-CN', 1)).toBe('1,234.5 亿元');
    expect(formatWithUnit(1234.5, '亿元', 'en', 1)).toBe('1,234.5 100M CNY');
    expect(formatWithUnit(5.2, '%', 'zh-CN', 1)).toBe('5.2%');
    expect(formatWithUnit(null, '亿元', 'zh-CN', 1)).toBe('—');
    expect(formatWithUnit(3, '吨标煤', 'en', 0)).toBe('3 吨标煤');
  });

  it('writes percentage points as Chinese readers do, and signs changes on request', () => {
    expect(formatWithUnit(0.3, 'pp', 'zh-CN', 1)).toBe('0.3个百分点');
    expect(formatWithUnit(0.3, 'pp', 'en', 1)).toBe('0.3 pp');
    expect(formatWithUnit(-0.3, 'pp', 'zh-CN', 1, { signed: true })).toBe('−0.3个百分点');
    expect(formatWithUnit(1234.5, '亿元', 'en', 1, { signed: true })).toBe('+1,234.5 100M CNY');
    expect(unitLabel('pp', 'zh-CN')).toBe('个百分点');
  });

  it('has compact units for cards and headers, else the unit label', () => {
    expect(compactUnit('亿元', 'en')).toBe('¥100M');
    expect(compactUnit('亿元', 'zh-CN')).toBe('亿元');
    expect(compactUnit('件', 'en')).toBe('cases');
    expect(compactUnit('%', 'en')).toBe('%');
    expect(unitLabel('constructor', 'en')).toBe('constructor');
  });

  it('reads the field of a { zh, en } pair for a locale', () => {
    expect(pickText({ zh: '甲', en: 'A' }, 'zh-CN')).toBe('甲');
    expect(pickText({ zh: '甲', en: 'A' }, 'en')).toBe('A');
  });

  it('signs changes', () => {
    expect(formatPercentChange(4.83, 'zh-CN')).toBe('+4.8%');
    expect(formatPercentChange(-1.2, 'en')).toBe('−1.2%');
    expect(formatPercentChange(0, 'en')).toBe('0.0%');
  });

  it('formats ages and China-time clocks independent of the host zone', () => {
    expect(formatAge(3 * 60_000, 'zh-CN')).toBe('3 分钟前');
    expect(formatAge(5 * 3600_000, 'en')).toBe('5 h ago');
    expect(formatAge(30_000, 'en')).toBe('30 s ago');
    expect(formatAge(3 * 86400_000, 'zh-CN')).toBe('3 天前');
    expect(formatDateTime(Date.parse('2026-11-20T02:00:00Z'), 'zh-CN')).toBe('2026/11/20 10:00:00');
  });
});

describe('counts', () => {
  it('shows whole counts without decimals, whatever their size', () => {
    expect(formatWithUnit(27, '起', 'zh-CN')).toBe('27 起');
    expect(formatWithUnit(35, '件', 'zh-CN')).toBe('35 件');
    expect(formatWithUnit(2.5, '起', 'zh-CN')).toBe('2.5 起');
    // Not a count: a level keeps its decimal.
    expect(formatWithUnit(253, '亿元', 'zh-CN')).toBe('253.0 亿元');
  });
});
