import type { ResponseTime } from '../data/contracts/index';

/** A response-time row as the panel and its table show it: levels Ⅰ → Ⅳ, over-target flags. */
export interface ResponseRow extends ResponseTime {
  dispatchTarget: number | null;
  sceneTarget: number | null;
  onTarget: number | null;
  /** Over target (strictly): a text marker on screen, never colour alone. */
  dispatchLate: boolean;
  sceneLate: boolean;
}

export function responseRows(records: readonly ResponseTime[] | undefined): ResponseRow[] {
  const byLevel = new Map<number, ResponseTime>();
  for (const r of records ?? []) if (!byLevel.has(r.level)) byLevel.set(r.level, r);
  return [...byLevel.values()]
    .sort((a, b) => a.level - b.level)
    .map((r) => {
      const dispatchTarget = r.dispatchTarget ?? null;
      const sceneTarget = r.sceneTarget ?? null;
      return {
        ...r,
        dispatchTarget,
        sceneTarget,
        onTarget: r.onTarget ?? null,
        dispatchLate: r.dispatchMinutes !== null && dispatchTarget !== null && r.dispatchMinutes > dispatchTarget,
        sceneLate: r.sceneMinutes !== null && sceneTarget !== null && r.sceneMinutes > sceneTarget,
      };
    });
}

/**
 * A bar from zero: the value as a share of the scale, with the target's tick.
 * The scale is the larger of 1.5 × the target and the value, so a bar past
 * its tick is over target.
 */
export function barOf(value: number | null, target: number | null): { width: number; tick: number | null } {
  if (value === null) return { width: 0, tick: null };
  const scale = Math.max(value, (target ?? value) * 1.5, 1e-9);
  return { width: (value / scale) * 100, tick: target !== null ? (target / scale) * 100 : null };
}
