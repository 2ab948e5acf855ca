import type { KpiRecord } from '../../data/contracts/index';
import type { ChartView } from '../types';
import { nameOf } from './text';

/** The model behind the chart (pure): also what the panel's data table shows. */
export interface GaugeSpec {
  /** 'progress': value ÷ target in %; 'value': the value itself on [min, max]. */
  metric: 'progress' | 'value';
  min: number;
  max: number;
  /** Shade the track up to the share of the year elapsed (序时进度) for cumulative indicators. */
  showTimeProgress: boolean;
}

export interface GaugeReading {
  name: string;
  /** The figure on the dial: % of target, or the value. */
  dial: number;
  value: number;
  unit: string;
  target: number | null;
  /** Share of the year elapsed by the record's period, in %; null when not a month. */
  timeProgress: number | null;
}

/** What a gauge shows for a KPI record; null when the record cannot be shown (gap, or no target for progress). */
export function gaugeReading(record: KpiRecord | undefined, spec: Pick<GaugeSpec, 'metric'>, view: Pick<ChartView, 'locale'>): GaugeReading | null {
  if (!record || record.value === null) return null;
  const target = record.target ?? null;
  if (spec.metric === 'progress' && (target === null || target <= 0)) return null;
  const dial = spec.metric === 'progress' && target ? (record.value / target) * 100 : record.value;
  const m = /^\d{4}-(\d{2})$/.exec(record.period);
  return {
    name: nameOf(record, record.id, view.locale),
    dial,
    value: record.value,
    unit: record.unit,
    target,
    timeProgress: m ? (Number(m[1]) / 12) * 100 : null,
  };
}
