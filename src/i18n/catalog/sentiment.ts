/**
 * Public-sentiment (12345 hotline) vocabulary. Status is a closed vocabulary
 * of the `text-item` contract; channels and categories are open text in the
 * contract, so the common ones are translated and others shown as the feed gave them.
 */
export const sentimentMessages = {
  'appeal.status.new': { zh: '新诉求', en: 'New' },
  'appeal.status.assigned': { zh: '已派单', en: 'Assigned' },
  'appeal.status.handling': { zh: '办理中', en: 'Handling' },
  'appeal.status.replied': { zh: '已回复', en: 'Replied' },
  'appeal.status.closed': { zh: '已办结', en: 'Closed' },

  'appeal.channel.电话': { zh: '电话', en: 'Phone' },
  'appeal.channel.微信': { zh: '微信', en: 'WeChat' },
  'appeal.channel.APP': { zh: 'APP', en: 'App' },
  'appeal.channel.网站': { zh: '网站', en: 'Website' },

  'appeal.category.城乡建设': { zh: '城乡建设', en: 'Urban & rural construction' },
  'appeal.category.劳动保障': { zh: '劳动保障', en: 'Labour & social security' },
  'appeal.category.交通运输': { zh: '交通运输', en: 'Transport' },
  'appeal.category.市场监管': { zh: '市场监管', en: 'Market regulation' },
  'appeal.category.生态环境': { zh: '生态环境', en: 'Environment' },
  'appeal.category.教育': { zh: '教育', en: 'Education' },
  'appeal.category.医疗卫生': { zh: '医疗卫生', en: 'Health' },
  'appeal.category.公共安全': { zh: '公共安全', en: 'Public safety' },
  'appeal.category.农业农村': { zh: '农业农村', en: 'Agriculture' },
  'appeal.category.民政': { zh: '民政', en: 'Civil affairs' },
  'appeal.category.水电气暖': { zh: '水电气暖', en: 'Utilities' },

  // Spike alerts on daily appeal volumes (category × region).
  'spike.rule': { zh: '近{days}日 · Z≥{z}', en: '{days} d · z ≥ {z}' },
  'spike.observed': { zh: '实际受理', en: 'Observed' },
  'spike.expected': { zh: '预期', en: 'Expected' },
  'spike.band': { zh: '正常区间', en: 'Normal band' },
  'spike.flag': { zh: '激增', en: 'Spike' },
  'spike.chip': { zh: '激增', en: 'Spike' },
  'spike.unit': { zh: '件', en: 'appeals' },
  'spike.chartOf': { zh: '{category} · {region}：每日受理量与正常区间', en: '{category} · {region}: daily appeals vs normal band' },
  'spike.chartLabel': { zh: '{category}（{region}）每日诉求量、正常区间与激增日', en: 'Daily appeals of {category} in {region}, normal band and spike days' },
  'spike.numbers': {
    zh: '实际 {observed} {unit}，预期 {expected} {unit}（区间 {lo}–{hi}），{x} 倍',
    en: 'observed {observed} {unit}, expected {expected} (band {lo}–{hi}), {x}×',
  },
  'spike.none': {
    zh: '近 {days} 日无显著激增（已检测 {n} 个类别×地区序列）',
    en: 'No significant spike in the last {days} days ({n} category × region series checked)',
  },
  'spike.col.day': { zh: '日期', en: 'Day' },
  'spike.col.observed': { zh: '实际受理', en: 'Observed' },
  'spike.col.expected': { zh: '预期', en: 'Expected' },
  'spike.col.lo': { zh: '区间下限', en: 'Band low' },
  'spike.col.hi': { zh: '区间上限', en: 'Band high' },
  'spike.col.score': { zh: '稳健Z值', en: 'Robust z' },

  /** A ranked list of rates whose bars start above zero says so in its header. */
  'rank.barsFrom': { zh: '条形自 {floor} 起', en: 'Bars start at {floor}' },
} as const satisfies Record<string, { zh: string; en: string }>;
