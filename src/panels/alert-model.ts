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
