import { afterEach, describe, expect, it } from 'vitest';
import { cumulativePeriod, formatDateTime, formatInstant, parsePeriod, periodTick, periodTitle } from './format-time';

// 2026-11-20T16:30:05Z is 00:30:05 on 21 November in China: a formatter that used the machine's zone would say the 20th.
const NEAR_MIDNIGHT = Date.parse('2026-11-20T16:30:05Z');
const MIDNIGHT = Date.parse('2026-11-20T16:00:00Z');

describe('instants in China time', () => {
  it('formats date-times with and without seconds', () => {
    expect(formatDateTime(NEAR_MIDNIGHT, 'zh-CN')).toBe('2026/11/21 00:30:05');
    expect(formatDateTime(NEAR_MIDNIGHT, 'en')).toBe('21/11/2026, 00:30:05');
    expect(formatDateTime(NEAR_MIDNIGHT, 'zh-CN', false)).toBe('2026/11/21 00:30');
    expect(formatDateTime(Date.parse('2026-11-20T02:00:00Z'), 'zh-CN')).toBe('2026/11/20 10:00:00');
    // Midnight is 00, never 24.
    expect(formatDateTime(MIDNIGHT, 'zh-CN')).toBe('2026/11/21 00:00:00');
    expect(formatInstant(MIDNIGHT, 'time', 'en')).toBe('00:00');
    expect(formatInstant(NEAR_MIDNIGHT, 'day', 'zh-CN')).toBe('2026年11月21日');
    expect(formatInstant(Number.NaN, 'day', 'zh-CN')).toBe('—');
  });

  describe('whatever the machine’s time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it.each(['UTC', 'America/Los_Angeles', 'Asia/Kolkata'])('holds with TZ=%s', (zone) => {
      process.env.TZ = zone;
      // The zone really changed for Date (China time is UTC+8; these are not).
      expect(new Date(NEAR_MIDNIGHT).getHours()).not.toBe(0);
      expect(formatDateTime(NEAR_MIDNIGHT, 'zh-CN')).toBe('2026/11/21 00:30:05');
      expect(formatDateTime(NEAR_MIDNIGHT, 'en')).toBe('21/11/2026, 00:30:05');
      expect(periodTitle('2026-11-21T00', 'zh-CN')).toBe('2026年11月21日 0时');
      expect(periodTick('2026-11-01', 'en')).toBe('1 Nov');
      expect(cumulativePeriod('2026-01', 'en')).toBe('Jan 2026');
    });
  });
});

describe('statistical periods', () => {
  it('names months, days, hours, quarters and years', () => {
    expect(periodTitle('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(periodTitle('2026-11', 'en')).toBe('Nov 2026');
    expect(periodTitle('2026-10-31', 'zh-CN')).toBe('2026年10月31日');
    expect(periodTitle('2026-10-31', 'en')).toBe('31 Oct 2026');
    expect(periodTitle('2026-10-31T08', 'zh-CN')).toBe('2026年10月31日 8时');
    expect(periodTitle('2026-10-31T08', 'en')).toBe('31 Oct 2026, 08:00');
    expect(periodTitle('2026-Q3', 'zh-CN')).toBe('2026年第3季度');
    expect(periodTitle('2026-Q3', 'en')).toBe('Q3 2026');
    expect(periodTitle('2026', 'zh-CN')).toBe('2026年');
    expect(periodTitle('2026', 'en')).toBe('2026');
  });

  it('keeps what is not a period as given', () => {
    expect(periodTitle('2026-13', 'zh-CN')).toBe('2026-13');
    expect(periodTitle('本月', 'en')).toBe('本月');
    expect(parsePeriod('2026-10-31T24')).toBeNull();
  });

  it('writes cumulative months as bureaus publish them', () => {
    expect(cumulativePeriod('2026-10', 'zh-CN')).toBe('2026年1-10月');
    expect(cumulativePeriod('2026-10', 'en')).toBe('Jan–Oct 2026');
    expect(cumulativePeriod('2026-10', 'zh-CN', false)).toBe('1-10月');
    expect(cumulativePeriod('2026-10', 'en', false)).toBe('Jan–Oct');
    expect(cumulativePeriod('2026-01', 'zh-CN')).toBe('2026年1月');
    expect(cumulativePeriod('2026-01', 'en', false)).toBe('Jan');
    expect(cumulativePeriod('2026-10-31', 'en')).toBe('31 Oct 2026');
  });

  it('labels axis ticks short; January shows the year', () => {
    expect(periodTick('2026-10', 'zh-CN')).toBe('10月');
    expect(periodTick('2026-10', 'en')).toBe('Oct');
    expect(periodTick('2026-01', 'zh-CN')).toBe('2026年');
    expect(periodTick('2026-01', 'en')).toBe('2026');
    expect(periodTick('2026-10-31', 'zh-CN')).toBe('10/31');
    expect(periodTick('2026-10-31', 'en')).toBe('31 Oct');
    expect(periodTick('2026-10-31T14', 'zh-CN')).toBe('14时');
    expect(periodTick('2026-10-31T14', 'en')).toBe('14:00');
    expect(periodTick('2026-Q2', 'en')).toBe('Q2');
  });
});
