import { render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config/schema';
import { adapters } from '../data/adapters/registry';
import { panelConfigContext } from '../panels/registry';
import { ErrorScreen } from './error-screen';

/** The shipped config, edited: the real panel registry and adapters judge it, as at start-up. */
function shipped(): { datasets: Record<string, unknown>; screens: { id: string; panels: Record<string, unknown>[] }[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(process.cwd(), 'public/config.json'), 'utf8'));
}
const context = { ...panelConfigContext(), adapters };

function issuesOf(raw: unknown) {
  try {
    parseConfig(raw, context);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('config was accepted');
}

describe('panels declare the contracts of their datasets', () => {
  it('accepts the shipped config', () => {
    expect(() => parseConfig(shipped(), context)).not.toThrow();
  });

  it('rejects a trend panel bound to a kpi dataset, naming panel, dataset and both contracts on the error screen', () => {
    const raw = shipped();
    const economy = raw.screens.find((s) => s.id === 'economy');
    const trend = economy?.panels.find((p) => p.id === 'retail-trend');
    if (!trend) throw new Error('fixture: the economy screen has a retail-trend panel');
    trend.dataset = 'economy-kpis';
    const error = issuesOf(raw);
    expect(error.issues).toHaveLength(1);
    render(<ErrorScreen error={error} locale="zh-CN" />);
    const row = screen.getByText(/retail-trend/).closest('tr');
    expect(row?.textContent).toContain('dataset');
    expect(row?.textContent).toContain('"retail-trend" (trend)');
    expect(row?.textContent).toContain('"economy-kpis"');
    expect(row?.textContent).toContain('"series"');
    expect(row?.textContent).toContain('"kpi"');
  });

  it('rejects a missing required dataset and an unknown slot', () => {
    const raw = shipped();
    const panels = raw.screens.find((s) => s.id === 'economy')?.panels ?? [];
    const gauge = panels.find((p) => p.type === 'gauge');
    const ranking = panels.find((p) => p.type === 'ranking');
    if (!gauge || !ranking) throw new Error('fixture');
    delete gauge.dataset;
    ranking.datasets = { kpi: 'economy-kpis', names: 'economy-kpis' };
    const messages = issuesOf(raw)
      .issues.map((i) => `${i.path}: ${i.message}`)
      .sort((a, b) => (a.includes('gauge') ? -1 : b.includes('gauge') ? 1 : 0));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/\.dataset: panel "budget-gauge" \(gauge\) needs a "kpi" dataset here/);
    expect(messages[1]).toMatch(/\.datasets\.names: panel type "ranking" has no dataset slot "names" \(slots: kpi\)/);
  });

  it('rejects grid tracks in pixels (they would not scale with the wall)', () => {
    const raw = shipped();
    const economy = raw.screens.find((s) => s.id === 'economy') as unknown as { grid: { columns: string } };
    economy.grid.columns = '440px 290u 1fr 440u';
    const [issue] = issuesOf(raw).issues;
    expect(issue?.path).toBe(`screens[${raw.screens.findIndex((s) => s.id === 'economy')}].grid.columns`);
    expect(issue?.message).toContain('"440px" is in pixels');
  });
});
