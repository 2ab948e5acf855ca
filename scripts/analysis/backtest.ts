#!/usr/bin/env node
/**
 * Rolling-origin back-test of the forecast method on every demo series (issue #10):
 * automatic ETS (src/analysis) against the seasonal naive and the naive forecast, scored by
 * MAPE and MASE (Hyndman & Koehler 2006; scale = in-sample MAE of the seasonal naive).
 *
 *   node scripts/analysis/backtest.ts          → rewrites the table in docs/analysis.md
 *   node scripts/analysis/backtest.ts --print  → prints it
 *   node scripts/analysis/backtest.ts --check  → exit 1 when the doc's table is not a fresh run's
 *
 * Node 24 runs this file directly (type stripping): imports carry their .ts extension.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forecast } from '../../src/analysis/forecast.ts';
import type { TimeSeries } from '../../src/analysis/types.ts';
import { PLANTED, seriesRecords } from '../../mocks/generators/economy.ts';
import { incidentTrend } from '../../mocks/generators/emergency.ts';
import { type RegionLike, RegionTable } from '../../mocks/generators/regions.ts';
import { appealHourly, appealTrend } from '../../mocks/generators/sentiment.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOC = join(ROOT, 'docs', 'analysis.md');
const START = '<!-- backtest:start -->';
const END = '<!-- backtest:end -->';
const SEED = 'henan-demo';
const NOW = Date.parse('2026-11-20T10:00:00+08:00');
const LAST_MONTH = '2026-10';

interface Case {
  name: string;
  series: TimeSeries;
  season: number;
  horizon: number;
  /** Forecast origins: the number of points in the training set at each. */
  origins: number[];
}

function regions(): RegionTable {
  const raw = JSON.parse(readFileSync(join(ROOT, 'public', 'regions', 'henan.index.json'), 'utf8')) as RegionLike[];
  return new RegionTable(raw);
}

const range = (from: number, to: number, step: number) => {
  const out: number[] = [];
  for (let i = from; i <= to; i += step) out.push(i);
  return out;
};

export function cases(): Case[] {
  const table = regions();
  const out: Case[] = [];
  const monthly = (code: string, id: string, label: string) => {
    const recs = seriesRecords(table, code, '2000-01', LAST_MONTH, SEED, [id]);
    const series: TimeSeries = { grain: 'month', t: recs.map((r) => r.t), y: recs.map((r) => r.value) };
    // origins from 36 months of history, every 2 months, 6 months ahead
    out.push({ name: label, series, season: 12, horizon: 6, origins: range(36, series.t.length - 1, 2) });
  };
  for (const [id, label] of [
    ['retail', '社会消费品零售总额 (province, 亿元/month)'],
    ['electricity', '全社会用电量 (province, 亿千瓦时/month)'],
    ['freight', '货运量 (province, 万吨/month)'],
    ['budget', '一般公共预算收入 (province, 亿元/month)'],
    ['tax', '税收收入 (province, 亿元/month)'],
    ['industry', '规上工业增加值增速 (province, %)'],
    ['fai', '固定资产投资增速 (province, %)'],
    ['unemployment', '城镇调查失业率 (province, %)'],
    ['loans', '本外币贷款余额 (province, 亿元)'],
    ['deposits', '本外币存款余额 (province, 亿元)'],
  ] as const)
    monthly('410000', id, label);
  monthly(PLANTED.retailPolicy.region, 'retail', '社会消费品零售总额 (洛阳, 亿元/month; +5 % step 2026-05)');
  monthly(PLANTED.unemploymentRise.region, 'unemployment', '城镇调查失业率 (三门峡, %; climbing from 2025-11)');
  // daily: 90 complete days before the pinned demo clock (the partial current day left out)
  const days = (recs: { t: string; value: number }[]) => {
    const byDay = new Map<string, number>();
    for (const r of recs) byDay.set(r.t, (byDay.get(r.t) ?? 0) + r.value);
    const t = [...byDay.keys()].sort().slice(0, -1);
    return { grain: 'day' as const, t, y: t.map((d) => byDay.get(d) ?? 0) };
  };
  const incidents = days(incidentTrend(table, SEED, NOW, '410000', 90));
  out.push({ name: '突发事件 (province, 起/day)', series: incidents, season: 7, horizon: 7, origins: range(42, incidents.t.length - 1, 3) });
  const appeals = days(appealTrend(table, SEED, NOW, '410000', 90, 'total'));
  out.push({ name: '诉求受理量 (province, 件/day)', series: appeals, season: 7, horizon: 7, origins: range(42, appeals.t.length - 1, 3) });
  // hourly: the last 14 days of appeals, one day ahead from each of the last 4 days
  const hourlyRecs = appealHourly(table, SEED, NOW, '410000', 14 * 24 + 10).slice(0, -1);
  const hourly: TimeSeries = { grain: 'hour', t: hourlyRecs.map((r) => r.t), y: hourlyRecs.map((r) => r.value) };
  out.push({
    name: '诉求受理量 (province, 件/hour)',
    series: hourly,
    season: 24,
    horizon: 24,
    origins: range(hourly.t.length - 4 * 24 - 24, hourly.t.length - 24, 24),
  });
  return out;
}

interface Score {
  mapeEts: number;
  mapeSnaive: number;
  mapeNaive: number;
  maseEts: number;
  maseSnaive: number;
  maseNaive: number;
  forecasts: number;
  refused: number;
  method: string;
  /** Share of held-out points inside the 80 % / 95 % band, %. */
  cover80: number;
  cover95: number;
}

export function score(c: Case): Score {
  const y = c.series.y.map((v) => (v === null ? Number.NaN : v));
  const ape = { ets: [] as number[], snaive: [] as number[], naive: [] as number[] };
  const ase = { ets: [] as number[], snaive: [] as number[], naive: [] as number[] };
  const methods = new Map<string, number>();
  let refused = 0;
  let forecasts = 0;
  let inside80 = 0;
  let inside95 = 0;
  let held = 0;
  for (const n of c.origins) {
    const h = Math.min(c.horizon, y.length - n);
    if (h < 1) continue;
    const train = y.slice(0, n);
    // MASE scale: in-sample MAE of the seasonal naive on the training set
    let sum = 0;
    let cnt = 0;
    for (let i = c.season; i < n; i++) {
      const d = Math.abs((train[i] as number) - (train[i - c.season] as number));
      if (Number.isFinite(d)) {
        sum += d;
        cnt++;
      }
    }
    const scale = cnt ? sum / cnt : Number.NaN;
    const f = forecast({ grain: c.series.grain, t: c.series.t.slice(0, n), y: c.series.y.slice(0, n) }, { horizon: h, season: c.season });
    if (!f.ok) {
      refused++;
      continue;
    }
    forecasts++;
    const label = f.transform === 'log' ? `${f.method} on log` : f.method;
    methods.set(label, (methods.get(label) ?? 0) + 1);
    for (let k = 0; k < h; k++) {
      const actual = y[n + k] as number;
      if (!Number.isFinite(actual)) continue;
      const preds = {
        ets: f.band.mean[k] as number,
        snaive: train[n - c.season + (k % c.season)] as number,
        naive: train[n - 1] as number,
      };
      held++;
      if (actual >= (f.band.lo80[k] as number) && actual <= (f.band.hi80[k] as number)) inside80++;
      if (actual >= (f.band.lo95[k] as number) && actual <= (f.band.hi95[k] as number)) inside95++;
      for (const key of ['ets', 'snaive', 'naive'] as const) {
        const err = Math.abs(actual - preds[key]);
        if (actual !== 0) ape[key].push((100 * err) / Math.abs(actual));
        if (scale > 0) ase[key].push(err / scale);
      }
    }
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
  const method = [...methods.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '—';
  return {
    mapeEts: mean(ape.ets),
    mapeSnaive: mean(ape.snaive),
    mapeNaive: mean(ape.naive),
    maseEts: mean(ase.ets),
    maseSnaive: mean(ase.snaive),
    maseNaive: mean(ase.naive),
    forecasts,
    refused,
    method,
    cover80: held ? (100 * inside80) / held : Number.NaN,
    cover95: held ? (100 * inside95) / held : Number.NaN,
  };
}

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');

export function table(): string {
  const rows = cases().map((c) => {
    const s = score(c);
    const verdict =
      s.maseEts < s.maseSnaive
        ? s.maseEts < s.maseNaive
          ? 'better than both'
          : 'better than seasonal naive'
        : s.maseEts < s.maseNaive
          ? 'better than naive only'
          : 'no better';
    return `| ${c.name} | ${c.series.grain} | ${c.series.t.length} | ${s.forecasts} × ${c.horizon}${s.refused ? ` (${s.refused} refused)` : ''} | ${s.method} | ${f1(s.mapeEts)} | ${f1(s.mapeSnaive)} | ${f1(s.mapeNaive)} | ${f2(s.maseEts)} | ${f2(s.maseSnaive)} | ${f2(s.maseNaive)} | ${verdict} | ${f1(s.cover80)} / ${f1(s.cover95)} |`;
  });
  return [
    '| series | grain | points | origins × horizon | model chosen most | MAPE ETS % | MAPE seasonal naive % | MAPE naive % | MASE ETS | MASE seasonal naive | MASE naive | ETS | inside 80 / 95 % band % |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function docWith(body: string): string {
  const doc = readFileSync(DOC, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOC}: markers ${START} … ${END} not found`);
  return `${doc.slice(0, a + START.length)}\n${body}\n${doc.slice(b)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const body = table();
  if (process.argv.includes('--print')) console.log(body);
  else if (process.argv.includes('--check')) {
    const fresh = docWith(body);
    if (fresh !== readFileSync(DOC, 'utf8')) {
      console.error('docs/analysis.md: the back-test table is stale — run node scripts/analysis/backtest.ts');
      process.exit(1);
    }
    console.log('docs/analysis.md: back-test table is current');
  } else {
    writeFileSync(DOC, docWith(body));
    console.log(`docs/analysis.md: back-test table written (${body.split('\n').length - 2} series)`);
  }
}
