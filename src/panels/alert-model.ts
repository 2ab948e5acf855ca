import type { AlertRule } from './catalog/economy-options';

/**
 * Threshold rules evaluated on region metrics (pure, no DOM). A rule names an
 * indicator, a comparison and a level, and optionally the regions it covers
 * by code pattern ("4103.." = every county of Luoyang).
 */
export interface MetricLike {
  code: string;
  indicator: string;
  value: number | null;
  yoy?: number | null | undefined;
  unit?: string | undefined;
  period?: string | undefined;
}

export interface Breach {
  /** Stable identity of the breach: rule + region (+ indicator/field), to tell new alerts from known ones. */
  key: string;
  ruleId: string;
  level: 1 | 2 | 3 | 4;
  code: string;
  indicator: string;
  field: 'value' | 'yoy';
  op: AlertRule['op'];
  threshold: number;
  actual: number;
  unit: string | undefined;
  period: string | undefined;
  note: AlertRule['note'];
}

/** '.' matches any digit; anything else must match exactly. */
export function matchRegion(pattern: string, code: string): boolean {
  if (pattern.length !== code.length) return false;
  for (let i = 0; i < pattern.length; i++) if (pattern[i] !== '.' && pattern[i] !== code[i]) return false;
  return true;
}

export function ruleIdOf(rule: AlertRule): string {
  return rule.id ?? `${rule.indicator}.${rule.field}${rule.op}${rule.value}@${rule.level}`;
}

export function crosses(actual: number, op: AlertRule['op'], threshold: number): boolean {
  switch (op) {
    case '>':
      return actual > threshold;
    case '>=':
      return actual >= threshold;
    case '<':
      return actual < threshold;
    case '<=':
      return actual <= threshold;
  }
}

/**
 * Every breach of every rule. When several rules fire for the same region,
 * indicator and field, only the most severe is kept (an unemployment rate
 * above both 5.5 and 6.0 is one red alert, not a red and an orange). Gaps
 * never breach anything.
 */
export function evaluateRules(rules: readonly AlertRule[], metrics: readonly MetricLike[]): Breach[] {
  const best = new Map<string, Breach>();
  for (const rule of rules) {
    const id = ruleIdOf(rule);
    for (const m of metrics) {
      if (m.indicator !== rule.indicator) continue;
      if (rule.regions.length && !rule.regions.some((p) => matchRegion(p, m.code))) continue;
      const actual = rule.field === 'yoy' ? (m.yoy ?? null) : m.value;
      if (actual === null || !Number.isFinite(actual) || !crosses(actual, rule.op, rule.value)) continue;
      const slot = `${m.code}|${m.indicator}|${rule.field}`;
      const current = best.get(slot);
      if (current && current.level <= rule.level) continue;
      best.set(slot, {
        key: `${id}|${m.code}`,
        ruleId: id,
        level: rule.level,
        code: m.code,
        indicator: m.indicator,
        field: rule.field,
        op: rule.op,
        threshold: rule.value,
        actual,
        unit: rule.field === 'yoy' ? (m.unit === '%' ? 'pp' : '%') : m.unit,
        period: m.period,
        note: rule.note,
      });
    }
  }
  return [...best.values()];
}

/** How far past its threshold a breach is, relative to the threshold (for ordering within a level). */
export function excess(b: Breach): number {
  const d = Math.abs(b.actual - b.threshold);
  return b.threshold !== 0 ? d / Math.abs(b.threshold) : d;
}

/**
 * Newest first: by when the screen first saw the breach, then by the data
 * period, then the most severe level, then the biggest excess.
 */
export function orderBreaches(breaches: readonly Breach[], firstSeen: ReadonlyMap<string, number>): Breach[] {
  return [...breaches].sort(
    (a, b) =>
      (firstSeen.get(b.key) ?? 0) - (firstSeen.get(a.key) ?? 0) ||
      (b.period ?? '').localeCompare(a.period ?? '') ||
      a.level - b.level ||
      excess(b) - excess(a) ||
      a.key.localeCompare(b.key),
  );
}

// ── Early warning: rules that fire on a forecast ─────────────────────────────

/** A region's forecast of one indicator (the analysis module's band after its last observed month). */
export interface RegionForecast {
  code: string;
  indicator: string;
  /** Last observed month. */
  lastT: string;
  /** Latest observed value. */
  last: number | null;
  unit?: string | undefined;
  band: { t: readonly string[]; mean: readonly number[]; lo80: readonly number[]; hi80: readonly number[] };
}

export interface ForecastBreach {
  key: string;
  ruleId: string;
  level: 1 | 2 | 3 | 4;
  code: string;
  indicator: string;
  op: AlertRule['op'];
  threshold: number;
  /** First forecast month that crosses the threshold (its mean, or its whole 80 % interval: `forecast.confidence`). */
  at: string;
  /** Months from the last observed month to `at` (1 = next month). */
  leadMonths: number;
  /** Forecast mean at `at` and its 80 % interval. */
  mean: number;
  lo80: number;
  hi80: number;
  /** Latest observed value (not yet past the threshold). */
  last: number | null;
  lastT: string;
  unit: string | undefined;
  horizon: number;
  note: AlertRule['note'];
}

/**
 * Forecast breaches: for each forecast rule and region, the first month within
 * the rule's horizon where the forecast mean crosses the threshold. A region
 * already in breach of the same rule is left to the observed alert. When
 * several rules fire for the same region and indicator, the most severe wins.
 */
export function forecastBreaches(rules: readonly AlertRule[], forecasts: readonly RegionForecast[], observed: readonly Breach[]): ForecastBreach[] {
  const best = new Map<string, ForecastBreach>();
  const breached = new Set(observed.map((b) => `${b.ruleId}|${b.code}`));
  const observedSlots = new Set(observed.map((b) => `${b.code}|${b.indicator}`));
  for (const rule of rules) {
    if (!rule.forecast || rule.field !== 'value') continue;
    const horizon = rule.forecast.horizon;
    const likely = rule.forecast.confidence === 'likely';
    const below = rule.op === '<' || rule.op === '<=';
    const id = ruleIdOf(rule);
    for (const f of forecasts) {
      if (f.indicator !== rule.indicator) continue;
      if (rule.regions.length && !rule.regions.some((p) => matchRegion(p, f.code))) continue;
      if (breached.has(`${id}|${f.code}`)) continue;
      if (f.last !== null && crosses(f.last, rule.op, rule.value)) continue;
      // 'likely': the near bound of the 80 % interval is past the line (the forecast gives it ≥ 90 %); 'mean': the point forecast is.
      const k = f.band.mean.findIndex((m, i) => {
        const v = likely ? (below ? f.band.hi80[i] : f.band.lo80[i]) : m;
        return i < horizon && v !== undefined && Number.isFinite(v) && crosses(v, rule.op, rule.value);
      });
      if (k < 0) continue;
      const slot = `${f.code}|${f.indicator}`;
      // An observed alert of another level on this indicator keeps the region's line; the forecast adds to it only when more severe.
      const current = best.get(slot);
      if (current && current.level <= rule.level) continue;
      if (observedSlots.has(slot) && observed.some((b) => `${b.code}|${b.indicator}` === slot && b.level <= rule.level)) continue;
      best.set(slot, {
        key: `${id}|${f.code}|forecast`,
        ruleId: id,
        level: rule.level,
        code: f.code,
        indicator: f.indicator,
        op: rule.op,
        threshold: rule.value,
        at: f.band.t[k] as string,
        leadMonths: k + 1,
        mean: f.band.mean[k] as number,
        lo80: f.band.lo80[k] as number,
        hi80: f.band.hi80[k] as number,
        last: f.last,
        lastT: f.lastT,
        unit: f.unit,
        horizon,
        note: rule.note,
      });
    }
  }
  // Soonest first, then the most severe.
  return [...best.values()].sort((a, b) => a.leadMonths - b.leadMonths || a.level - b.level || a.key.localeCompare(b.key));
}
