import type { Pace } from '../analysis/types';
import type { SeriesAnalysis } from '../charts/models/trend';
import type { KpiRecord, RegionMetric } from '../data/contracts/index';
import type { MessageKey } from '../i18n/messages';
import { pickName, term, translate } from '../i18n/translate';
import { formatNumber, formatWithUnit, periodTitle } from '../lib/format';
import type { Locale } from '../lib/locale';
import type { Breach, ForecastBreach } from './alert-model';

/**
 * Insights (pure): a short ranked list of plain-language findings for the
 * region in view, each with its evidence and the panel that shows it.
 * Ranked by score = impact × significance, both in [0, 1] (docs/insights.md).
 * Deterministic: the same inputs give the same list, in both languages.
 */
export type InsightKind = 'breach' | 'warning' | 'pace' | 'mover' | 'spike' | 'break';

export interface Insight {
  /** Stable id: kind + indicator + region (+ period). */
  id: string;
  kind: InsightKind;
  indicator: string;
  region: string;
  /** The panel that shows it (focus target), when one does. */
  panel: string | null;
  impact: number;
  significance: number;
  score: number;
  /** The finding in one sentence. */
  text: string;
  /** Its evidence: value, band or interval, period. */
  evidence: string;
}

export interface InsightInputs {
  locale: Locale;
  /** Region in view and how to name regions. */
  region: string;
  regionLabel: (code: string, short?: boolean) => string;
  /** Headline indicators of the region in view (names, units, targets). */
  kpis: readonly KpiRecord[];
  /** Indicators of the regions below the one in view. */
  metrics: readonly RegionMetric[];
  /** Observed threshold breaches and forecast warnings (the alert panel's rules). */
  breaches: readonly Breach[];
  warnings: readonly ForecastBreach[];
  /** Spikes and trend breaks of the region's own monthly series, per indicator. */
  series: Readonly<Record<string, SeriesAnalysis & { unit?: string | undefined; last?: number | null | undefined }>>;
  /** Pace to the annual target per indicator. */
  paces: ReadonlyMap<string, Pace>;
  /** Which panel shows what: per indicator, and for region comparisons, alerts and headline cards. */
  links: { indicators: Readonly<Record<string, string>>; regions?: string | undefined; alerts?: string | undefined; kpis?: string | undefined };
  /** Only trend breaks and spikes from this period on count (the range in view). */
  since?: string | undefined;
  maxItems?: number;
}

const LEVEL_WEIGHT: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 1, 2: 0.85, 3: 0.6, 4: 0.4 };
/** At most this many findings of one kind, so one kind cannot fill the list. */
const PER_KIND = 2;
const Z80 = 1.2815515655446004;

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf; |error| < 1.5e-7). */
export function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function buildInsights(input: InsightInputs): Insight[] {
  const { locale } = input;
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(key, locale, vars);
  const kpiById = new Map(input.kpis.map((k) => [k.id, k]));
  const nameOf = (id: string) => {
    const k = kpiById.get(id);
    return k ? pickName(k, locale) : id;
  };
  const here = input.regionLabel(input.region, true);
  const panelFor = (indicator: string) => input.links.indicators[indicator] ?? null;
  const digits = (unit: string | undefined, v: number) => (unit === '%' || unit === 'pp' || Math.abs(v) < 1000 ? 1 : 0);
  const withUnit = (v: number | null | undefined, unit: string | undefined) =>
    v === null || v === undefined ? '—' : formatWithUnit(v, unit ?? '', locale, digits(unit, v));
  const out: Insight[] = [];
  const push = (f: Omit<Insight, 'score'>) =>
    out.push({ ...f, impact: clamp01(f.impact), significance: clamp01(f.significance), score: clamp01(f.impact) * clamp01(f.significance) });

  // 1. Observed threshold breaches: impact by warning level; a published figure past its line is certain.
  for (const b of input.breaches) {
    const field = b.field === 'yoy' ? ` ${t('kpi.yoy')}` : '';
    push({
      id: `breach:${b.indicator}:${b.code}:${b.field}`,
      kind: 'breach',
      indicator: b.indicator,
      region: b.code,
      panel: input.links.alerts ?? panelFor(b.indicator),
      impact: LEVEL_WEIGHT[b.level],
      significance: 1,
      text: t('in.breach', {
        region: input.regionLabel(b.code, true),
        indicator: `${nameOf(b.indicator)}${field}`,
        value: formatWithUnit(b.actual, b.unit ?? '', locale, digits(b.unit, b.actual), { signed: b.field === 'yoy' }),
        rule: t(`alert.rule.${b.op}` as MessageKey, { v: formatWithUnit(b.threshold, b.unit ?? '', locale, digits(b.unit, b.threshold)) }),
      }),
      evidence: [b.period ? periodTitle(b.period, locale) : '', term('incident.level', b.level, locale)].filter(Boolean).join(' · '),
    });
  }

  // 2. Forecast warnings: impact by level, a little less for a later month; significance = P(crossing) from the 80 % interval (normal).
  for (const w of input.warnings) {
    const sd = (w.hi80 - w.lo80) / (2 * Z80);
    const z = sd > 0 ? (w.mean - w.threshold) / sd : 0;
    const p = w.op === '>' || w.op === '>=' ? phi(z) : phi(-z);
    push({
      id: `warning:${w.indicator}:${w.code}`,
      kind: 'warning',
      indicator: w.indicator,
      region: w.code,
      panel: input.links.alerts ?? panelFor(w.indicator),
      impact: LEVEL_WEIGHT[w.level] * (1 - 0.1 * (w.leadMonths - 1)),
      significance: p,
      text: t('in.warning', {
        region: input.regionLabel(w.code, true),
        indicator: nameOf(w.indicator),
        at: periodTitle(w.at, locale),
        rule: t(`alert.rule.${w.op}` as MessageKey, { v: withUnit(w.threshold, w.unit) }),
        lead: w.leadMonths,
      }),
      evidence: t('in.warningEvidence', {
        mean: withUnit(w.mean, w.unit),
        lo: withUnit(w.lo80, w.unit),
        hi: withUnit(w.hi80, w.unit),
        last: withUnit(w.last, w.unit),
        lastT: periodTitle(w.lastT, locale),
        p: formatNumber(p * 100, locale, 0),
      }),
    });
  }

  // 3. Pace to target: impact grows with the forecast shortfall; significance from the verdict (80 % interval clear of the target or not).
  for (const [id, p] of [...input.paces].sort((a, b) => a[0].localeCompare(b[0]))) {
    const k = kpiById.get(id);
    if (!k || !p.target) continue;
    const year = p.atForecast ?? p.atCurrentPace;
    const gap = year / p.target - 1;
    const impact = p.onTrack === 'yes' ? 0.2 : 0.4 + Math.min(0.6, Math.abs(gap) * 10);
    const significance = p.onTrack === 'uncertain' ? 0.5 : 0.9;
    const unit = k.unit;
    push({
      id: `pace:${id}:${k.region}`,
      kind: 'pace',
      indicator: id,
      region: k.region,
      panel: input.links.kpis ?? panelFor(id),
      impact,
      significance,
      text: t(`in.pace.${p.onTrack}` as MessageKey, { region: here, indicator: nameOf(id) }),
      evidence:
        p.atForecast !== null && p.forecastLo !== null && p.forecastHi !== null
          ? t('in.paceEvidence', {
              pace: withUnit(p.atCurrentPace, unit),
              target: withUnit(p.target, unit),
              mean: withUnit(p.atForecast, unit),
              lo: withUnit(p.forecastLo, unit),
              hi: withUnit(p.forecastHi, unit),
            })
          : t('an.pace', { pace: withUnit(p.atCurrentPace, unit), target: withUnit(p.target, unit) }),
    });
  }

  // 4. Movers: per indicator, the region below whose YoY change stands out most from its siblings (robust z);
  //    impact = distance from the region in view's own YoY (10 pp = 1); significance = 2Φ(|z|) − 1. Flows say their share of the increment.
  const byIndicator = new Map<string, RegionMetric[]>();
  for (const m of input.metrics) {
    if (m.yoy === null || m.yoy === undefined || !Number.isFinite(m.yoy)) continue;
    const list = byIndicator.get(m.indicator);
    if (list) list.push(m);
    else byIndicator.set(m.indicator, [m]);
  }
  for (const [indicator, list] of [...byIndicator].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (list.length < 4) continue;
    const ys = list.map((m) => m.yoy as number);
    const med = median(ys);
    const mad = median(ys.map((y) => Math.abs(y - med))) * 1.4826;
    if (!(mad > 0)) continue;
    let top: RegionMetric | null = null;
    let topZ = 0;
    for (const m of [...list].sort((a, b) => a.code.localeCompare(b.code))) {
      const z = ((m.yoy as number) - med) / mad;
      if (Math.abs(z) > Math.abs(topZ)) {
        top = m;
        topZ = z;
      }
    }
    if (!top || Math.abs(topZ) < 2) continue;
    const own = kpiById.get(indicator);
    const rate = top.unit === '%';
    const changeUnit = rate ? 'pp' : '%';
    const base = own?.yoy ?? med;
    const diff = (top.yoy as number) - base;
    // Share of the increment (flows and stocks: value − value / (1 + yoy)); not for rates.
    let share: number | null = null;
    if (!rate) {
      const inc = (m: RegionMetric) => (m.value !== null && m.yoy !== null && m.yoy !== undefined ? m.value - m.value / (1 + m.yoy / 100) : 0);
      const total = list.reduce((a, m) => a + inc(m), 0);
      if (total > 0) share = inc(top) / total;
    }
    push({
      id: `mover:${indicator}:${top.code}`,
      kind: 'mover',
      indicator,
      region: top.code,
      panel: input.links.regions ?? panelFor(indicator),
      impact: Math.abs(diff) / 10,
      significance: 2 * phi(Math.abs(topZ)) - 1,
      text: t(topZ > 0 ? 'in.moverUp' : 'in.moverDown', {
        region: input.regionLabel(top.code, true),
        indicator: nameOf(indicator),
        yoy: formatWithUnit(top.yoy as number, changeUnit, locale, 1, { signed: true }),
        here,
        diff: formatWithUnit(Math.abs(diff), 'pp', locale, 1),
      }),
      evidence: [
        top.period ? periodTitle(top.period, locale) : '',
        t('in.moverMedian', { median: formatWithUnit(med, changeUnit, locale, 1, { signed: true }), n: list.length }),
        share !== null && share > 0 ? t('in.moverShare', { here, share: formatNumber(share * 100, locale, 0) }) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    });
  }

  // 5–6. Spikes and trend breaks of the region's own series.
  for (const [indicator, a] of Object.entries(input.series).sort((x, y) => x[0].localeCompare(y[0]))) {
    const unit = a.unit ?? kpiById.get(indicator)?.unit;
    if (a.spikes?.ok) {
      const recent = a.spikes.spikes.filter((s) => !input.since || s.t >= input.since);
      const latest = recent[recent.length - 1];
      if (latest) {
        push({
          id: `spike:${indicator}:${input.region}:${latest.t}`,
          kind: 'spike',
          indicator,
          region: input.region,
          panel: panelFor(indicator),
          impact: Math.abs(latest.score) / 10,
          significance: 1,
          text: t('in.spike', {
            region: here,
            indicator: nameOf(indicator),
            period: periodTitle(latest.t, locale),
            kind: t(latest.direction === 'up' ? 'an.spikeUp' : 'an.spikeDown'),
          }),
          evidence: t('an.spikeTip', {
            kind: t(latest.direction === 'up' ? 'an.spike' : 'an.spikeLow'),
            value: withUnit(latest.y, unit),
            lo: withUnit(latest.lo, unit),
            hi: withUnit(latest.hi, unit),
          }),
        });
      }
    }
    if (a.changepoints?.ok) {
      const recent = a.changepoints.changepoints.filter((c) => !input.since || c.t >= input.since);
      const cp = recent[recent.length - 1];
      if (cp) {
        const level = Math.max(Math.abs(cp.before), Math.abs(a.last ?? 0), 1e-9);
        // Level shift relative to the level (a lasting shift weighs 1.5× a one-off YoY gap of the same size: 6.7 % = 1);
        // slope change as its 12-month effect relative to the level, the same way.
        const rel =
          cp.kind === 'level' ? Math.abs(cp.after - cp.before) / level : (Math.abs(cp.after - cp.before) * 12) / Math.max(Math.abs(a.last ?? 0), 1e-9);
        const breakUnit = cp.kind === 'level' ? unit : undefined;
        push({
          id: `break:${indicator}:${input.region}:${cp.t}`,
          kind: 'break',
          indicator,
          region: input.region,
          panel: panelFor(indicator),
          impact: unit === '%' && cp.kind === 'level' ? Math.abs(cp.after - cp.before) / 2 : rel * 15,
          significance: 1 - cp.pValue,
          text: t(cp.after > cp.before ? 'in.breakUp' : 'in.breakDown', { region: here, indicator: nameOf(indicator), period: periodTitle(cp.t, locale) }),
          evidence: t(cp.kind === 'level' ? 'in.breakLevel' : 'in.breakSlope', {
            before: breakUnit ? withUnit(cp.before, breakUnit) : formatNumber(cp.before, locale, 2),
            after: breakUnit ? withUnit(cp.after, breakUnit) : formatNumber(cp.after, locale, 2),
            change: cp.before !== 0 ? formatWithUnit((cp.after / cp.before - 1) * 100, '%', locale, 1, { signed: true }) : '—',
            p: cp.pValue < 0.001 ? 'p < 0.001' : `p = ${formatNumber(cp.pValue, locale, 3)}`,
          }),
        });
      }
    }
  }

  return rank(out, input.maxItems ?? 6);
}

/** Highest score first (ties: kind order, then id); at most PER_KIND of a kind; at most `max`. */
export function rank(findings: readonly Insight[], max: number): Insight[] {
  const order: readonly InsightKind[] = ['breach', 'warning', 'pace', 'break', 'spike', 'mover'];
  const sorted = [...findings].sort((a, b) => b.score - a.score || order.indexOf(a.kind) - order.indexOf(b.kind) || a.id.localeCompare(b.id));
  const perKind = new Map<InsightKind, number>();
  const out: Insight[] = [];
  for (const f of sorted) {
    if (out.length >= max) break;
    const n = perKind.get(f.kind) ?? 0;
    if (n >= PER_KIND) continue;
    perKind.set(f.kind, n + 1);
    out.push(f);
  }
  return out;
}
