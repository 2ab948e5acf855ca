/**
 * The disaster & hydrology screen's words: the `levels` panel type (river
 * gauges against warning / guaranteed levels, reservoirs against the
 * flood-limit level in the flood season and the normal pool level outside it).
 */
export const disasterMessages = {
  'level.status.over-guaranteed': { zh: '超保证 {m}', en: 'Above guaranteed by {m}' },
  'level.status.over-warning': { zh: '超警戒 {m}', en: 'Above warning by {m}' },
  'level.status.below-warning': { zh: '低于警戒 {m}', en: '{m} below warning' },
  'level.status.over-limit': { zh: '超汛限 {m}', en: 'Above flood limit by {m}' },
  'level.status.below-limit': { zh: '低于汛限 {m}', en: '{m} below flood limit' },
  'level.status.over-normal': { zh: '非汛期 · 高于正常蓄水位 {m}', en: 'Off-season · above normal pool by {m}' },
  'level.status.below-normal': { zh: '非汛期 · 低于正常蓄水位 {m}', en: 'Off-season · {m} below normal pool' },
  'level.status.unknown': { zh: '无参考水位', en: 'No reference level' },
  'level.mark.warning': { zh: '警戒', en: 'Warning' },
  'level.mark.guaranteed': { zh: '保证', en: 'Guaranteed' },
  'level.mark.floodLimit': { zh: '汛限', en: 'Flood limit' },
  'level.mark.normalPool': { zh: '正常', en: 'Normal' },
  'level.scaleNote': { zh: '各站刻度不同，不从零起', en: 'Each station its own scale, not from 0' },
  'level.summary.river': { zh: '超警 {over} / {n} 站', en: '{over} of {n} above warning' },
  'level.summary.reservoir': { zh: '超汛限 {over} / {n} 座', en: '{over} of {n} above limit' },
  'level.rising': { zh: '6小时涨 {m}', en: 'up {m} in 6 h' },
  'level.falling': { zh: '6小时落 {m}', en: 'down {m} in 6 h' },
  'level.steady': { zh: '6小时持平', en: 'steady over 6 h' },
  'level.empty': { zh: '本地区暂无水情站点', en: 'No gauges in this region' },
  'col.station': { zh: '站点', en: 'Station' },
  'col.water': { zh: '河流', en: 'River' },
  'col.waterLevel': { zh: '水位', en: 'Level' },
  'col.warning': { zh: '警戒水位', en: 'Warning level' },
  'col.guaranteed': { zh: '保证水位', en: 'Guaranteed level' },
  'col.floodLimit': { zh: '汛限水位', en: 'Flood-limit level' },
  'col.normalPool': { zh: '正常蓄水位', en: 'Normal pool level' },
  'col.margin': { zh: '距参考水位', en: 'Margin to reference' },
  'col.change6h': { zh: '6小时变化', en: '6 h change' },
} as const;
