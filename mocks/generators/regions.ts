import { createRng, gaussian } from '../../src/lib/random.ts';

/**
 * The regions the generators speak about. Cities carry a GDP weight (share of
 * the province, roughly as published for 2023) so magnitudes look real;
 * counties come from the region pack index and split their city's share.
 */
export interface RegionLike {
  code: string;
  name: string;
  short: string;
  nameEn: string;
  parent?: string | null | undefined;
  level: 'province' | 'city' | 'county';
  label: [number, number];
}

export const PROVINCE = '410000';

/** Approximate 2023 GDP by city, 亿元 (orders of magnitude, for demo data only). */
export const CITY_GDP: Record<string, number> = {
  '410100': 13617, // 郑州
  '410200': 2657, // 开封
  '410300': 5482, // 洛阳
  '410400': 2853, // 平顶山
  '410500': 2489, // 安阳
  '410600': 1099, // 鹤壁
  '410700': 3374, // 新乡
  '410800': 2155, // 焦作
  '410900': 1900, // 濮阳
  '411000': 3347, // 许昌
  '411100': 1839, // 漯河
  '411200': 1679, // 三门峡
  '411300': 4591, // 南阳
  '411400': 3091, // 商丘
  '411500': 3091, // 信阳
  '411600': 3562, // 周口
  '411700': 3155, // 驻马店
  '419001': 759, // 济源
};

export const PROVINCE_GDP = Object.values(CITY_GDP).reduce((a, b) => a + b, 0);

export class RegionTable {
  private readonly byCode = new Map<string, RegionLike>();
  private readonly kids = new Map<string, RegionLike[]>();
  private readonly shareCache = new Map<string, number>();
  readonly entries: readonly RegionLike[];

  // No parameter properties: the feed server runs this file under Node's type stripping.
  constructor(entries: readonly RegionLike[]) {
    this.entries = entries;
    for (const e of entries) {
      this.byCode.set(e.code, e);
      if (e.parent) {
        const list = this.kids.get(e.parent) ?? [];
        list.push(e);
        this.kids.set(e.parent, list);
      }
    }
  }

  get(code: string): RegionLike | undefined {
    return this.byCode.get(code);
  }

  children(code: string): RegionLike[] {
    return this.kids.get(code) ?? [];
  }

  /** True when `code` is `ancestor` or lies inside it. */
  isWithin(code: string, ancestor: string): boolean {
    let current = this.byCode.get(code);
    while (current) {
      if (current.code === ancestor) return true;
      current = current.parent ? this.byCode.get(current.parent) : undefined;
    }
    return false;
  }

  cities(): RegionLike[] {
    return this.children(PROVINCE);
  }

  /**
   * Share of the province's economy for any region: cities by GDP, counties
   * by a seeded weight inside their city (city districts weigh more).
   */
  share(code: string): number {
    const cached = this.shareCache.get(code);
    if (cached !== undefined) return cached;
    let share = 1;
    const entry = this.byCode.get(code);
    if (!entry || entry.level === 'province') share = 1;
    else if (entry.level === 'city') share = (CITY_GDP[code] ?? 1000) / PROVINCE_GDP;
    else {
      const parent = entry.parent ?? PROVINCE;
      const siblings = this.children(parent);
      const weight = (c: RegionLike) => countyWeight(c);
      const total = siblings.reduce((s, c) => s + weight(c), 0) || 1;
      share = this.share(parent) * (weight(entry) / total);
    }
    this.shareCache.set(code, share);
    return share;
  }
}

function countyWeight(c: RegionLike): number {
  // Deterministic from the code, spread roughly log-normally; districts (区)
  // of a city centre and county-level cities (市) weigh more.
  const rng = createRng(`county-weight|${c.code}`);
  const base = Math.exp(gaussian(rng) * 0.45);
  return c.name.endsWith('区') ? base * 1.6 : c.name.endsWith('市') ? base * 1.3 : base;
}
