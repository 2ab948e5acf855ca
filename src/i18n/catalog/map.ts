/**
 * Strings only the map shows (chrome, tooltips, legend). Incident types, levels,
 * statuses and resource kinds are shared vocabulary (catalog/emergency.ts), and
 * table headers are in catalog/tables.ts: the map uses those keys, so a thing has
 * one name on a screen.
 */
export const mapMessages = {
  'map.label': { zh: '{title}：区域地图', en: '{title}: region map' },
  'map.lost': { zh: '地图渲染中断，正在恢复…', en: 'Map rendering interrupted, recovering…' },
  'map.failed': { zh: '地图暂不可用，稍后自动重试', en: 'Map unavailable; retrying shortly' },
  'map.loadingGeo': { zh: '正在加载行政区划…', en: 'Loading boundaries…' },
  'map.noData': { zh: '无数据', en: 'No data' },
  'map.indicator': { zh: '着色指标', en: 'Colour by' },
  'map.yoy': { zh: '同比', en: 'YoY' },
  'map.unit': { zh: '（{unit}）', en: ' ({unit})' },
  'map.incidents': { zh: '事件', en: 'Incidents' },
  'map.density': { zh: '事件密度', en: 'Incident density' },
  'map.low': { zh: '低', en: 'Low' },
  'map.high': { zh: '高', en: 'High' },
  'map.dispatch': { zh: '调度线路', en: 'Dispatches' },
  'map.columns': { zh: '柱高：{indicator}', en: 'Height: {indicator}' },
  'map.cell': { zh: '区域内事件', en: 'Incidents here' },
  'map.cellCount': { zh: '{n} 起', en: '{n}' },
  'map.reportedAt': { zh: '接报', en: 'Reported' },
  'map.sent': { zh: '出动', en: 'Sent' },
  'map.close': { zh: '关闭', en: 'Close' },
  'map.regions': { zh: '下钻区域', en: 'Drill into' },
  'map.unavailable': { zh: '{source}：不可用', en: '{source}: unavailable' },
  'map.attribution': { zh: '底图：{name}', en: 'Base map: {name}' },
  'map.tianditu': { zh: '天地图', en: 'Tianditu' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MapMessageKey = keyof typeof mapMessages;
