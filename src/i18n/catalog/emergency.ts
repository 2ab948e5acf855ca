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
} as const satisfies Record<string, { zh: string; en: string }>;
