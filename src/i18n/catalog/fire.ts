/**
 * The fire & rescue screen's words: the `stations` map layer (fire stations
 * by status with their engines).
 */
export const fireMessages = {
  'stations.legend': { zh: '消防站 {n}（出动 {d}）', en: 'Fire stations {n} ({d} out)' },
  'stations.standby': { zh: '在站待命', en: 'In station' },
  'stations.dispatched': { zh: '车辆出动', en: 'Engines out' },
  'stations.engines': { zh: '车辆', en: 'Engines' },
  'stations.enginesValue': { zh: '在站 {a} / 共 {c} 辆', en: '{a} of {c} in station' },
  'col.enginesIn': { zh: '在站车辆', en: 'Engines in station' },
  'col.enginesTotal': { zh: '车辆总数', en: 'Engines' },
} as const;
