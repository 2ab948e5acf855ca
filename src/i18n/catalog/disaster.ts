/**
 * The disaster & hydrology screen's words: the `levels` panel type (river
 * gauges against warning / guaranteed levels, reservoirs against the
 * flood-limit level in the flood season and the normal pool level outside it).
 */
export const disasterMessages = {
  'level.status.over-guaranteed': { zh: '超保证 {m}', en: 'Above guaranteed by {m}' },
  'level.status.over-warning': { zh: '超警戒 {m}', en: 'Above warning by {m}' },
  'level.status.below-warning': { zh: '低于警戒 {m}', en: '{m} below warning' },
  'level.status.over-limit': { zh: '超汛限 {m}', en: 'Above limit by {m}' },
  'level.status.below-limit': { zh: '低于汛限 {m}', en: '{m} below limit' },
  'level.status.over-normal': { zh: '超正常 {m}', en: 'Above normal by {m}' },
  'level.status.below-normal': { zh: '低于正常 {m}', en: '{m} below normal' },
  'level.status.unknown': { zh: '无参考水位', en: 'No reference level' },
  'level.scaleNote': { zh: '各站刻度不同，不从零起', en: 'own scale per station, not from 0' },
  'level.summary.river': { zh: '超警 {over} / {n} 站', en: '{over} of {n} above warning' },
  'level.summary.reservoir': { zh: '超汛限 {over} / {n} 座', en: '{over} of {n} above limit' },
  'level.rising': { zh: '6h ↑{m}', en: '6 h ↑{m}' },
  'level.falling': { zh: '6h ↓{m}', en: '6 h ↓{m}' },
  'level.steady': { zh: '6h 持平', en: '6 h steady' },
  'level.key.river': { zh: '实线 警戒 · 虚线 保证', en: 'solid: warning · dashed: guaranteed' },
  'level.key.limit': { zh: '实线 汛限 · 虚线 正常蓄水位', en: 'solid: flood limit · dashed: normal pool' },
  'level.key.normal': { zh: '非汛期：对比正常蓄水位（虚线）', en: 'off-season: vs normal pool (dashed)' },
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
