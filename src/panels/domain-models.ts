import type { RegionMetric, WaterLevel } from '../data/contracts/index';

/**
 * Pure models of the domain panel types (`target-bars`, `levels`): what the
 * component draws and what `toTable` exports come from here, so the two
 * cannot disagree.
 */

// ── target-bars ─────────────────────────────────────────────────────────────

export interface TargetSpec {
  indicator: string;
  /** The target, in the indicator's unit, and which side of it is good. */
  target: { value: number; better: 'below' | 'above' };
  order: 'desc' | 'asc';
  limit: number;
  /** Top of the scale; bars always start at zero. Default: the largest of the values and the target, ×1.1 (100 for %). */
  max?: number | undefined;
}

export interface TargetRow {
  code: string;
  value: number | null;
  unit: string;
  /** True when the value is on the wrong side of the target. */
  miss: boolean;
  /** Value − target (signed; null for a gap). */
  gap: number | null;
  /** Bar length and target mark as shares of the scale, 0…1. */
  fill: number;
}

export interface TargetModel {
  rows: TargetRow[];
  unit: string;
  /** Where the target mark sits, 0…1 of the scale. */
  mark: number;
  scaleMax: number;
  misses: number;
  /** Regions with a value or a gap, before `limit`. */
  total: number;
}

/** Latest value per region of one indicator, on a scale from zero, with the target's verdict. */
export function targetModel(records: readonly RegionMetric[] | undefined, spec: TargetSpec): TargetModel {
  const latest = new Map<string, RegionMetric>();
  for (const r of records ?? []) {
    if (r.indicator !== spec.indicator) continue;
    const prev = latest.get(r.code);
    if (prev && (prev.period ?? '') > (r.period ?? '')) continue;
    latest.set(r.code, r);
  }
  const list = [...latest.values()];
  const unit = list.find((r) => r.unit)?.unit ?? '';
  const values = list.map((r) => r.value).filter((v): v is number => v !== null);
  const top = Math.max(spec.target.value, ...values, 0);
  const scaleMax = spec.max ?? (unit === '%' && top <= 100 ? 100 : niceCeil(top * 1.1));
  const rows = list.map((r): TargetRow => {
    const v = r.value;
    const miss = v !== null && (spec.target.better === 'below' ? v > spec.target.value : v < spec.target.value);
    return {
      code: r.code,
      value: v,
      unit: r.unit ?? unit,
      miss,
      gap: v === null ? null : v - spec.target.value,
      fill: v === null || scaleMax <= 0 ? 0 : Math.max(0, Math.min(1, v / scaleMax)),
    };
  });
  rows.sort((a, b) => {
    if (a.value === null) return b.value === null ? a.code.localeCompare(b.code) : 1;
    if (b.value === null) return -1;
    return spec.order === 'desc' ? b.value - a.value : a.value - b.value;
  });
  const shown = spec.limit > 0 ? rows.slice(0, spec.limit) : rows;
  return {
    rows: shown,
    unit,
    mark: scaleMax > 0 ? Math.min(1, spec.target.value / scaleMax) : 0,
    scaleMax,
    misses: rows.filter((r) => r.miss).length,
    total: rows.length,
  };
}

/** 1, 2, 2.5, 5 × 10ⁿ at or above `v`. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

// ── levels ──────────────────────────────────────────────────────────────────

/** Where a level stands against its references, worst first. */
export type LevelStatus = 'over-guaranteed' | 'over-warning' | 'below-warning' | 'over-limit' | 'below-limit' | 'over-normal' | 'below-normal' | 'unknown';

export interface LevelRow {
  id: string;
  record: WaterLevel;
  status: LevelStatus;
  /** Level − the reference the status speaks of, m (signed). */
  margin: number | null;
  /** The reference marks drawn on the bar, as shares of the row's own scale. */
  marks: { key: 'warning' | 'guaranteed' | 'floodLimit' | 'normalPool'; at: number; value: number }[];
  fill: number;
  /** The row's scale, m: bars of elevations do not start at zero (each station its own). */
  scale: [number, number];
  /** Severity for sorting and the chip: 1 over guaranteed … 4 normal. */
  rank: 1 | 2 | 3 | 4;
}

function n(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v;
}

/** A river gauge or reservoir against its references, on its own scale (5 m below the lowest reference to 1 m over the highest). */
export function levelRow(r: WaterLevel): LevelRow {
  const level = n(r.level);
  let status: LevelStatus = 'unknown';
  let margin: number | null = null;
  let rank: 1 | 2 | 3 | 4 = 4;
  const refs: LevelRow['marks'] = [];
  const push = (key: LevelRow['marks'][number]['key'], v: number | null) => {
    if (v !== null) refs.push({ key, at: 0, value: v });
  };
  if (r.kind === 'river') {
    const warning = n(r.warning);
    const guaranteed = n(r.guaranteed);
    push('warning', warning);
    push('guaranteed', guaranteed);
    if (level !== null && guaranteed !== null && level > guaranteed) {
      status = 'over-guaranteed';
      margin = level - guaranteed;
      rank = 1;
    } else if (level !== null && warning !== null && level > warning) {
      status = 'over-warning';
      margin = level - warning;
      rank = 2;
    } else if (level !== null && warning !== null) {
      status = 'below-warning';
      margin = level - warning;
      rank = margin > -0.5 ? 3 : 4;
    }
  } else {
    const limit = n(r.floodLimit);
    const normal = n(r.normalPool);
    push('floodLimit', limit);
    push('normalPool', normal);
    if (r.floodSeason !== false && limit !== null && level !== null) {
      status = level > limit ? 'over-limit' : 'below-limit';
      margin = level - limit;
      rank = level > limit ? 2 : margin > -0.5 ? 3 : 4;
    } else if (normal !== null && level !== null) {
      status = level > normal ? 'over-normal' : 'below-normal';
      margin = level - normal;
      rank = level > normal ? 3 : 4;
    }
  }
  const values = refs.map((m) => m.value);
  const design = n(r.design);
  const lo = Math.min(...values, level ?? Number.POSITIVE_INFINITY) - 5;
  const hi = Math.max(...values, level ?? Number.NEGATIVE_INFINITY, design ?? Number.NEGATIVE_INFINITY) + 1;
  const span = Number.isFinite(lo) && Number.isFinite(hi) && hi > lo ? hi - lo : 1;
  const at = (v: number) => Math.max(0, Math.min(1, (v - lo) / span));
  return {
    id: r.id,
    record: r,
    status,
    margin,
    marks: refs.map((m) => ({ ...m, at: at(m.value) })),
    fill: level === null ? 0 : at(level),
    scale: [lo, hi],
    rank,
  };
}

/** Rows of a `levels` panel: the kind asked for, worst first, then closest to its reference. */
export function levelRows(records: readonly WaterLevel[] | undefined, kind: 'river' | 'reservoir' | 'all', max: number): LevelRow[] {
  return (records ?? [])
    .filter((r) => kind === 'all' || r.kind === kind)
    .map(levelRow)
    .sort((a, b) => a.rank - b.rank || (b.margin ?? Number.NEGATIVE_INFINITY) - (a.margin ?? Number.NEGATIVE_INFINITY) || a.id.localeCompare(b.id))
    .slice(0, max);
}
