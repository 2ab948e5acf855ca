// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { table } from './backtest.ts';

describe('back-test table in docs/analysis.md', () => {
  let fresh = '';
  beforeAll(() => {
    fresh = table();
  }, 60_000);

  it('is what a fresh run of scripts/analysis/backtest.ts writes (so it cannot go stale)', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'analysis.md'), 'utf8');
    const body = doc.slice(doc.indexOf('<!-- backtest:start -->') + '<!-- backtest:start -->'.length, doc.indexOf('<!-- backtest:end -->')).trim();
    expect(body).toBe(fresh);
  });

  it('scores every demo series and the method beats the seasonal naive on the monthly economy ones', () => {
    const rows = fresh
      .split('\n')
      .slice(2)
      .map((r) => r.split('|').map((c) => c.trim()));
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const r of rows.filter((c) => c[2] === 'month')) {
      const [maseEts, maseSnaive] = [Number(r[9]), Number(r[10])];
      expect(maseEts, r[1]).toBeLessThan(maseSnaive);
    }
  });
});
