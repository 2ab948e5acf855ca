// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const doc = () => readFileSync(join(ROOT, 'docs', 'analysis.md'), 'utf8');

describe('back-test table in docs/analysis.md', () => {
  it('is what a fresh run of scripts/analysis/backtest.ts writes (--check), so it cannot go stale', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'analysis', 'backtest.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('back-test table is current');
  }, 180_000);

  it('scores every demo series, and the method beats the seasonal naive on each monthly one', () => {
    const text = doc();
    const body = text.slice(text.indexOf('<!-- backtest:start -->'), text.indexOf('<!-- backtest:end -->'));
    const rows = body
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| series') && !l.startsWith('| ---'))
      .map((r) => r.split('|').map((c) => c.trim()));
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const r of rows.filter((c) => c[2] === 'month')) expect(Number(r[9]), r[1]).toBeLessThan(Number(r[10]));
  });
});
