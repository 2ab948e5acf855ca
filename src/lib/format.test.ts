import { describe, expect, it } from 'vitest';
import { formatAge, formatDateTime, formatNumber, formatPercentChange, formatWithUnit } from './format';

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
  });

  it('signs changes', () => {
    expect(formatPercentChange(4.83, 'zh-CN')).toBe('+4.8%');
    expect(formatPercentChange(-1.2, 'en')).toBe('−1.2%');
    expect(formatPercentChange(0, 'en')).toBe('0.0%');
  });

  it('formats ages and China-time clocks independent of the host zone', () => {
    expect(formatAge(3 * 60_000, 'zh-CN')).toBe('3 分钟前');
    expect(formatAge(5 * 3600_000, 'en')).toBe('5 h ago');
    expect(formatDateTime(Date.parse('2026-11-20T02:00:00Z'), 'zh-CN')).toBe('2026/11/20 10:00:00');
  });
});
