/**
 * Emergency vocabulary shared by the incident list, the alert feed, threshold
 * alerts and the map: one name per thing on every screen. Keys follow the
 * contracts (`incident.type.<type>`, `incident.status.<status>`,
 * `resource.kind.<kind>`, `resource.status.<status>`).
 */
export const emergencyMessages = {
  'incident.type.fire': { zh: '火灾', en: 'Fire' },
  'incident.type.flood': { zh: '洪涝', en: 'Flood' },
  'incident.type.traffic': { zh: '交通事故', en: 'Traffic accident' },
  'incident.type.hazchem': { zh: '危化品', en: 'Hazardous chemicals' },
  'incident.type.mine': { zh: '矿山', en: 'Mine' },
  'incident.type.geological': { zh: '地质灾害', en: 'Geological hazard' },
  'incident.type.health': { zh: '公共卫生', en: 'Public health' },
  'incident.type.other': { zh: '其他', en: 'Other' },

  // The four-colour warning levels (Ⅰ most severe). Threshold alerts and weather warnings use the same words.
  'incident.level.1': { zh: 'Ⅰ级', en: 'Level I' },
  'incident.level.2': { zh: 'Ⅱ级', en: 'Level II' },
  'incident.level.3': { zh: 'Ⅲ级', en: 'Level III' },
  'incident.level.4': { zh: 'Ⅳ级', en: 'Level IV' },
  'incident.level.1.colour': { zh: '红色', en: 'Red' },
  'incident.level.2.colour': { zh: '橙色', en: 'Orange' },
  'incident.level.3.colour': { zh: '黄色', en: 'Yellow' },
  'incident.level.4.colour': { zh: '蓝色', en: 'Blue' },
  /** Level with its colour, for chips and tooltips: "Ⅰ级 红色" / "Level I · Red". */
  'incident.level.withColour': { zh: '{level} {colour}', en: '{level} · {colour}' },

  'incident.status.reported': { zh: '已接报', en: 'Reported' },
  'incident.status.dispatched': { zh: '已调度', en: 'Dispatched' },
  'incident.status.onsite': { zh: '已到场', en: 'On site' },
  'incident.status.controlled': { zh: '已控制', en: 'Controlled' },
  'incident.status.closed': { zh: '已办结', en: 'Closed' },

  'resource.kind.team': { zh: '救援队伍', en: 'Rescue team' },
  'resource.kind.shelter': { zh: '避难场所', en: 'Shelter' },
  'resource.kind.depot': { zh: '物资储备库', en: 'Supply depot' },
  'resource.status.standby': { zh: '待命', en: 'Standby' },
  'resource.status.dispatched': { zh: '已出动', en: 'Dispatched' },
  'resource.status.open': { zh: '开放', en: 'Open' },
  'resource.status.full': { zh: '已满', en: 'Full' },
  'resource.status.closed': { zh: '关闭', en: 'Closed' },

  // The incident detail card (over the map).
  'incident.detail': { zh: '事件详情', en: 'Incident detail' },
  'incident.close': { zh: '关闭详情', en: 'Close detail' },
  'incident.loading': { zh: '事件信息加载中…', en: 'Loading the incident…' },
  'incident.missing': { zh: '该事件不在当前数据中（可能已办结或不在本区域）', en: 'This incident is not in the current data (closed, or outside this region)' },
  'incident.statusNow': { zh: '当前状态：', en: 'Status: ' },
  'incident.timeline': { zh: '处置进程', en: 'Status history' },
  'incident.sinceReport': { zh: '接报后 {min} 分钟', en: '{min} min after report' },
  'incident.units': { zh: '出动力量（{n} 支）', en: 'Units dispatched ({n})' },
  'incident.noUnits': { zh: '暂无出动力量记录', en: 'No unit on record' },
  'incident.eta': { zh: '预计 {time} 到场', en: 'ETA {time}' },
  'incident.arrivedAt': { zh: '{time} 已到场', en: 'On scene {time}' },
  'incident.km': { zh: '{km} 公里', en: '{km} km' },
  'incident.nearby': { zh: '就近避难场所与物资储备库', en: 'Nearest shelters and depots' },
  'incident.available': { zh: '可用 {n} {unit}', en: '{n} {unit} free' },
  'incident.open': { zh: '查看详情', en: 'Open detail' },

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
