/**
 * Public-sentiment (12345 hotline) vocabulary. Status is a closed vocabulary
 * of the `text-item` contract; channels and categories are open text in the
 * contract, so the common ones are translated and others shown as the feed gave them.
 */
export const sentimentMessages = {
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
