import type { ReactNode } from 'react';
import { useLocale, useT } from '../i18n/i18n';
import { unitLabel } from '../lib/format';

/** "单位：亿元" in a panel header: every figure on the wall has its unit. */
export function UnitTag({ unit, children }: { unit: string; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const label = unitLabel(unit, locale);
  return (
    <span className="panel__tag" data-unit={unit}>
      {children}
      {children ? ' · ' : ''}
      {t('chart.unit')}
      {t('punct.colon')}
      <strong>{label}</strong>
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

/** A unit short enough for a KPI card or a column header (in the catalogue: `unitShort.*`). */
export { compactUnit } from '../lib/format';
