import type { Locale } from '../i18n/i18n';

/** The map's strings, both locales (kept beside the map rather than in the shell's messages). */
export const MAP_TEXT = {
  lost: { zh: '地图渲染中断，正在恢复…', en: 'Map rendering interrupted, recovering…' },
  failed: { zh: '地图暂不可用，稍后自动重试', en: 'Map unavailable; retrying shortly' },
  mapLabel: { zh: '区域地图', en: 'Region map' },
  loadingGeo: { zh: '正在加载行政区划…', en: 'Loading boundaries…' },
  noData: { zh: '无数据', en: 'No data' },
  indicator: { zh: '着色指标', en: 'Colour by' },
  yoy: { zh: '同比', en: 'YoY' },
  density: { zh: '事件密度', en: 'Incident density' },
  low: { zh: '低', en: 'Low' },
  high: { zh: '高', en: 'High' },
  dispatch: { zh: '调度线路', en: 'Dispatches' },
  columns: { zh: '柱高', en: 'Height' },
  incidents: { zh: '事件', en: 'Incidents' },
  count: { zh: '起', en: '' },
  cell: { zh: '区域内事件', en: 'Incidents here' },
  close: { zh: '关闭', en: 'Close' },
  regions: { zh: '下钻区域', en: 'Drill into' },
  reportedAt: { zh: '接报', en: 'Reported' },
  from: { zh: '出动', en: 'Sent' },
  unavailable: { zh: '不可用', en: 'unavailable' },
  loading: { zh: '加载中', en: 'loading' },
  attribution: { zh: '底图', en: 'Base map' },
  tianditu: { zh: '天地图', en: 'Tianditu' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MapTextKey = keyof typeof MAP_TEXT;

export function mapText(key: MapTextKey, locale: Locale): string {
  return locale === 'en' ? MAP_TEXT[key].en : MAP_TEXT[key].zh;
}

export const INCIDENT_TYPE_TEXT: Record<string, { zh: string; en: string }> = {
  fire: { zh: '火灾', en: 'Fire' },
  flood: { zh: '洪涝', en: 'Flood' },
  traffic: { zh: '交通事故', en: 'Traffic' },
  hazchem: { zh: '危化品', en: 'Hazardous chemicals' },
  mine: { zh: '矿山', en: 'Mine' },
  geological: { zh: '地质灾害', en: 'Geological' },
  health: { zh: '公共卫生', en: 'Public health' },
  other: { zh: '其他', en: 'Other' },
};

export const SEVERITY_TEXT: Record<1 | 2 | 3 | 4, { zh: string; en: string }> = {
  1: { zh: '红色 Ⅰ级', en: 'Red (I)' },
  2: { zh: '橙色 Ⅱ级', en: 'Orange (II)' },
  3: { zh: '黄色 Ⅲ级', en: 'Yellow (III)' },
  4: { zh: '蓝色 Ⅳ级', en: 'Blue (IV)' },
};

export const STATUS_TEXT: Record<string, { zh: string; en: string }> = {
  reported: { zh: '已接报', en: 'Reported' },
  dispatched: { zh: '已调度', en: 'Dispatched' },
  onsite: { zh: '已到场', en: 'On site' },
  controlled: { zh: '已控制', en: 'Controlled' },
  closed: { zh: '已办结', en: 'Closed' },
};

export function pick(text: { zh: string; en: string } | undefined, locale: Locale, fallback = ''): string {
  if (!text) return fallback;
  return locale === 'en' ? text.en : text.zh;
}
