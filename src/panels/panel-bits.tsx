import type { ReactNode } from 'react';
import { useLocale, useT } from '../i18n/i18n';
import { unitLabel } from '../lib/format';

/** "单位：亿元" in a panel header: every figure on the wall has its unit. */
export function UnitTag({ unit, children }: { unit: string; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const label = unit === 'pp' ? (locale === 'en' ? 'pp' : '个百分点') : unitLabel(unit, locale);
  return (
    <span className="panel__tag" data-unit={unit}>
      {children}
      {children ? ' · ' : ''}
      {t('chart.unit')}：<strong>{label}</strong>
    </span>
  );
}

/** A small header tag (indicator name, totals). */
export function Tag({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span className="panel__tag" title={title}>
      {children}
    </span>
  );
}

const COMPACT_EN: Record<string, string> = {
  亿元: '¥100M',
  万元: '¥10k',
  元: '¥',
  亿千瓦时: '100M kWh',
  万吨: '10k t',
  万人: '10k ppl',
  万人次: '10k visits',
};

/** A unit short enough for a KPI card or a column header ("¥100M" for 亿元 in English). */
export function compactUnit(unit: string, locale: 'zh-CN' | 'en'): string {
  if (locale === 'zh-CN' || unit === '%') return unit;
  return COMPACT_EN[unit] ?? unitLabel(unit, locale);
}

const INDUSTRY_EN: Record<string, string> = {
  电子信息: 'Electronics',
  新能源汽车: 'New-energy vehicles',
  数字经济: 'Digital economy',
  交通基础设施: 'Transport',
  现代物流: 'Logistics',
  装备制造: 'Equipment',
  生物医药: 'Biomedicine',
  城市更新: 'Urban renewal',
  生态环保: 'Environment',
  文化旅游: 'Culture & tourism',
  现代化工: 'Chemicals',
  新材料: 'New materials',
  科技创新: 'Innovation',
  新能源: 'New energy',
  能源: 'Energy',
  航空航天: 'Aerospace',
  水利: 'Water',
  轻工纺织: 'Light industry',
  食品加工: 'Food',
  现代农业: 'Agriculture',
  先进制造业: 'Advanced manufacturing',
  钢铁: 'Steel',
  房地产: 'Real estate',
};

/**
 * Common industry categories in English; anything else is shown as the feed
 * gave it (like units, categories are a closed vocabulary; project names are
 * proper names and stay as they are).
 */
export function industryLabel(industry: string, locale: 'zh-CN' | 'en'): string {
  return locale === 'en' ? (INDUSTRY_EN[industry] ?? industry) : industry;
}
