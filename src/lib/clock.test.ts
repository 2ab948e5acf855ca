import { describe, expect, it } from 'vitest';
import { anchoredClock, clock, parseInstant, resetClock, setClock } from './clock';

describe('clock', () => {
  it('lets demo and tests pin time', () => {
    let real = 1_000;
    const base = { now: () => real };
    setClock(anchoredClock(Date.parse('2026-11-20T02:00:00Z'), 1, base));
    expect(clock.now()).toBe(Date.parse('2026-11-20T02:00:00Z'));
    real += 5_000;
    expect(clock.now()).toBe(Date.parse('2026-11-20T02:00:05Z'));
    setClock(anchoredClock(0, 0, base));
    real += 5_000;
    expect(clock.now()).toBe(0);
    resetClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(50);
  });

  it('parses only ISO instants', () => {
    expect(parseInstant('2026-11-20T10:00:00+08:00')).toBe(Date.parse('2026-11-20T02:00:00Z'));
    expect(parseInstant('next tuesday')).toBeNull();
    expect(parseInstant('')).toBeNull();
  });
});
