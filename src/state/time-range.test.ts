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
