// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ageOf, ageReason, deriveFreshness } from './freshness';

const base = { hasData: true, lastGoodAt: 1_000, failed: false, staleAfterMs: 60_000, now: 2_000 };

describe('deriveFreshness', () => {
  it.each([
    ['ready when current', base, 'ready'],
    ['loading before anything', { ...base, hasData: false, lastGoodAt: null }, 'loading'],
    ['stale when older than the threshold', { ...base, now: 1_000 + 60_001 }, 'stale'],
    ['stale when a refresh failed but data is shown', { ...base, failed: true, failureKind: 'http' }, 'stale'],
    ['offline on a network failure, with data', { ...base, failed: true, failureKind: 'network' }, 'offline'],
    ['offline on a network failure, without data', { ...base, hasData: false, failed: true, failureKind: 'network' }, 'offline'],
    ['error when failed with nothing to show', { ...base, hasData: false, failed: true, failureKind: 'parse' }, 'error'],
    ['stale when data has no good time', { ...base, lastGoodAt: null }, 'stale'],
    ['ready when the good time is in the future (clock skew)', { ...base, lastGoodAt: 10_000 }, 'ready'],
    ['falls back to 15 min for a nonsense threshold', { ...base, staleAfterMs: Number.NaN, now: 1_000 + 10 * 60_000 }, 'ready'],
    ['… and is stale after it', { ...base, staleAfterMs: 0, now: 1_000 + 16 * 60_000 }, 'stale'],
  ] as const)('%s', (_name, input, expected) => {
    expect(deriveFreshness(input)).toBe(expected);
  });

  it('explains age-based staleness in plain words', () => {
    expect(ageOf(1_000, 500)).toBe(0);
    expect(ageOf(Number.NaN, 500)).toBeNull();
    expect(ageReason('stale', 0, 5 * 60_000)).toBe('no new data for 5 min');
    expect(ageReason('ready', 0, 5 * 60_000)).toBeNull();
  });
});
