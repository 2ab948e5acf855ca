import { useMemo } from 'react';
import { type ChartTheme, chartTheme } from '../charts/theme';
import type { ChartView } from '../charts/types';
import type { KpiRecord } from '../data/contracts/index';
import type { DatasetView } from '../data/use-dataset';
import { useRuntime } from '../data/runtime';
import { pickName } from '../i18n/translate';
import { useLayout } from '../layout/layout';
import type { Locale } from '../lib/locale';
import { useView } from '../state/view-store';

/** CSS px per design unit: the artboard scale on a wall (the same `--u` the CSS uses), 1 in analyst mode. */
export function useDesignUnit(): number {
  return useLayout().u;
}

/** The `view` and `theme` arguments of the pure option builders, stable between renders. */
export function useChartEnv(): { view: ChartView; theme: ChartTheme } {
  const { regions } = useRuntime();
  const { locale, mode, region } = useView((s) => ({ locale: s.locale, mode: s.mode, region: s.region }));
  const u = useDesignUnit();
  const view = useMemo<ChartView>(
    () => ({ locale, mode, region, regionLabel: (code: string, short?: boolean) => regions.label(code, locale, short) }),
    [locale, mode, region, regions],
  );
  const theme = useMemo(() => chartTheme(u), [u]);
  return { view, theme };
}

export interface IndicatorName {
  name: string;
  nameEn?: string | undefined;
  unit: string;
}

/**
 * Indicator display names come from the KPI feed (the panel's optional `kpi`
 * slot), which names every indicator in both languages; without it the id is shown.
 */
export function useIndicatorNames(kpi: DatasetView<KpiRecord> | undefined): {
  names: ReadonlyMap<string, IndicatorName>;
  kpis: readonly KpiRecord[] | undefined;
} {
  const records = kpi?.records;
  const names = useMemo(() => indicatorNames(records), [records]);
  return { names, kpis: records };
}

export function indicatorNames(records: readonly KpiRecord[] | undefined): ReadonlyMap<string, IndicatorName> {
  return new Map((records ?? []).map((r) => [r.id, { name: r.name, nameEn: r.nameEn, unit: r.unit }]));
}

/** The indicator's name from the KPI feed; empty when the feed does not name it (never a raw id on screen). */
export function indicatorLabel(names: ReadonlyMap<string, IndicatorName>, id: string, locale: Locale): string {
  const n = names.get(id);
  return n ? pickName(n, locale) : '';
}
