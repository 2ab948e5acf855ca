import { useMemo } from 'react';
import { type ChartTheme, chartTheme } from '../charts/theme';
import type { ChartView } from '../charts/types';
import type { PanelConfig } from '../config/schema';
import type { KpiRecord } from '../data/contracts/index';
import { useDataset } from '../data/use-dataset';
import { useRuntime } from '../data/runtime';
import { useView } from '../state/view-store';

/**
 * Size of one design pixel in layout pixels: the artboard's width over 1920
 * in wall and demo mode (the same `--u` the CSS uses), 1 in analyst mode.
 */
export function useDesignUnit(): number {
  const { config } = useRuntime();
  const { mode, screen } = useView((s) => ({ mode: s.mode, screen: s.screen }));
  if (mode === 'analyst') return 1;
  const width = config.screens.find((s) => s.id === screen)?.artboard.width ?? 1920;
  return width / 1920;
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
 * Indicator display names come from the KPI feed (`datasets.kpi` of the panel
 * config), which names every indicator in both languages; without it the id
 * is shown.
 */
export function useIndicatorNames(config: PanelConfig): { names: ReadonlyMap<string, IndicatorName>; kpis: readonly KpiRecord[] | undefined } {
  const data = useDataset(config.datasets.kpi, 'kpi');
  const records = data.records;
  const names = useMemo(() => new Map((records ?? []).map((r) => [r.id, { name: r.name, nameEn: r.nameEn, unit: r.unit }])), [records]);
  return { names, kpis: records };
}

export function indicatorLabel(names: ReadonlyMap<string, IndicatorName>, id: string, locale: 'zh-CN' | 'en'): string {
  const n = names.get(id);
  if (!n) return id;
  return locale === 'en' ? (n.nameEn ?? n.name) : n.name;
}
