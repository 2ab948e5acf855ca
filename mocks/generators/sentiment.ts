import { createRng, gaussian, pick, pickWeighted, poisson, type Rng } from '../../src/lib/random.ts';
import {
  cstDay,
  cstDayStart,
  cstParts,
  DAY,
  HOUR,
  isoCst,
  type KpiOut,
  pickCounty,
  type RegionMetricOut,
  type RegionSource,
  type SeriesOut,
  type ShareOut,
} from './emergency.ts';
import type { RegionLike } from './regions.ts';

/**
 * Seeded public-sentiment data: the 12345 government-service hotline (tens of
 * thousands of appeals a day province-wide, with a daily rhythm — peaks
 * mid-morning and early afternoon, quiet at night — a weekly rhythm and the
 * occasional surge around one topic), plus the aggregates the screen shows.
 *
 * Appeal texts are untrusted on purpose: personal data is masked as a real
 * hotline would (张** 138****1234), and a few texts carry hostile HTML to
 * prove the cockpit shows them as text. Pure functions of (seed, time);
 * Node-safe (erasable TS only).
 */

export const APPEALS_PER_DAY = 32_000;

export const CHANNELS: readonly { key: string; name: string; nameEn: string; share: number }[] = [
  { key: 'phone', name: '电话', nameEn: 'Phone', share: 0.55 },
  { key: 'wechat', name: '微信', nameEn: 'WeChat', share: 0.21 },
  { key: 'app', name: 'APP', nameEn: 'App', share: 0.15 },
  { key: 'web', name: '网站', nameEn: 'Website', share: 0.09 },
];

interface CategoryDef {
  key: string;
  name: string;
  nameEn: string;
  share: number;
  /** Extra weight in the heating season (Nov–Mar). */
  winter?: number;
  /** Extra weight in summer (Jun–Sep). */
  summer?: number;
  department: string;
  topics: readonly string[];
  texts: readonly string[];
}

/**
 * Text templates. Slots: {place} (county/district name), {community},
 * {road}, {company}, {school}, {amount}, {days}, {months}.
 */
export const CATEGORIES: readonly CategoryDef[] = [
  {
    key: 'urban',
    name: '城乡建设',
    nameEn: 'Urban & rural construction',
    share: 0.2,
    winter: 1.5,
    department: '住房和城乡建设局',
    topics: ['物业服务纠纷', '供暖温度不达标', '小区电梯故障', '老旧小区改造', '燃气停供'],
    texts: [
      '{place}{community}电梯频繁故障，物业长期不修，老人上下楼困难，请相关部门督促处理。',
      '{place}{community}供暖温度只有十五六度，多次联系供热公司无果，请尽快解决。',
      '{place}{community}物业费上涨未经业主同意，公示不透明，要求说明依据。',
      '{place}{road}附近工地夜间施工噪音扰民，已持续{days}天，影响休息。',
      '{place}{community}老旧小区改造工程停工{months}个月，道路挖开无人管理，出行不便。',
      '{place}{community}燃气突然停供，没有提前通知，请相关部门核实原因并尽快恢复。',
    ],
  },
  {
    key: 'labour',
    name: '劳动保障',
    nameEn: 'Labour & social security',
    share: 0.13,
    department: '人力资源和社会保障局',
    topics: ['拖欠工资', '社保转移接续', '灵活就业参保'],
    texts: [
      '在{place}{company}工作，被拖欠工资{amount}元已{months}个月，多次讨要未果，请求帮助。',
      '咨询{place}灵活就业人员社保缴费基数和办理流程。',
      '{company}未依法缴纳社会保险，离职后无法办理失业金，请求核查。',
      '社保关系从外省转入{place}一直未办结，请协调加快办理。',
    ],
  },
  {
    key: 'transport',
    name: '交通运输',
    nameEn: 'Transport',
    share: 0.09,
    department: '交通运输局',
    topics: ['公交线路调整', '道路破损', '网约车投诉'],
    texts: [
      '{place}{road}路面破损严重，坑洼积水，夜间存在安全隐患，请尽快维修。',
      '建议{place}增开早高峰公交班次，{road}站点候车时间过长。',
      '投诉{place}一出租车司机拒载、绕路，要求处理。',
      '{place}{road}红绿灯配时不合理，早晚高峰拥堵严重，建议优化。',
    ],
  },
  {
    key: 'market',
    name: '市场监管',
    nameEn: 'Market regulation',
    share: 0.12,
    department: '市场监督管理局',
    topics: ['预付卡退费', '食品安全', '价格欺诈'],
    texts: [
      '{place}{company}健身房突然关门，预付卡余额{amount}元无法退还，请求维权。',
      '在{place}某超市购买的食品已过保质期，商家拒绝退换，请依法处理。',
      '{place}某商户明码标价与结算价格不一致，涉嫌价格欺诈。',
      '{place}某校外托管机构收费后停业，家长诉求退费。',
    ],
  },
  {
    key: 'environment',
    name: '生态环境',
    nameEn: 'Environment',
    share: 0.07,
    summer: 1.3,
    department: '生态环境局',
    topics: ['餐饮油烟扰民', '河道污水', '企业排放异味'],
    texts: [
      '{place}{road}沿街餐饮油烟直排，楼上住户无法开窗，请环保部门查处。',
      '{place}某河道出现黑臭水体，疑似有企业偷排污水。',
      '{place}工业园区夜间有刺鼻异味，周边居民反映强烈，请监测处理。',
    ],
  },
  {
    key: 'education',
    name: '教育',
    nameEn: 'Education',
    share: 0.08,
    department: '教育局',
    topics: ['入学划片', '校外培训退费', '校车安全'],
    texts: [
      '咨询{place}{school}今年入学划片范围和报名所需材料。',
      '{place}某校外培训机构停课后拒不退费，涉及家长多人，请求协调。',
      '反映{place}{school}放学时段门口交通混乱，建议加强疏导。',
    ],
  },
  {
    key: 'health',
    name: '医疗卫生',
    nameEn: 'Health',
    share: 0.08,
    winter: 1.2,
    department: '卫生健康委员会',
    topics: ['医保报销', '就医排队', '药品价格'],
    texts: [
      '{place}某医院异地就医医保结算不成功，需要先垫付，请说明政策。',
      '{place}某社区卫生服务中心疫苗预约困难，建议增加接种时段。',
      '反映{place}某医院门诊排队时间过长，挂号难。',
    ],
  },
  {
    key: 'security',
    name: '公共安全',
    nameEn: 'Public safety',
    share: 0.05,
    department: '公安局',
    topics: ['消防通道堵塞', '电动车违规充电'],
    texts: [
      '{place}{community}消防通道长期被车辆占用，存在安全隐患，请处理。',
      '{place}{community}有住户将电动车推入楼道充电，多次劝阻无效。',
      '{place}{road}路段夜间路灯损坏，行人安全无保障。',
    ],
  },
  {
    key: 'agriculture',
    name: '农业农村',
    nameEn: 'Agriculture',
    share: 0.05,
    summer: 1.3,
    department: '农业农村局',
    topics: ['耕地补贴', '农资质量'],
    texts: [
      '咨询{place}今年耕地地力保护补贴发放时间和标准。',
      '在{place}购买的种子出苗率低，怀疑质量问题，请求鉴定。',
      '{place}某村高标准农田灌溉设施损坏，影响浇地。',
    ],
  },
  {
    key: 'civil',
    name: '民政',
    nameEn: 'Civil affairs',
    share: 0.04,
    department: '民政局',
    topics: ['养老服务', '低保申请'],
    texts: [
      '咨询{place}高龄津贴申领条件和办理渠道。',
      '{place}低保申请提交{months}个月没有结果，请帮助查询进度。',
      '建议{place}{community}增设社区养老服务站。',
    ],
  },
  {
    key: 'water',
    name: '水电气暖',
    nameEn: 'Utilities',
    share: 0.09,
    winter: 1.3,
    summer: 1.2,
    department: '城市管理局',
    topics: ['停水停电', '水压不足'],
    texts: [
      '{place}{community}从早上开始停水，没有任何通知，请尽快恢复供水。',
      '{place}{community}高层水压不足，夏季用水困难。',
      '{place}{road}一带频繁停电，影响商户正常经营。',
    ],
  },
];

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '155',
  '158',
  '166',
  '176',
  '177',
  '180',
  '186',
  '187',
  '188',
  '199',
];
const COMMUNITIES = ['某小区', '某家园小区', '某花园小区', '某新村', '某社区', '某公寓'];
const ROADS = ['建设路', '人民路', '文化路', '解放路', '中州大道', '黄河路', '滨河路', '迎宾大道', '工业路', '新华路'];
const COMPANIES = ['某建筑劳务公司', '某物流公司', '某餐饮公司', '某电子厂', '某商贸公司', '某健身会所'];
const SCHOOLS = ['某小学', '某实验学校', '某初级中学'];

/** Hostile payloads a few appeals carry, to prove they are rendered as text. */
export const HOSTILE_SNIPPETS = [
  '<img src=x onerror=alert(1)>',
  '<img src=x onerror="window.__xss=1">',
  '<script>alert("xss")</script>',
  '<a href="javascript:alert(1)">点击查看附件</a>',
  '"><svg onload=alert(1)>',
] as const;

const KINDS: readonly (readonly [string, number, number])[] = [
  // kind, weight, mean polarity
  ['投诉', 0.46, -0.55],
  ['求助', 0.2, -0.25],
  ['咨询', 0.24, 0.05],
  ['建议', 0.07, 0.1],
  ['表扬', 0.03, 0.75],
];

/** Hour-of-day weights (CST): quiet at night, peaks mid-morning and early afternoon, a lunch dip. */
export const APPEAL_HOURS = [
  0.12, 0.07, 0.05, 0.04, 0.05, 0.1, 0.3, 0.8, 1.6, 2.3, 2.4, 1.9, 1.0, 1.3, 2.0, 2.1, 1.9, 1.5, 1.0, 0.9, 0.85, 0.7, 0.45, 0.25,
] as const;
const APPEAL_HOURS_SUM = APPEAL_HOURS.reduce((a, b) => a + b, 0);
/** Day-of-week factors, Sunday first: Mondays are busiest, weekends quiet. */
export const APPEAL_WEEKDAYS = [0.68, 1.15, 1.05, 1.0, 1.0, 0.95, 0.72] as const;

function season(month: number): 'winter' | 'summer' | 'mid' {
  if (month >= 11 || month <= 3) return 'winter';
  if (month >= 6 && month <= 9) return 'summer';
  return 'mid';
}

function categoryWeights(month: number): [CategoryDef, number][] {
  const s = season(month);
  return CATEGORIES.map((c) => [c, c.share * (s === 'winter' ? (c.winter ?? 1) : s === 'summer' ? (c.summer ?? 1) : 1)]);
}

/** A surge: one topic in one city drives extra appeals for a few hours of a day. */
export interface Surge {
  day: string;
  city: string;
  category: string;
  topic: string;
  startHour: number;
  hours: number;
  factor: number;
}

const SURGE_TOPICS: readonly (readonly [string, string])[] = [
  ['water', '大面积停水'],
  ['urban', '燃气停供'],
  ['urban', '供暖故障'],
  ['transport', '暴雨道路积水'],
  ['market', '预付卡机构跑路'],
  ['labour', '工地集中讨薪'],
];

/** The surge of a day, if any (about one day in three). */
export function surgeOf(regions: RegionSource, seed: string, dayStart: number): Surge | null {
  if (!scenarioOf(seed).surges) return null;
  const day = cstDay(dayStart);
  const rng = createRng(`${seed}|surge|${day}`);
  if (rng() > 0.33) return null;
  const [category, topic] = pick(rng, SURGE_TOPICS);
  const cities = regions.entries.filter((e) => e.level === 'city');
  const city = pickWeighted(
    rng,
    cities.map((c) => [c.code, regions.share(c.code) ** 0.6] as const),
  );
  return { day, city, category, topic, startHour: 8 + Math.floor(rng() * 10), hours: 2 + Math.floor(rng() * 3), factor: 1.5 + rng() * 0.9 };
}

// ── Bursts: the planted heating spike and spikes a test injects ──────────

/**
 * Extra appeals on one topic in one city for a while, on top of the daily and
 * weekly rhythm: the stream carries them (category, city, text) and so do the
 * volumes (`appealVolumes`), so a spike is the same event everywhere.
 */
export interface AppealBurst {
  /** City (or county) code the appeals come from. */
  city: string;
  /** Category key (CATEGORIES), e.g. `water` (水电气暖). */
  category: string;
  /** What people call about, put into the text. */
  topic: string;
  from: number;
  to: number;
  /** Extra appeals per hour while it lasts. */
  perHour: number;
}

export interface AppealScenario {
  /** The random one-topic surges (about one day in three). */
  surges: boolean;
  /** The planted heating-start spike of every November (see `plantedBursts`). */
  planted: boolean;
  /** Extra bursts, e.g. injected by a test through the feed server. */
  bursts: readonly AppealBurst[];
}

const DEFAULT_SCENARIO: AppealScenario = { surges: true, planted: true, bursts: [] };
const scenarios = new Map<string, AppealScenario>();
let scenarioChanges = 0;

/** Changes whenever a scenario does (stream caches key on it). */
export function appealScenarioVersion(): number {
  return scenarioChanges;
}

/**
 * Sets what a seed's appeal feed contains beyond its rhythm (tests use their
 * own seed, so the demo's stays as it is). The feed server and MSW answer
 * from these generators, so the change shows in the stream and the volumes.
 */
export function setAppealScenario(seed: string, scenario: Partial<AppealScenario>): void {
  scenarios.set(seed, { ...DEFAULT_SCENARIO, ...scenarios.get(seed), ...scenario });
  minuteCache.clear();
  scenarioChanges++;
}

export function resetAppealScenario(seed: string): void {
  scenarios.delete(seed);
  minuteCache.clear();
  scenarioChanges++;
}

function scenarioOf(seed: string): AppealScenario {
  return scenarios.get(seed) ?? DEFAULT_SCENARIO;
}

/**
 * The planted spike of the demo: district heating in Zhengzhou and Luoyang
 * starts on 15 November; on the 16th and 17th complaints that radiators stay
 * cold pour in (水电气暖 · 供暖不热), every year.
 */
export function plantedBursts(dayStart: number): AppealBurst[] {
  const { y, m, d } = cstParts(dayStart + 12 * HOUR);
  if (m !== 11 || (d !== 16 && d !== 17)) return [];
  const at = (day: number, h: number) => Date.UTC(y, 10, day, h) - 8 * HOUR;
  return d === 16
    ? [{ city: '410100', category: 'water', topic: '集中供暖后暖气不热', from: at(16, 8), to: at(16, 22), perHour: 70 }]
    : [
        { city: '410100', category: 'water', topic: '集中供暖后暖气不热', from: at(17, 8), to: at(17, 20), perHour: 45 },
        { city: '410300', category: 'water', topic: '供暖管网故障暖气不热', from: at(17, 9), to: at(17, 21), perHour: 40 },
      ];
}

/** Bursts overlapping [from, to) for a seed. */
export function burstsIn(seed: string, from: number, to: number): AppealBurst[] {
  const sc = scenarioOf(seed);
  const out: AppealBurst[] = [];
  if (sc.planted) for (let d = cstDayStart(from); d < to; d += DAY) out.push(...plantedBursts(d));
  out.push(...sc.bursts);
  return out.filter((b) => b.from < to && b.to > from);
}

function dayFactor(seed: string, dayStart: number): number {
  const { dow } = cstParts(dayStart + 12 * HOUR);
  return (APPEAL_WEEKDAYS[dow] ?? 1) * (1 + gaussian(createRng(`${seed}|appeal-day|${cstDay(dayStart)}`)) * 0.05);
}

/** Expected appeals in the clock hour starting at `hourStart`, province-wide (surge included). */
export function expectedAppealsInHour(regions: RegionSource, seed: string, hourStart: number): number {
  const dayStart = cstDayStart(hourStart);
  const { h } = cstParts(hourStart);
  let mean = (APPEALS_PER_DAY * dayFactor(seed, dayStart) * (APPEAL_HOURS[h] ?? 1)) / APPEAL_HOURS_SUM;
  const surge = surgeOf(regions, seed, dayStart);
  if (surge && h >= surge.startHour && h < surge.startHour + surge.hours) mean *= surge.factor;
  return mean;
}

/** Expected appeals province-wide in [from, to). */
export function expectedAppeals(regions: RegionSource, seed: string, from: number, to: number): number {
  let total = 0;
  for (let h = Math.floor(from / HOUR) * HOUR; h < to; h += HOUR) {
    const overlap = Math.min(to, h + HOUR) - Math.max(from, h);
    if (overlap > 0) total += (expectedAppealsInHour(regions, seed, h) * overlap) / HOUR;
  }
  return total;
}

export interface AppealOut {
  id: string;
  channel: string;
  category: string;
  region: string;
  text: string;
  receivedAt: string;
  status: 'new' | 'assigned' | 'handling' | 'replied' | 'closed';
  department: string;
  sentiment: number;
  seq: number;
}

interface AppealBirth {
  id: string;
  seq: number;
  time: number;
  channel: string;
  category: CategoryDef;
  county: RegionLike;
  text: string;
  department: string;
  sentiment: number;
  /** Times of assigned, handling, replied, closed. */
  milestones: readonly [number, number, number, number];
}

export const APPEAL_STREAM_BUCKET_MS = 60_000;
export const APPEAL_STREAM_SLOT = 1000;

function maskedCaller(rng: Rng): string {
  const surname = SURNAMES[Math.floor(rng() * SURNAMES.length)] ?? '张';
  const tail = String(Math.floor(rng() * 10_000)).padStart(4, '0');
  return `${surname}** ${pick(rng, PHONE_PREFIXES)}****${tail}`;
}

function fillText(rng: Rng, template: string, place: string): string {
  return template
    .replace('{place}', place)
    .replace('{community}', pick(rng, COMMUNITIES))
    .replace('{road}', pick(rng, ROADS))
    .replace('{company}', pick(rng, COMPANIES))
    .replace('{school}', pick(rng, SCHOOLS))
    .replace('{amount}', String(Math.round((800 + rng() * 30_000) / 100) * 100))
    .replace('{days}', String(2 + Math.floor(rng() * 20)))
    .replace('{months}', String(1 + Math.floor(rng() * 8)));
}

function shortPlace(regions: RegionSource, county: RegionLike): string {
  const city = county.parent ? regions.get(county.parent) : undefined;
  return city && county.name.endsWith('区') ? `${city.short}市${county.name}` : county.name;
}

const minuteCache = new Map<string, AppealBirth[]>();

/** Appeals received in one minute (`minuteIndex` = epoch ms / 60,000), oldest first. */
function appealsInMinute(regions: RegionSource, seed: string, minuteIndex: number): AppealBirth[] {
  const key = `${seed}|${minuteIndex}`;
  const cached = minuteCache.get(key);
  if (cached) return cached;
  const start = minuteIndex * 60_000;
  const rng = createRng(`${seed}|appeals|${minuteIndex}`);
  const base = expectedAppealsInHour(regions, seed, Math.floor(start / HOUR) * HOUR) / 60;
  const bursts = burstsIn(seed, start, start + 60_000).filter((b) => regions.get(b.city));
  const extra = bursts.reduce((sum, b) => sum + b.perHour / 60, 0);
  const mean = base + extra;
  const count = Math.min(APPEAL_STREAM_SLOT - 1, poisson(rng, mean));
  const { m } = cstParts(start);
  const weights = categoryWeights(m);
  const surge = surgeOf(regions, seed, cstDayStart(start));
  const { h } = cstParts(start);
  const surging = surge && h >= surge.startHour && h < surge.startHour + surge.hours;
  const times: number[] = [];
  for (let k = 0; k < count; k++) times.push(start + Math.floor(rng() * 60_000));
  times.sort((a, b) => a - b);
  const out: AppealBirth[] = [];
  for (let k = 0; k < count; k++) {
    if (extra > 0 && rng() < extra / mean) {
      const burst = pickWeighted(
        rng,
        bursts.map((b) => [b, b.perHour] as const),
      );
      out.push(burstAppeal(regions, rng, burst, minuteIndex, k, times[k] as number));
      continue;
    }
    const fromSurge = surging && rng() < 1 - 1 / (surge?.factor ?? 1);
    const category = fromSurge ? (CATEGORIES.find((c) => c.key === surge?.category) ?? pickWeighted(rng, weights)) : pickWeighted(rng, weights);
    let county = pickCounty(regions, rng);
    if (fromSurge && surge) {
      const kids = regions.children(surge.city);
      county = kids.length ? pick(rng, kids) : county;
    }
    const channel = pickWeighted(
      rng,
      CHANNELS.map((c) => [c.name, c.share] as const),
    );
    const [kind, , polarity] = pickWeighted(
      rng,
      KINDS.map((k) => [k, k[1]] as const),
    );
    const place = shortPlace(regions, county);
    let body =
      fromSurge && surge
        ? `${place}${pick(rng, COMMUNITIES)}${surge.topic}，已持续数小时，请有关部门尽快处理并说明情况。`
        : fillText(rng, pick(rng, category.texts), place);
    if (kind === '表扬') body = `感谢${place}相关部门及时处理我反映的问题，工作人员态度很好，特此表扬。`;
    const caller = maskedCaller(rng);
    let text = channel === '电话' ? `${caller} 来电${kind}：${body}` : `市民${caller.replace(' ', '（')}）通过${channel}${kind}：${body}`;
    const roll = rng();
    if (roll < 1 / 120) text += ` ${pick(rng, HOSTILE_SNIPPETS)}`;
    else if (roll < 1 / 90) text += ` 补充说明：${body}${body}`; // a long text, truncated by the contract
    const city = county.parent ? regions.get(county.parent) : undefined;
    const time = times[k] as number;
    const assigned = time + Math.round((3 + rng() * 25) * 60_000);
    const handling = assigned + Math.round((0.5 + rng() * 5) * HOUR);
    const replied = handling + Math.round((4 + rng() * 60) * HOUR);
    const closed = replied + Math.round((6 + rng() * 48) * HOUR);
    out.push({
      id: `apl-${minuteIndex}-${k}`,
      seq: minuteIndex * APPEAL_STREAM_SLOT + k,
      time,
      channel,
      category,
      county,
      text,
      department: `${city?.short ?? ''}市${category.department}`,
      sentiment: Math.max(-1, Math.min(1, Math.round((polarity + gaussian(rng) * 0.25) * 100) / 100)),
      milestones: [assigned, handling, replied, closed],
    });
  }
  if (minuteCache.size > 20_000) minuteCache.clear();
  minuteCache.set(key, out);
  return out;
}

/** One appeal of a burst: a caller in the burst's city about its topic. */
function burstAppeal(regions: RegionSource, rng: Rng, burst: AppealBurst, minuteIndex: number, k: number, time: number): AppealBirth {
  const kids = regions.children(burst.city);
  const county = (kids.length ? pick(rng, kids) : regions.get(burst.city)) as RegionLike;
  const category = CATEGORIES.find((c) => c.key === burst.category) ?? (CATEGORIES[0] as CategoryDef);
  const place = shortPlace(regions, county);
  const caller = maskedCaller(rng);
  const city = county.parent ? regions.get(county.parent) : undefined;
  const assigned = time + Math.round((3 + rng() * 25) * 60_000);
  const handling = assigned + Math.round((0.5 + rng() * 5) * HOUR);
  const replied = handling + Math.round((4 + rng() * 60) * HOUR);
  return {
    id: `apl-${minuteIndex}-${k}`,
    seq: minuteIndex * APPEAL_STREAM_SLOT + k,
    time,
    channel: '电话',
    category,
    county,
    text: `${caller} 来电投诉：${place}${pick(rng, COMMUNITIES)}${burst.topic}，请有关部门尽快处理。`,
    department: `${(city ?? county).short}市${category.department}`,
    sentiment: Math.round((-0.6 - rng() * 0.3) * 100) / 100,
    milestones: [assigned, handling, replied, replied + Math.round((6 + rng() * 48) * HOUR)],
  };
}

const APPEAL_STATUSES = ['new', 'assigned', 'handling', 'replied', 'closed'] as const;

function appealAt(b: AppealBirth, now: number): AppealOut {
  let stage = 0;
  while (stage < 4 && (b.milestones[stage] as number) <= now) stage++;
  return {
    id: b.id,
    channel: b.channel,
    category: b.category.name,
    region: b.county.code,
    text: b.text,
    receivedAt: isoCst(b.time),
    status: APPEAL_STATUSES[stage] as AppealOut['status'],
    department: b.department,
    sentiment: b.sentiment,
    seq: b.seq,
  };
}

export interface StreamItem<T> {
  time: number;
  data: T;
}

/** The appeal stream of one minute (new appeals), oldest first; `seq` = minute × 1000 + index. */
export function appealStreamBucket(regions: RegionSource, seed: string, minuteIndex: number): StreamItem<AppealOut>[] {
  return appealsInMinute(regions, seed, minuteIndex).map((b) => ({ time: b.time, data: appealAt(b, b.time) }));
}

/** The latest `limit` appeals received at or before `now`, newest first, as seen at `now`. */
export function latestAppeals(regions: RegionSource, seed: string, now: number, limit = 50, within?: (code: string) => boolean): AppealOut[] {
  const out: AppealOut[] = [];
  for (let minute = Math.floor(now / 60_000), scanned = 0; out.length < limit && scanned < 24 * 60; minute--, scanned++) {
    const list = appealsInMinute(regions, seed, minute);
    for (let i = list.length - 1; i >= 0 && out.length < limit; i--) {
      const b = list[i] as AppealBirth;
      if (b.time <= now && (!within || within(b.county.code))) out.push(appealAt(b, now));
    }
  }
  return out;
}

// ── Aggregates ─────────────────────────────────────────────────────────────

function within(regions: RegionSource, ancestor: string): (code: string) => boolean {
  return (code) => {
    let current = regions.get(code);
    while (current) {
      if (current.code === ancestor) return true;
      current = current.parent ? regions.get(current.parent) : undefined;
    }
    return false;
  };
}

/** Share of the province's appeals that a region accounts for (people, not GDP: a softer curve). */
function regionWeight(regions: RegionSource, code: string): number {
  const entry = regions.get(code);
  if (!entry || entry.level === 'province') return 1;
  const siblings = regions.children(entry.parent ?? '');
  const total = siblings.reduce((s, c) => s + regions.share(c.code) ** 0.6, 0) || 1;
  return regionWeight(regions, entry.parent ?? '') * (regions.share(code) ** 0.6 / total);
}

function mix(seed: string, key: string, day: string, base: number, noise = 0.06): number {
  return base * (1 + gaussian(createRng(`${seed}|mix|${key}|${day}`)) * noise);
}

/** Appeals of one region in [from, to): expected volume with day-level noise, rounded. */
function volume(regions: RegionSource, seed: string, region: string, from: number, to: number): number {
  const base = expectedAppeals(regions, seed, from, to) * regionWeight(regions, region) * mix(seed, `region-${region}`, cstDay(from), 1, 0.05);
  return Math.round(base + burstVolume(regions, seed, region, from, to));
}

/** Appeals the bursts (`burstsIn`) add to `region` in [from, to): all of a burst inside the region, a county its share of its city's. */
function burstVolume(regions: RegionSource, seed: string, region: string, from: number, to: number): number {
  let extra = 0;
  for (const b of burstsIn(seed, from, to)) {
    const hours = (Math.min(to, b.to) - Math.max(from, b.from)) / HOUR;
    if (hours <= 0 || !regions.get(b.city)) continue;
    if (within(regions, region)(b.city)) extra += b.perHour * hours;
    else if (within(regions, b.city)(region)) extra += b.perHour * hours * (regionWeight(regions, region) / regionWeight(regions, b.city));
  }
  return extra;
}

/**
 * Daily appeals for the last `days` complete days and today so far, as
 * series: `by` = total | channel | category.
 */
export function appealTrend(
  regions: RegionSource,
  seed: string,
  now: number,
  region = '410000',
  days = 30,
  by: 'total' | 'channel' | 'category' = 'total',
): SeriesOut[] {
  const out: SeriesOut[] = [];
  for (let i = days; i >= 0; i--) {
    const start = cstDayStart(now) - i * DAY;
    const end = i === 0 ? now : start + DAY;
    const total = volume(regions, seed, region, start, end);
    const t = cstDay(start);
    if (by === 'total') {
      out.push({ series: 'appeals', name: '受理量', nameEn: 'Appeals', region, t, value: total, unit: '件' });
      continue;
    }
    const parts =
      by === 'channel'
        ? CHANNELS.map((c) => [c.key, c.name, c.nameEn, c.share] as const)
        : categoryWeights(cstParts(start).m).map(([c, w]) => [c.key, c.name, c.nameEn, w] as const);
    const weights = parts.map(([key, , , w]) => mix(seed, `${by}-${key}`, t, w, 0.08));
    const sum = weights.reduce((a, b) => a + b, 0);
    parts.forEach(([key, name, nameEn], k) => {
      out.push({ series: key, name, nameEn, region, t, value: Math.round((total * (weights[k] ?? 0)) / sum), unit: '件' });
    });
  }
  return out;
}

/** Hourly appeals for the last `hours` hours (t = "YYYY-MM-DDTHH"), with the same hour a week earlier as `prior`. */
export function appealHourly(regions: RegionSource, seed: string, now: number, region = '410000', hours = 48): (SeriesOut & { prior: number })[] {
  const out: (SeriesOut & { prior: number })[] = [];
  const current = Math.floor(now / HOUR) * HOUR;
  for (let i = hours - 1; i >= 0; i--) {
    const start = current - i * HOUR;
    const end = Math.min(now, start + HOUR);
    const d = cstDay(start);
    const h = String(cstParts(start).h).padStart(2, '0');
    out.push({
      series: 'appeals',
      name: '受理量',
      nameEn: 'Appeals',
      region,
      t: `${d}T${h}`,
      value: volume(regions, seed, region, start, end),
      unit: '件',
      prior: volume(regions, seed, region, start - 7 * DAY, end - 7 * DAY),
    });
  }
  return out;
}

/** Today's appeals so far by channel (share items). */
export function appealsByChannel(regions: RegionSource, seed: string, now: number, region = '410000'): ShareOut[] {
  const today = appealTrend(regions, seed, now, region, 0, 'channel');
  return CHANNELS.map((c) => ({ key: c.key, name: c.name, nameEn: c.nameEn, value: today.find((p) => p.series === c.key)?.value ?? 0, unit: '件' }));
}

/** Today's appeals so far by category, largest first. */
export function appealsByCategory(regions: RegionSource, seed: string, now: number, region = '410000'): ShareOut[] {
  return appealTrend(regions, seed, now, region, 0, 'category')
    .map((p) => ({ key: p.series, name: p.name, nameEn: p.nameEn, value: p.value, unit: '件' }))
    .sort((a, b) => b.value - a.value);
}

/** Today's appeals per child region of `region` (for the map heat and the ranking). */
export function appealsByRegion(regions: RegionSource, seed: string, now: number, region = '410000'): RegionMetricOut[] {
  let kids = regions.children(region);
  if (!kids.length) {
    const self = regions.get(region);
    kids = self?.parent ? regions.children(self.parent) : [];
  }
  const start = cstDayStart(now);
  return kids.map((k) => {
    const surge = surgeOf(regions, seed, start);
    let value = volume(regions, seed, k.code, start, now);
    if (surge && within(regions, surge.city)(k.code)) value = Math.round(value * (1 + (surge.factor - 1) * 0.4));
    return { code: k.code, indicator: 'appeals', value, unit: '件', period: cstDay(now) };
  });
}

export interface RankOut {
  key: string;
  name: string;
  nameEn: string;
  value: number;
  unit: string;
}

const DEPARTMENTS: readonly (readonly [string, string, string])[] = [
  ['housing', '省住房和城乡建设厅', 'Housing and Urban-Rural Development'],
  ['hrss', '省人力资源和社会保障厅', 'Human Resources and Social Security'],
  ['transport', '省交通运输厅', 'Transport'],
  ['market', '省市场监督管理局', 'Market Regulation'],
  ['environment', '省生态环境厅', 'Ecology and Environment'],
  ['education', '省教育厅', 'Education'],
  ['health', '省卫生健康委员会', 'Health Commission'],
  ['security', '省公安厅', 'Public Security'],
  ['agriculture', '省农业农村厅', 'Agriculture and Rural Affairs'],
  ['civil', '省民政厅', 'Civil Affairs'],
  ['resources', '省自然资源厅', 'Natural Resources'],
  ['water', '省水利厅', 'Water Resources'],
];

/** On-time handling rate or satisfaction (%) by department over the last 30 days, best first. */
export function departmentRates(seed: string, now: number, metric: 'ontime' | 'satisfaction' = 'ontime'): RankOut[] {
  const month = cstDay(now).slice(0, 7);
  return DEPARTMENTS.map(([key, name, nameEn]) => {
    const base = createRng(`${seed}|dept|${key}|${metric}`);
    const drift = gaussian(createRng(`${seed}|dept|${key}|${metric}|${month}`));
    const value = metric === 'ontime' ? 95.5 + base() * 3.8 + drift * 0.5 : 86 + base() * 10 + drift * 1.2;
    return { key, name, nameEn, value: Math.min(100, Math.round(value * 10) / 10), unit: '%' };
  }).sort((a, b) => b.value - a.value);
}

/** Daily sentiment polarity shares (positive / neutral / negative, %) for the last `days` days and today. */
export function polarityTrend(regions: RegionSource, seed: string, now: number, days = 30): SeriesOut[] {
  const out: SeriesOut[] = [];
  for (let i = days; i >= 0; i--) {
    const start = cstDayStart(now) - i * DAY;
    const t = cstDay(start);
    const surge = surgeOf(regions, seed, start);
    const rng = createRng(`${seed}|polarity|${t}`);
    const negative = 38 + gaussian(rng) * 3 + (surge ? 6 * (surge.factor - 1) : 0);
    const positive = 17 + gaussian(rng) * 2;
    const neutral = 100 - negative - positive;
    for (const [series, name, nameEn, value] of [
      ['positive', '正面', 'Positive', positive],
      ['neutral', '中性', 'Neutral', neutral],
      ['negative', '负面', 'Negative', negative],
    ] as const) {
      out.push({ series, name, nameEn, region: '410000', t, value: Math.round(value * 10) / 10, unit: '%' });
    }
  }
  return out;
}

/** Hot topics of the last 24 hours with appeal counts, hottest first (a surge tops the list). */
export function hotTopics(regions: RegionSource, seed: string, now: number, limit = 10): RankOut[] {
  const total = expectedAppeals(regions, seed, now - DAY, now);
  const { m } = cstParts(now);
  const weights = categoryWeights(m);
  const sum = weights.reduce((s, [, w]) => s + w, 0);
  const topics: RankOut[] = [];
  for (const [c, w] of weights) {
    c.topics.forEach((topic, i) => {
      const rng = createRng(`${seed}|topic|${topic}|${cstDay(now)}`);
      const share = ((w / sum) * (0.5 / (i + 1)) * (0.7 + rng() * 0.6)) / 1.4;
      topics.push({ key: `${c.key}-${i}`, name: topic, nameEn: `${c.nameEn} #${i + 1}`, value: Math.round(total * share), unit: '件' });
    });
  }
  for (const dayStart of [cstDayStart(now), cstDayStart(now) - DAY]) {
    const surge = surgeOf(regions, seed, dayStart);
    const surgeEnd = dayStart + (surge ? (surge.startHour + surge.hours) * HOUR : 0);
    if (!surge || dayStart + surge.startHour * HOUR > now || surgeEnd < now - DAY) continue;
    const city = regions.get(surge.city);
    const extra = expectedAppeals(regions, seed, dayStart + surge.startHour * HOUR, Math.min(now, surgeEnd)) * (1 - 1 / surge.factor);
    topics.push({
      key: `surge-${surge.day}`,
      name: `${city?.short ?? ''}${surge.topic}`,
      nameEn: `Surge: ${surge.topic}`,
      value: Math.round(extra),
      unit: '件',
    });
  }
  return topics.sort((a, b) => b.value - a.value).slice(0, limit);
}

/** Headline hotline figures for `region` as of `now`. */
export function sentimentKpis(regions: RegionSource, seed: string, now: number, region = '410000'): KpiOut[] {
  const start = cstDayStart(now);
  const today = volume(regions, seed, region, start, now);
  const yesterday = volume(regions, seed, region, start - DAY, now - DAY);
  const spark: number[] = [];
  for (let i = 12; i >= 1; i--) spark.push(volume(regions, seed, region, start - i * DAY, start - (i - 1) * DAY));
  const { y, m } = cstParts(now);
  const monthStart = Date.UTC(y, m - 1, 1) - 8 * HOUR;
  const monthTotal = volume(regions, seed, region, monthStart, now);
  const rates = departmentRates(seed, now, 'ontime');
  const sat = departmentRates(seed, now, 'satisfaction');
  const avg = (list: RankOut[]) => Math.round((list.reduce((s, r) => s + r.value, 0) / list.length) * 10) / 10;
  const goodRng = createRng(`${seed}|good-review|${cstDay(now)}`);
  const period = cstDay(now);
  const base = { region, period, source: '12345热线（演示）' };
  const pct = (a: number, b: number) => (b > 0 ? Math.round(((a - b) / b) * 1000) / 10 : null);
  return [
    { ...base, id: 'appeals-today', name: '今日受理量', nameEn: 'Appeals today', value: today, unit: '件', yoy: null, mom: pct(today, yesterday), spark },
    { ...base, id: 'appeals-month', name: '本月累计受理', nameEn: 'Appeals this month', value: monthTotal, unit: '件', yoy: null, mom: null, spark: [] },
    { ...base, id: 'ontime-rate', name: '按时办结率', nameEn: 'On-time rate', value: avg(rates), unit: '%', yoy: null, mom: null, spark: [] },
    { ...base, id: 'satisfaction', name: '群众满意率', nameEn: 'Satisfaction', value: avg(sat), unit: '%', yoy: null, mom: null, spark: [] },
    {
      ...base,
      id: 'good-review',
      name: '政务服务好评率',
      nameEn: 'Good reviews',
      value: Math.round((97 + goodRng() * 2.5) * 10) / 10,
      unit: '%',
      yoy: null,
      mom: null,
      spark: [],
    },
  ];
}

/**
 * Daily appeals per category in each child region of `region` (a county: its
 * siblings) for the last `days` complete days (28; today is not complete and
 * is left out): `series` = category key, `region` = the child. The volumes
 * follow the stream's rhythm (weekday factors, seasonal category mix), with
 * Poisson-like noise, the surges of the stream in their city and category,
 * and every burst (`burstsIn`). The input of spike detection.
 */
export function appealVolumes(regions: RegionSource, seed: string, now: number, region = '410000', days = 28): SeriesOut[] {
  let kids: readonly RegionLike[] = regions.children(region);
  if (!kids.length) {
    const self = regions.get(region);
    kids = self?.parent ? regions.children(self.parent) : [];
  }
  const out: SeriesOut[] = [];
  const today = cstDayStart(now);
  for (let i = days; i >= 1; i--) {
    const start = today - i * DAY;
    const end = start + DAY;
    const t = cstDay(start);
    const weights = categoryWeights(cstParts(start + 12 * HOUR).m);
    const sum = weights.reduce((a, [, w]) => a + w, 0);
    const base = APPEALS_PER_DAY * dayFactor(seed, start);
    const surge = surgeOf(regions, seed, start);
    const bursts = burstsIn(seed, start, end);
    for (const kid of kids) {
      const inKid = within(regions, kid.code);
      const weight = regionWeight(regions, kid.code);
      for (const [c, w] of weights) {
        let mean = base * weight * (w / sum);
        if (surge && surge.category === c.key && inKid(surge.city) === false && within(regions, surge.city)(kid.code)) {
          // A county of the surging city: its share of the city's surge.
          mean += expectedSurgeExtra(regions, seed, start, surge) * (weight / regionWeight(regions, surge.city));
        } else if (surge && surge.category === c.key && inKid(surge.city)) mean += expectedSurgeExtra(regions, seed, start, surge);
        for (const b of bursts) {
          if (b.category !== c.key) continue;
          const hours = (Math.min(end, b.to) - Math.max(start, b.from)) / HOUR;
          if (hours <= 0) continue;
          if (inKid(b.city)) mean += b.perHour * hours;
          else if (within(regions, b.city)(kid.code)) mean += b.perHour * hours * (weight / regionWeight(regions, b.city));
        }
        const rng = createRng(`${seed}|volume|${kid.code}|${c.key}|${t}`);
        const value = Math.max(0, Math.round(mean * (1 + gaussian(rng) * 0.03) + gaussian(rng) * Math.sqrt(mean)));
        out.push({ series: c.key, name: c.name, nameEn: c.nameEn, region: kid.code, t, value, unit: '件' });
      }
    }
  }
  return out;
}

/** Extra appeals a surge brings in its day (the stream's surge factor over its hours). */
function expectedSurgeExtra(regions: RegionSource, seed: string, dayStart: number, surge: Surge): number {
  let extra = 0;
  for (let h = surge.startHour; h < surge.startHour + surge.hours; h++) {
    const hourStart = dayStart + h * HOUR;
    extra += (expectedAppealsInHour(regions, seed, hourStart) * (surge.factor - 1)) / surge.factor;
  }
  return extra;
}

/** Within-region predicate for filters (exported for the handlers). */
export function regionFilter(regions: RegionSource, ancestor: string): (code: string) => boolean {
  return within(regions, ancestor);
}
