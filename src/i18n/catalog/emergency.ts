/**
 * Emergency vocabulary shared by the incident list, the alert feed, threshold
 * alerts and the map: one name per thing on every screen. Keys follow the
 * contracts (`incident.type.<type>`, `incident.status.<status>`,
 * `resource.kind.<kind>`, `resource.status.<status>`).
 */
export const emergencyMessages = {
  // Response times by level against targets.
  'response.dispatch': { zh: '出动用时', en: 'Time to dispatch' },
  'response.dispatchTarget': { zh: '出动目标', en: 'Dispatch target' },
  'response.scene': { zh: '到场用时', en: 'Time to scene' },
  'response.sceneTarget': { zh: '到场目标', en: 'Scene target' },
  'response.onTarget': { zh: '按时到场率', en: 'On scene within target' },
  'response.count': { zh: '事件数', en: 'Incidents' },
  'response.dispatchShort': { zh: '接报→出动（≤目标）', en: 'To dispatch (≤ target)' },
  'response.sceneShort': { zh: '接报→到场（≤目标）', en: 'To scene (≤ target)' },
  'response.onTargetShort': { zh: '按时到场', en: 'On time' },
  'response.countShort': { zh: '{n} 起', en: '{n} incidents' },
  'response.target': { zh: '≤{value}', en: '≤{value}' },
  'response.caption': { zh: '各级事件响应时效（分钟）与目标，共 {n} 起', en: 'Response times (minutes) by level against targets, {n} incidents' },
  'response.late': { zh: '超时', en: 'late' },
  'response.window': { zh: '{period} · 均值', en: '{period} · means' },
  'response.minutes': { zh: '单位：分钟', en: 'Unit: min' },

  // Sensor alarms (chemical parks, coal mines).
  'sensor.indicator.methane': { zh: '甲烷', en: 'Methane' },
  'sensor.indicator.co': { zh: '一氧化碳', en: 'CO' },
  'sensor.indicator.gas-lel': { zh: '可燃气体', en: 'Flammable gas' },
  'sensor.indicator.h2s': { zh: '硫化氢', en: 'H₂S' },
  'sensor.indicator.nh3': { zh: '氨气', en: 'Ammonia' },
  'sensor.threshold': { zh: '／阈值 {value}', en: ' / limit {value}' },
  'sensor.ratio': { zh: '超限 {x} 倍', en: '{x}× limit' },
  'sensor.kind.chemical': { zh: '化工园区', en: 'Chemical park' },
  'sensor.kind.mine': { zh: '煤矿', en: 'Coal mine' },
  'sensor.kind.other': { zh: '监测点', en: 'Monitoring site' },
  'sensor.status.active': { zh: '报警中', en: 'Alarm' },
  'sensor.status.cleared': { zh: '已消除', en: 'Cleared' },
  'col.site': { zh: '监测点', en: 'Site' },
  'col.reading': { zh: '读数', en: 'Reading' },
} as const satisfies Record<string, { zh: string; en: string }>;
