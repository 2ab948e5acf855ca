import { describe, expect, it } from 'vitest';
import { addMonths, monthOf, resolveRange } from './time-range';

describe('time ranges', () => {
  it('ends relative ranges at the last complete month in China time', () => {
    // 2026-11-30 17:00 UTC is already 1 December in Beijing.
    expect(resolveRange('12m', Date.parse('2026-11-30T17:00:00Z'))).toEqual({ from: '2025-12', to: '2026-11' });
    expect(resolveRange('12m', Date.parse('2026-11-30T15:00:00Z'))).toEqual({ from: '2025-11', to: '2026-10' });
  });

  it('handles year boundaries and YTD', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(resolveRange('ytd', Date.parse('2026-11-20T02:00:00Z'))).toEqual({ from: '2026-01', to: '2026-10' });
    expect(resolveRange('24m', Date.parse('2026-01-15T02:00:00Z'))).toEqual({ from: '2024-01', to: '2025-12' });
    expect(monthOf(Date.parse('2026-02-28T16:30:00Z'))).toBe('2026-03');
  });

  it('keeps explicit ranges as given', () => {
    expect(resolveRange({ from: '2024-03', to: '2024-09' }, 0)).toEqual({ from: '2024-03', to: '2024-09' });
  });
});

describe('analyst presets', () => {
  // 20 Nov 2026: the latest complete month is Oct 2026.
  const now = Date.parse('2026-11-20T02:00:00Z');
  it('本月 is the latest published month, 上年同期 the same months a year earlier', () => {
    expect(resolveRange('1m', now)).toEqual({ from: '2026-10', to: '2026-10' });
    expect(resolveRange('ytd', now)).toEqual({ from: '2026-01', to: '2026-10' });
    expect(resolveRange('pytd', now)).toEqual({ from: '2025-01', to: '2025-10' });
  });
  it('in January 上年同期 is January a year earlier', () => {
    // 15 Feb 2026: the latest complete month is Jan 2026.
    expect(resolveRange('pytd', Date.parse('2026-02-15T02:00:00Z'))).toEqual({ from: '2025-01', to: '2025-01' });
  });
});
