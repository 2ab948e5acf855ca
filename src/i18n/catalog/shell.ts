/**
 * The shell's words: title bar, panel frame, error screen, punctuation. Keys
 * are `<area>.<name>`; closed vocabularies are `<vocabulary>.<value>` (see
 * `term` in ../translate). Units, ages and period patterns are the words of
 * `lib/format` (`formatMessages`), spread into the same catalogue.
 */
export const shellMessages = {
  'app.loading': { zh: '正在加载驾驶舱…', en: 'Loading the cockpit…' },
  'app.demoBadge': { zh: '演示数据', en: 'Demo data' },
  'app.demoBadgeTitle': { zh: '本屏数据为模拟生成的演示数据，非真实统计', en: 'Synthetic demo data, not real statistics' },
  'app.dataTime': { zh: '数据时间', en: 'Data as of' },
  'app.configError': { zh: '配置文件有误，驾驶舱无法启动', en: 'The configuration is invalid; the cockpit cannot start' },
  'app.configErrorHelp': {
    zh: '请修正 config.json 中以下字段后刷新页面：',
    en: 'Fix these fields in config.json, then reload:',
  },
  'app.configField': { zh: '字段', en: 'Field' },
  'app.configProblem': { zh: '问题', en: 'Problem' },
  'app.startError': { zh: '驾驶舱启动失败', en: 'The cockpit failed to start' },
  'app.mode.wall': { zh: '大屏', en: 'Wall' },
  'app.mode.analyst': { zh: '分析', en: 'Analyst' },
  'app.mode.demo': { zh: '演示', en: 'Demo' },
  /** The language switch names the other language, in that language. */
  'app.language': { zh: 'English', en: '中文' },
  'app.screens': { zh: '屏幕', en: 'Screens' },
  'app.range': { zh: '时间范围', en: 'Time range' },
  'demo.paused': { zh: '已暂停', en: 'Paused' },
  'range.12m': { zh: '近12个月', en: 'Last 12 months' },
  'range.24m': { zh: '近24个月', en: 'Last 24 months' },
  'range.ytd': { zh: '今年以来', en: 'Year to date' },
  'region.nav': { zh: '区域', en: 'Region' },
  'region.back': { zh: '返回上级', en: 'Up one level' },
  'panel.loading': { zh: '加载中', en: 'Loading' },
  'panel.empty': { zh: '暂无数据', en: 'No data' },
  'panel.error': { zh: '数据获取失败', en: 'Data unavailable' },
  'panel.stale': { zh: '数据未更新', en: 'Stale' },
  'panel.offline': { zh: '离线', en: 'Offline' },
  'panel.crashed': { zh: '面板出错，其余面板不受影响', en: 'This panel failed; the others are unaffected' },
  'panel.retry': { zh: '重试', en: 'Retry' },
  'panel.source': { zh: '来源', en: 'Source' },
  'panel.asOf': { zh: '截至', en: 'As of' },
  'panel.updated': { zh: '更新于', en: 'Updated' },
  'panel.quarantined': { zh: '条异常记录已隔离', en: 'bad records quarantined' },
  'panel.lastGood': { zh: '显示最后一次有效数据', en: 'Showing last good data' },
  'chart.unit': { zh: '单位', en: 'Unit' },
  // Punctuation differs between the scripts: "单位：亿元" / "Unit: 100M CNY", "甲，乙" / "A, B".
  'punct.colon': { zh: '：', en: ': ' },
  'punct.listSep': { zh: '，', en: ', ' },
  'punct.clauseSep': { zh: '；', en: '; ' },

  /** A name with a note in brackets: "计划投资（亿元）" / "Planned (¥100M)". */
  'label.paren': { zh: '{name}（{detail}）', en: '{name} ({detail})' },
} as const satisfies Record<string, { zh: string; en: string }>;
