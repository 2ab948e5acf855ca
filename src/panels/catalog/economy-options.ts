import { z } from 'zod';
import type { SlotMap } from '../types';

/**
 * Options of the economy panel types, checked at config load (unknown keys
 * are errors, so a typo or a `__proto__` never slips through). Nothing here
 * is a formatter or HTML: config chooses what to show, never how to render it.
 * Documented with examples in docs/panels.md.
 */
const indicatorId = z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/, 'an indicator id like "gdp"');
const text = z.object({ zh: z.string().min(1).max(80), en: z.string().min(1).max(120) }).strict();

export const trendOptions = z
  .object({
    /** Series ids of the `series` dataset to draw, in order; empty = all. */
    series: z.array(indicatorId).max(8).default([]),
    kind: z.enum(['line', 'bar']).default('line'),
    /** Target as a dashed line (constant target: a reference line with its value). */
    showTarget: z.boolean().default(true),
    /** The same months a year earlier, dashed (同比 comparison). */
    showPrior: z.boolean().default(true),
    /** What the feed's `prior` is when it is not the year before, e.g. {"zh": "上周同期", "en": "Same hour last week"}. */
    priorName: text.optional(),
    area: z.boolean().default(false),
    /**
     * Forecast after the last period: dashed mean with its 80 % and 95 % prediction intervals (automatic ETS,
     * docs/analysis.md). `show` unset: on for a series with a target. `season`: 'auto' (detected), 'none' or a period in points.
     */
    forecast: z
      .object({
        show: z.boolean().optional(),
        horizon: z.number().int().min(1).max(36).default(6),
        season: z.union([z.number().int().min(2).max(400), z.enum(['auto', 'none'])]).default('auto'),
      })
      .strict()
      .prefault({}),
    /** Mark spikes and dips outside the expected band (respecting daily/weekly rhythm), with that band. */
    spikes: z.boolean().default(false),
    /** Mark trend breaks (level or slope changes) on monthly series. */
    changepoints: z.boolean().default(true),
  })
  .strict();
export type TrendOptions = z.output<typeof trendOptions>;

export const rankingOptions = z
  .object({
    indicator: indicatorId.default('gdp'),
    /** Follow the view filter `indicator` (`?f.indicator=`) when it is set, e.g. the map's chosen indicator. */
    followFilter: z.boolean().default(false),
    field: z.enum(['value', 'yoy']).default('value'),
    order: z.enum(['desc', 'asc']).default('desc'),
    /** Show at most this many regions (0 = all); the region in view is always kept. */
    limit: z.number().int().min(0).max(200).default(0),
    orientation: z.enum(['horizontal', 'vertical']).default('horizontal'),
    /** Clicking a bar drills into that region. */
    drill: z.boolean().default(true),
  })
  .strict();
export type RankingOptions = z.output<typeof rankingOptions>;

export const compositionOptions = z
  .object({
    chart: z.enum(['ring', 'pie', 'rose', 'treemap']).default('ring'),
    legend: z.enum(['right', 'bottom', 'none']).default('right'),
    /** Show the sum of the parts, with its unit, in the panel header. */
    showTotal: z.boolean().default(true),
    /**
     * Analyst mode: clicking a part sets this cross-filter (other panels on the
     * screen follow it). `by` says which field of the part is the value: its
     * `key` (incident types: "fire") or its `name` (appeal categories: "城乡建设").
     */
    crossFilter: z
      .object({ key: z.enum(['type', 'category', 'channel', 'industry']), by: z.enum(['key', 'name']).default('key') })
      .strict()
      .optional(),
  })
  .strict();
export type CompositionOptions = z.output<typeof compositionOptions>;

export const gaugeOptions = z
  .object({
    /** KPI id of the `kpi` dataset. */
    indicator: indicatorId,
    /** 'progress': value ÷ annual target, %; 'value': the value on [min, max]. */
    metric: z.enum(['progress', 'value']).default('progress'),
    min: z.number().default(0),
    max: z.number().default(100),
    /** Shade the dial up to the share of the year elapsed (序时进度) and say whether the figure is ahead of it. */
    showTimeProgress: z.boolean().default(true),
    /** Say the forecast year-end share of the target and whether it will be met (needs the `history` slot or the KPI's sparkline). */
    showPace: z.boolean().default(true),
  })
  .strict()
  .refine((o) => o.max > o.min, { message: 'max must be greater than min', path: ['max'] });
export type GaugeOptions = z.output<typeof gaugeOptions>;

export const tableColumns = ['name', 'region', 'industry', 'owner', 'status', 'progress', 'plan', 'done', 'startYear'] as const;
export type TableColumn = (typeof tableColumns)[number];
export const projectStatuses = ['on_track', 'delayed', 'stopped'] as const;

export const tableOptions = z
  .object({
    columns: z.array(z.enum(tableColumns)).min(1).max(tableColumns.length).default(['name', 'region', 'industry', 'status', 'progress']),
    /** Initial sort; users sort by clicking a column header. */
    sort: z
      .object({ key: z.enum(tableColumns), dir: z.enum(['asc', 'desc']) })
      .strict()
      .default({ key: 'status', dir: 'desc' }),
    /** Only these statuses (empty = all). */
    statuses: z.array(z.enum(projectStatuses)).default([]),
    /** Row height in design px. */
    rowHeight: z.number().int().min(28).max(96).default(40),
    /** Wall mode: scroll one row every `intervalSec`, looping; paused on hover or focus. */
    autoScroll: z
      .object({ enabled: z.boolean().default(true), intervalSec: z.number().min(1).max(120).default(4) })
      .strict()
      .default({ enabled: true, intervalSec: 4 }),
  })
  .strict();
export type TableOptions = z.output<typeof tableOptions>;

/** "410000", "4103.." ('.' is any digit), matching a region code. */
const regionPattern = z.string().regex(/^[0-9.]{6}$/, 'a 6-character region code pattern like "410300" or "4103.."');

export const alertRule = z
  .object({
    /** Stable id for the rule (default: derived from its fields). */
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,40}$/)
      .optional(),
    indicator: indicatorId,
    /** Compare the value or its YoY change. */
    field: z.enum(['value', 'yoy']).default('value'),
    op: z.enum(['>', '>=', '<', '<=']),
    value: z.number(),
    /** Four-colour level: 1 red (I), 2 orange (II), 3 yellow (III), 4 blue (IV). */
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    /** Region code patterns the rule applies to; empty = every region. */
    regions: z.array(regionPattern).max(200).default([]),
    /** Optional plain-text note shown with the alert. */
    note: text.optional(),
    /**
     * Early warning: the rule also fires when the forecast (automatic ETS on the region's monthly history,
     * the `history` slot) crosses the threshold within `horizon` months while the latest value does not.
     * Shown apart from observed breaches, with the month it is expected and the lead time.
     */
    forecast: z
      .object({
        horizon: z.number().int().min(1).max(12).default(3),
        /** 'likely': the whole 80 % interval is past the threshold (≥ 90 % by the forecast); 'mean': the forecast mean is. */
        confidence: z.enum(['likely', 'mean']).default('likely'),
      })
      .strict()
      .optional(),
  })
  .strict();
export type AlertRule = z.output<typeof alertRule>;

export const alertListOptions = z
  .object({
    rules: z.array(alertRule).max(200).default([]),
    /** A new red (level I) alert flashes gently for this long; 0 = never. */
    flashSec: z.number().min(0).max(3600).default(60),
    maxItems: z.number().int().min(1).max(500).default(100),
    /** Wall mode: scroll to the next alert every this many seconds when they do not all fit; 0 = never. */
    scrollSec: z.number().min(0).max(120).default(6),
  })
  .strict();
export type AlertListOptions = z.output<typeof alertListOptions>;

export const kpiRowOptions = z
  .object({
    /** Indicator ids in display order; default: all, in feed order. */
    indicators: z.array(z.string()).default([]),
    columns: z.number().int().min(1).max(12).default(5),
  })
  .strict();
export type KpiRowOptions = z.output<typeof kpiRowOptions>;

/**
 * Dataset slots of the economy panel types: the component's props and the
 * descriptor share them. `kpi` slots give indicator names in both languages.
 */
export const kpiRowSlots = {
  main: { contract: 'kpi', comparable: true },
  history: { contract: 'series', optional: true, purpose: 'monthly history of the indicators for the pace to target at the forecast' },
} as const satisfies SlotMap;
export const trendSlots = {
  main: { contract: 'series', comparable: true },
  history: { contract: 'series', optional: true, purpose: 'a longer history of the same series for the forecast, spikes and trend breaks' },
} as const satisfies SlotMap;
export const rankingSlots = {
  main: { contract: 'region-metric' },
  kpi: { contract: 'kpi', optional: true, purpose: 'indicator names' },
} as const satisfies SlotMap;
export const compositionSlots = { main: { contract: 'share' } } as const satisfies SlotMap;
export const gaugeSlots = {
  main: { contract: 'kpi' },
  history: { contract: 'series', optional: true, purpose: 'monthly history of the indicator for the pace to target at the forecast' },
} as const satisfies SlotMap;
export const tableSlots = { main: { contract: 'project' } } as const satisfies SlotMap;
export const alertListSlots = {
  main: { contract: 'region-metric' },
  kpi: { contract: 'kpi', optional: true, purpose: 'indicator names and province-level values' },
  history: { contract: 'series', optional: true, purpose: 'monthly history of each region below the one in view, for forecast rules' },
} as const satisfies SlotMap;
