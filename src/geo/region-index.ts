import { z } from 'zod';
import { pickName } from '../lib/format';
import type { Locale } from '../lib/locale';

/**
 * Names, codes and hierarchy of a region pack, without geometry (the map loads
 * that lazily). Every panel uses this to name regions and walk the drill path.
 */
export const regionEntry = z.object({
  code: z.string().regex(/^\d{6}$/),
  name: z.string().min(1),
  short: z.string().min(1),
  nameEn: z.string().min(1),
  parent: z
    .string()
    .regex(/^\d{6}$/)
    .nullable()
    .optional(),
  level: z.enum(['province', 'city', 'county']),
  label: z.tuple([z.number(), z.number()]),
});
export type RegionEntry = z.output<typeof regionEntry>;

export class RegionIndex {
  private readonly byCode = new Map<string, RegionEntry>();
  private readonly childrenOf = new Map<string, RegionEntry[]>();
  readonly root: RegionEntry;

  constructor(entries: readonly RegionEntry[], rootCode: string) {
    for (const e of entries) this.byCode.set(e.code, e);
    for (const e of entries) {
      if (!e.parent) continue;
      const list = this.childrenOf.get(e.parent) ?? [];
      list.push(e);
      this.childrenOf.set(e.parent, list);
    }
    const root = this.byCode.get(rootCode);
    if (!root) throw new Error(`region pack has no root region ${rootCode}`);
    this.root = root;
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): RegionEntry | undefined {
    return this.byCode.get(code);
  }

  children(code: string): readonly RegionEntry[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** Root first: [河南省, 洛阳市, 栾川县]. */
  path(code: string): RegionEntry[] {
    const out: RegionEntry[] = [];
    let current = this.byCode.get(code);
    while (current) {
      out.unshift(current);
      current = current.parent ? this.byCode.get(current.parent) : undefined;
    }
    return out;
  }

  /** Localised display name. */
  label(code: string, locale: Locale, short = false): string {
    const e = this.byCode.get(code);
    if (!e) return code;
    return pickName({ name: short ? e.short : e.name, nameEn: e.nameEn }, locale);
  }
}

export function parseRegionIndex(raw: unknown, rootCode: string): RegionIndex {
  const entries = z.array(regionEntry).min(1).parse(raw);
  return new RegionIndex(entries, rootCode);
}
