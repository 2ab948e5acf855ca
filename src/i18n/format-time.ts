/**
 * The one date and period formatter, on `Intl.DateTimeFormat` (formatters
 * cached): instants in China time (Asia/Shanghai) whatever the machine's zone,
 * statistical periods ("2026-10", "2026-10-31T14") as China-time calendar labels.
 *
 * It lives in `lib/format` (the bottom layer, so `lib` and `geo` may use it
 * too); this module is its address for the rooms that speak through i18n.
 *
 *   periodTitle('2026-11', 'zh-CN')      → "2026年11月"      / "Nov 2026"
 *   cumulativePeriod('2026-10', 'zh-CN') → "2026年1-10月"    / "Jan–Oct 2026"
 *   periodTick('2026-10-31T14', 'zh-CN') → "14时"            / "14:00"
 *   formatDateTime(ms, 'zh-CN')          → "2026/11/20 10:00:00" / "20/11/2026, 10:00:00"
 */
export {
  CHINA_TIME_ZONE,
  cumulativePeriod,
  formatDateTime,
  formatInstant,
  type ParsedPeriod,
  type PeriodKind,
  parsePeriod,
  periodTick,
  periodTitle,
  type TimeStyle,
} from '../lib/format';
