/**
 * The overview screen's words (综合态势): tiles that lead to their screens,
 * and the `target-bars` panel type (values against a target, from zero).
 */
export const overviewMessages = {
  'target.below': { zh: '目标 ≤ {value}', en: 'Target ≤ {value}' },
  'target.above': { zh: '目标 ≥ {value}', en: 'Target ≥ {value}' },
  'target.misses': { zh: '{n} 个未达标', en: '{n} off target' },
  'target.allMet': { zh: '全部达标', en: 'All on target' },
  'target.miss': { zh: '未达标', en: 'Off target' },
  'target.met': { zh: '达标', en: 'On target' },
  'target.fromZero': { zh: '条形自 0 起', en: 'Bars start at 0' },
  'target.topOf': { zh: '前 {n} / 共 {total}', en: 'top {n} of {total}' },
  'target.empty': { zh: '本地区暂无数据', en: 'No data for this region' },
  'col.targetValue': { zh: '目标', en: 'Target' },
  'col.gap': { zh: '与目标差', en: 'Gap to target' },
  'col.verdict': { zh: '是否达标', en: 'On target' },
} as const;
