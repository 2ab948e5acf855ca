#!/usr/bin/env node
// Deterministic fixture data for the map panel's e2e config (public/config.e2e-map.json):
//   public/e2e-data/metrics-<region>.json  region metrics of the children of a region (the province's
//                                          18 cities; each city's counties), from the demo generators
//                                          so the figures match the demo screens;
//   public/e2e-data/incidents.json         emergency incidents (mostly blue/yellow, red rare);
//   public/e2e-data/resources.json         rescue teams (some dispatched to incidents), shelters, depots.
// The 100k-point bench set is generated in the bench page itself (src/map/bench/), not stored.
//
//   node scripts/make-map-fixtures.mjs [--check]   (Node >= 23.6: imports the TypeScript generators)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'public', 'e2e-data');
const SEED = 'map-e2e';
const MONTH = '2026-10';
const NOW = Date.parse('2026-11-20T10:00:00+08:00');

const { createRng, gaussian, pickWeighted } = await import('../src/lib/random.ts');
const { RegionTable } = await import('../mocks/generators/regions.ts');
const { regionMetricRecords } = await import('../mocks/generators/economy.ts');

const index = JSON.parse(readFileSync(join(ROOT, 'public', 'regions', 'henan.index.json'), 'utf8'));
const table = new RegionTable(index);
const PROVINCE = '410000';
const cities = table.children(PROVINCE);
const counties = index.filter((r) => r.level === 'county');

const files = new Map();
const envelope = (records) => ({ asOf: new Date(NOW).toISOString(), records });

// ── Region metrics ────────────────────────────────────────────────────────
const METRICS = ['gdp', 'retail', 'budget', 'tax', 'electricity', 'fai', 'unemployment'];
files.set('metrics-410000.json', envelope(regionMetricRecords(table, PROVINCE, MONTH, SEED, METRICS)));
for (const city of cities) {
  if (table.children(city.code).length === 0) continue;
  files.set(`metrics-${city.code}.json`, envelope(regionMetricRecords(table, city.code, MONTH, SEED, METRICS)));
}

// ── Incidents ─────────────────────────────────────────────────────────────
const rng = createRng(`${SEED}|incidents`);
const TYPES = [
  ['traffic', 34],
  ['fire', 24],
  ['flood', 7],
  ['geological', 6],
  ['hazchem', 6],
  ['mine', 4],
  ['health', 9],
  ['other', 10],
];
const TITLES = {
  traffic: ['高速公路多车追尾', '国道货车侧翻', '城区路口车辆碰撞', '隧道内车辆故障'],
  fire: ['居民楼火情', '仓库火灾', '厂房起火', '山林火情', '商铺电气火灾'],
  flood: ['低洼路段积水', '河道水位超警戒', '农田内涝'],
  geological: ['山体滑坡', '道路塌陷', '崩塌隐患点异常'],
  hazchem: ['危化品运输车泄漏', '化工企业气体报警', '储罐压力异常'],
  mine: ['非煤矿山传感器报警', '尾矿库监测异常'],
  health: ['聚集性发热病例', '食品安全事件'],
  other: ['大型活动人员聚集', '电力线路故障', '燃气管道泄漏'],
};
const STATUSES = [
  ['reported', 24],
  ['dispatched', 20],
  ['onsite', 22],
  ['controlled', 20],
  ['closed', 14],
];
// Red (I) is rare and should look rare.
const SEVERITIES = [
  [4, 68],
  [3, 22],
  [2, 8.5],
  [1, 1.5],
];
const countyWeight = (c) => (c.name.endsWith('区') ? 1.8 : 1);
const weightedCounties = counties.map((c) => [c, countyWeight(c)]);
const incidents = [];
for (let i = 0; i < 360; i++) {
  const county = pickWeighted(rng, weightedCounties);
  const type = pickWeighted(rng, TYPES);
  const severity = i === 7 || i === 151 ? 1 : pickWeighted(rng, SEVERITIES);
  const titles = TITLES[type];
  const title = `${county.name}${titles[Math.floor(rng() * titles.length)]}`;
  incidents.push({
    id: `INC-${String(20261120000 + i)}`,
    type,
    severity,
    title,
    region: county.code,
    lon: Number((county.label[0] + gaussian(rng) * 0.05).toFixed(5)),
    lat: Number((county.label[1] + gaussian(rng) * 0.04).toFixed(5)),
    reportedAt: new Date(NOW - Math.floor(rng() * 24 * 3600_000)).toISOString(),
    status: severity === 1 ? 'onsite' : pickWeighted(rng, STATUSES),
  });
}
files.set('incidents.json', envelope(incidents));

// ── Resources: a team for each dispatched/on-site incident, plus shelters and depots ──
const resources = [];
const cityOf = (code) => index.find((r) => r.code === code)?.parent ?? PROVINCE;
const byCode = new Map(index.map((r) => [r.code, r]));
let n = 0;
for (const inc of incidents) {
  if (inc.status !== 'dispatched' && inc.status !== 'onsite') continue;
  const city = byCode.get(cityOf(inc.region));
  if (!city) continue;
  resources.push({
    id: `RES-T${String(++n).padStart(4, '0')}`,
    kind: 'team',
    category: inc.type === 'fire' ? 'fire' : inc.type === 'mine' ? 'mine' : inc.type === 'hazchem' ? 'hazchem' : 'general',
    name: `${city.short}${inc.type === 'fire' ? '消防救援支队' : '应急救援队'}`,
    region: city.code,
    lon: Number((city.label[0] + gaussian(rng) * 0.02).toFixed(5)),
    lat: Number((city.label[1] + gaussian(rng) * 0.02).toFixed(5)),
    capacity: 20 + Math.floor(rng() * 40),
    status: 'dispatched',
    incidentId: inc.id,
  });
}
for (const city of cities) {
  resources.push({
    id: `RES-S${city.code}`,
    kind: 'shelter',
    name: `${city.short}市应急避难场所`,
    region: city.code,
    lon: Number((city.label[0] + 0.03).toFixed(5)),
    lat: Number((city.label[1] - 0.02).toFixed(5)),
    capacity: 2000 + Math.floor(rng() * 8000),
    available: 1500 + Math.floor(rng() * 5000),
    unit: '人',
    status: 'open',
  });
}
files.set('resources.json', envelope(resources));

// ── Write (or check) ──────────────────────────────────────────────────────
const check = process.argv.includes('--check');
mkdirSync(OUT, { recursive: true });
let stale = 0;
for (const [name, value] of files) {
  const text = `${JSON.stringify(value)}\n`;
  const path = join(OUT, name);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {}
    if (current !== text) {
      stale++;
      process.stderr.write(`stale: public/e2e-data/${name}\n`);
    }
  } else writeFileSync(path, text);
}
if (check && stale) process.exit(1);
process.stdout.write(
  `${check ? 'checked' : 'wrote'} ${files.size} files in public/e2e-data: ${incidents.length} incidents (${incidents.filter((i) => i.severity === 1).length} red), ${resources.length} resources, metrics for 1 province + ${files.size - 3} cities\n`,
);
