import type { ContractName } from './index.ts';

/**
 * One description and one wire example per contract. Used by the JSON Schema
 * export (`examples`), by docs/data-contracts.md and by a test that proves
 * every example passes its own contract.
 */
export interface ContractInfo {
  title: string;
  description: string;
  /** Which screens / panels read it. */
  usedBy: string;
  example: Record<string, unknown>;
}

export const contractInfo: Record<ContractName, ContractInfo> = {
  kpi: {
    title: 'KPI record',
    description: 'A headline indicator for one region and period, cumulative-to-date as statistical bureaus publish, with YoY/MoM and a sparkline.',
    usedBy: 'kpi-row; economy, emergency and sentiment headline numbers',
    example: {
      id: 'retail',
      name: '社会消费品零售总额',
      nameEn: 'Retail sales of consumer goods',
      region: '410000',
      period: '2026-10',
      value: 22318,
      unit: '亿元',
      yoy: 5.4,
      mom: 1.2,
      target: 28832,
      spark: [2050.1, 1880.4, null, 2210.9],
      source: '省统计局',
      asOf: '2026-11-15T10:00:00+08:00',
    },
  },
  series: {
    title: 'Series point',
    description: 'One point of a named series (trend charts); `t` is a period from a year down to an hour.',
    usedBy: 'trend charts (economy trends, 12345 daily volumes, polarity trend, incident trend)',
    example: { series: 'phone', name: '电话', nameEn: 'Phone', region: '410000', t: '2026-11-19', value: 18234, unit: '件', prior: 17120 },
  },
  'region-metric': {
    title: 'Region metric',
    description: 'A metric value for one region (choropleth map, city ranking).',
    usedBy: 'map choropleth, region ranking',
    example: { code: '410100', indicator: 'appeals', value: 5321, unit: '件', yoy: -3.2, period: '2026-11-20' },
  },
  rank: {
    title: 'Rank item',
    description: 'An item of a ranking that is not a region: a department, a category, a hot topic.',
    usedBy: 'ranking bars (on-time rate by department, hot topics)',
    example: { key: 'hrss', name: '省人社厅', nameEn: 'Human Resources and Social Security', value: 97.6, unit: '%' },
  },
  share: {
    title: 'Share item',
    description: 'A part of a whole (composition charts); same shape as a rank item.',
    usedBy: 'pie / bar composition (appeals by channel, incidents by type)',
    example: { key: 'wechat', name: '微信', nameEn: 'WeChat', value: 6120, unit: '件' },
  },
  incident: {
    title: 'Incident',
    description: 'An emergency incident with type, four-colour severity, position and handling status.',
    usedBy: 'emergency map, incident list / ticker, counts',
    example: {
      id: 'inc-493817-2',
      type: 'fire',
      severity: 3,
      title: '郑州市金水区某小区高层住宅火灾',
      region: '410105',
      lon: 113.7421,
      lat: 34.8062,
      reportedAt: '2026-11-20T09:12:31+08:00',
      updatedAt: '2026-11-20T09:40:00+08:00',
      status: 'onsite',
      history: [
        { status: 'reported', at: '2026-11-20T09:12:31+08:00' },
        { status: 'dispatched', at: '2026-11-20T09:14:40+08:00' },
        { status: 'onsite', at: '2026-11-20T09:40:00+08:00' },
      ],
      seq: 4938170002,
    },
  },
  alert: {
    title: 'Alert',
    description: 'A threshold or warning message: IoT sensor alarms, weather warnings, indicator alerts.',
    usedBy: 'alert lists (sensor alarms, weather warnings, indicator thresholds)',
    example: {
      id: 'wx-411500-2026112008',
      level: 3,
      indicator: 'rainstorm',
      region: '411500',
      message: '信阳市气象台发布暴雨黄色预警信号',
      at: '2026-11-20T08:00:00+08:00',
    },
  },
  'text-item': {
    title: 'Text item (appeal)',
    description: 'A 12345-hotline appeal or similar free text from the public. Untrusted: rendered as text only, personal data masked at the source.',
    usedBy: 'appeal ticker, sentiment detail',
    example: {
      id: 'apl-29413440-17',
      channel: '电话',
      category: '城乡建设',
      region: '410105',
      text: '张** 138****1234 反映：金水区某小区电梯频繁故障，物业长期不修，请相关部门督促处理。',
      receivedAt: '2026-11-20T09:58:12+08:00',
      status: 'assigned',
      department: '郑州市住房保障和房地产管理局',
      sentiment: -0.6,
      seq: 294134400017,
    },
  },
  project: {
    title: 'Key project',
    description: 'A key project / white-list enterprise row with investment progress and status.',
    usedBy: 'key projects table',
    example: {
      id: 'p-2026-0012',
      name: '郑州航空港区智能终端产业园',
      region: '410100',
      industry: '电子信息',
      owner: '某科技有限公司',
      status: 'on_track',
      investmentPlan: 120,
      investmentDone: 86.5,
      unit: '亿元',
      startYear: 2024,
      link: 'https://example.gov.cn/projects/p-2026-0012',
    },
  },
  resource: {
    title: 'Rescue resource',
    description: 'A rescue team, shelter or materials depot on the map; a dispatched team names its incident (dispatch line).',
    usedBy: 'emergency map (resources layer, dispatch lines), resource tables',
    example: {
      id: 'team-410100-03',
      kind: 'team',
      category: 'fire',
      name: '郑州市消防救援支队金水大队',
      region: '410105',
      lon: 113.7001,
      lat: 34.7902,
      capacity: 45,
      available: 32,
      unit: '人',
      status: 'dispatched',
      incidentId: 'inc-493817-2',
      eta: '2026-11-20T09:40:00+08:00',
      updatedAt: '2026-11-20T09:20:00+08:00',
    },
  },
  'response-time': {
    title: 'Response time',
    description:
      'Mean minutes from the report to the dispatch order and to the first unit on scene for one incident level (Ⅰ–Ⅳ) over a window, against the targets, with the share on scene within target.',
    usedBy: 'emergency response-time panel (by level against targets)',
    example: {
      level: 2,
      count: 17,
      dispatchMinutes: 2.1,
      sceneMinutes: 14.7,
      dispatchTarget: 3,
      sceneTarget: 20,
      onTarget: 88.2,
      period: '2026-11-13/2026-11-20',
    },
  },
  'sensor-alarm': {
    title: 'Sensor alarm',
    description:
      'An IoT sensor alarm at a hazardous-chemical park (化工园区) or a coal mine (煤矿): what was measured, the reading against the alarm threshold with its unit, level and whether it has cleared.',
    usedBy: 'emergency sensor-alarm list',
    example: {
      id: 'sensor-498648-0',
      site: '濮阳经济技术开发区化工园区',
      kind: 'chemical',
      point: '储罐区',
      region: '410902',
      indicator: 'gas-lel',
      reading: 31,
      threshold: 25,
      unit: '%LEL',
      level: 4,
      at: '2026-11-20T08:46:43+08:00',
      status: 'active',
    },
  },
  'water-level': {
    title: 'Water level',
    description:
      'A river gauge against its warning and guaranteed levels (警戒/保证水位), or a reservoir against its flood-limit level (汛限水位, in force in the flood season) and normal pool level; metres above datum.',
    usedBy: 'disaster screen: river gauges and reservoirs (levels panel)',
    example: {
      id: 'gauge-huayuankou',
      name: '花园口',
      nameEn: 'Huayuankou',
      kind: 'river',
      water: '黄河',
      waterEn: 'Yellow River',
      region: '410108',
      lon: 113.66,
      lat: 34.91,
      level: 90.49,
      unit: 'm',
      warning: 93.85,
      guaranteed: 95.6,
      change6h: -0.04,
      at: '2026-11-20T10:00:00+08:00',
    },
  },
};
