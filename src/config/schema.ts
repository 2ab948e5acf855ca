import { z } from 'zod';
import type { AdapterFactory } from '../data/adapters/types';
import { mappingSchema } from '../data/mapping';
import { contractNames, contracts } from '../data/contracts/index';
import { FIT_MODES, type FitMode, parseAspect } from '../layout/layout';
import { checkTracks } from '../layout/tracks';
import { findForbiddenKey } from '../lib/safe-object';

/** Text shown to users: one string, or one per locale. */
export const localizedText = z.union([z.string().min(1), z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict()]);
export type LocalizedText = z.output<typeof localizedText>;

const id = z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'use lower-case letters, digits and dashes');
const period = z.string().regex(/^\d{4}-\d{2}$/, 'expected YYYY-MM');

export const datasetSchema = z
  .object({
    adapter: z.string().min(1),
    /** The contract every record must satisfy (see docs/data-contracts.md). */
    contract: z.enum(contractNames as [string, ...string[]]),
    options: z.record(z.string(), z.unknown()).default({}),
    mapping: mappingSchema.optional(),
    source: z.object({ name: localizedText, url: z.string().optional() }).strict(),
    /** After this long without new data the dataset is shown as stale. */
    staleAfterMs: z.number().int().positive().optional(),
    /** Push datasets keep at most this many records (deduped by id, newest kept). */
    bufferSize: z.number().int().min(1).max(100_000).default(2000),
    /** Whether the region/time range are part of the query (false for province-wide feeds). */
    followsView: z.boolean().default(true),
  })
  .strict();
export type DatasetConfig = z.output<typeof datasetSchema>;

export const panelSchema = z
  .object({
    id,
    type: z.string().min(1),
    area: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: localizedText.optional(),
    dataset: z.string().optional(),
    /** Datasets of the panel type's other slots, by slot name (e.g. `kpi` for indicator names, map layers). */
    datasets: z.record(z.string(), z.string()).default({}),
    options: z.record(z.string(), z.unknown()).default({}),
    /** The tile leads to another screen: a click on the tile or Enter on its title opens it (overview walls). */
    link: z.object({ screen: id }).strict().optional(),
  })
  .strict();
export type PanelConfig = z.output<typeof panelSchema>;

const artboardSchema = z
  .object({
    width: z.number().int().min(640).max(15360),
    height: z.number().int().min(360).max(15360),
  })
  .strict();

/** Tracks in design units (`440u 1fr 440u`), so one config serves every wall size. */
const gridSchema = z
  .object({
    columns: z.string().min(1),
    rows: z.string().min(1),
    areas: z.array(z.string().min(1)).min(1),
    gap: z.number().min(0).max(200).default(16),
  })
  .strict();
export type GridConfig = z.output<typeof gridSchema>;

/** How a layout meets a wall of another shape (see `FitMode` in layout/layout.ts). */
const fitMode = z.enum(FIT_MODES as [FitMode, ...FitMode[]]);

/** A layout for walls of another shape: the same panels on another artboard and grid. */
const aspectLayoutSchema = z
  .object({
    /** Default: the short side 1080 u, the long side from the aspect (32:9 → 3840×1080 u). */
    artboard: artboardSchema.optional(),
    grid: gridSchema,
    fit: fitMode.optional(),
    /** Per panel id: options merged over the panel's own on this layout (e.g. fewer KPI columns on a portrait wall). */
    panels: z.record(z.string(), z.object({ options: z.record(z.string(), z.unknown()) }).strict()).default({}),
  })
  .strict();

export const screenSchema = z
  .object({
    id,
    title: localizedText,
    /** Short name for the screen tabs (e.g. "消防" for 消防救援), so many screens fit the title bar. */
    tab: localizedText.optional(),
    artboard: artboardSchema.default({ width: 1920, height: 1080 }),
    grid: gridSchema,
    /** Layouts for walls of other shapes ("32:9", "48:9", "9:16" …); the wall picks the nearest to its own. */
    layouts: z.record(z.string(), aspectLayoutSchema).default({}),
    /** Fit mode of this screen's layouts (default: the top-level `fit`). */
    fit: fitMode.optional(),
    /** Responsive layout used in analyst mode (areas for a single column or two). */
    analystGrid: z
      .object({ columns: z.string(), rows: z.string().default('auto'), areas: z.array(z.string()).min(1) })
      .strict()
      .optional(),
    panels: z.array(panelSchema).min(1),
  })
  .strict();
export type ScreenConfig = z.output<typeof screenSchema>;

const regionCodeText = z.string().regex(/^\d{6}$/);

/** A condition on one field: a value, one of several values, or a comparison. */
const fieldMatcher = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])).min(1),
  z
    .object({ gt: z.number(), gte: z.number(), lt: z.number(), lte: z.number(), ne: z.union([z.string(), z.number()]) })
    .partial()
    .strict(),
]);
export type FieldMatcher = z.output<typeof fieldMatcher>;

const takeoverRuleSchema = z
  .object({
    id,
    /** The dataset watched (push or pull); only records that arrive after the wall started count. */
    dataset: z.string(),
    /** Every condition must hold, e.g. `{ "severity": 1 }` for a level-I (red) incident. */
    when: z.record(z.string(), fieldMatcher),
    /** Screen to show, and the panel to spotlight there. */
    screen: z.string(),
    panel: z.string().optional(),
    /** Drill to the record's region (field `regionField`). */
    drill: z.boolean().default(true),
    regionField: z.string().default('region'),
    /** The record's text for the banner (default: title, message, text or name). */
    textField: z.string().optional(),
    /** The record's time (default: reportedAt, at, receivedAt or updatedAt); older records are ignored. */
    timeField: z.string().optional(),
    maxAgeSec: z
      .number()
      .min(10)
      .max(86_400 * 7)
      .default(900),
  })
  .strict();
export type TakeoverRule = z.output<typeof takeoverRuleSchema>;

export const configSchema = z
  .object({
    title: localizedText,
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    theme: z.enum(['dark']).default('dark'),
    /** True when the datasets are served by the bundled mock feeds; shows the demo-data badge. */
    demoData: z.boolean().default(false),
    regionPack: z
      .object({
        id,
        root: z.string().regex(/^\d{6}$/),
        topology: z.string().min(1),
        index: z.string().min(1),
      })
      .strict(),
    defaults: z
      .object({
        screen: z.string().optional(),
        mode: z.enum(['wall', 'analyst', 'demo']).default('wall'),
        range: z.union([z.enum(['1m', 'ytd', '12m', '24m', 'pytd']), z.object({ from: period, to: period }).strict()]).default('12m'),
      })
      .strict()
      .default({ mode: 'wall', range: '12m' }),
    /** Fit mode for the difference between a wall and the layout nearest its shape. */
    fit: fitMode.default('contain'),
    rotation: z
      .object({
        enabled: z.boolean().default(false),
        /** Default dwell per screen. */
        intervalSec: z.number().min(5).max(86_400).default(60),
        /** Order of rotation when there is no playlist (default: every screen). */
        screens: z.array(z.string()).default([]),
        /** The rotation as steps: a screen, its dwell, optionally a region and filters. */
        playlist: z
          .array(
            z
              .object({
                screen: z.string(),
                dwellSec: z.number().min(5).max(86_400).optional(),
                region: regionCodeText.optional(),
                filters: z.record(z.string(), z.string()).default({}),
              })
              .strict(),
          )
          .default([]),
        /** A pointer or key on the wall pauses rotation (a visible mark says so) … */
        pauseOnInteraction: z.boolean().default(true),
        /** … until nobody has touched it for this long. */
        resumeAfterSec: z.number().min(5).max(3600).default(60),
      })
      .strict()
      .prefault({}),
    /** Unattended wall PCs (`?kiosk=1` turns it on too). */
    kiosk: z
      .object({
        enabled: z.boolean().default(false),
        /** The mouse cursor disappears after this long without moving. */
        hideCursorAfterSec: z.number().min(1).max(3600).default(5),
        /** An in-screen full-screen control (walls without F11: Android boxes, touch panels). */
        fullscreenButton: z.boolean().default(true),
        /** Keep the display awake with the Screen Wake Lock API where the browser has it. */
        wakeLock: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** Alert takeover: a matching new record pulls the wall to its screen and region and spotlights it. */
    takeover: z
      .object({
        enabled: z.boolean().default(false),
        rules: z.array(takeoverRuleSchema).default([]),
        /** Return to rotation after this long if nobody acknowledges (0: hold until acknowledged). */
        ackTimeoutSec: z.number().min(0).max(86_400).default(300),
        /** Play the bundled alert sound on a takeover. */
        sound: z.boolean().default(false),
        soundUrl: z
          .string()
          .regex(/^[a-zA-Z0-9_./-]+$/, 'a relative path on this site')
          .refine((v) => !v.includes('..'), 'a relative path on this site')
          .default('sounds/takeover.wav'),
        /** Takeovers waiting behind the current one; older ones beyond this are dropped. */
        queueMax: z.number().int().min(1).max(100).default(20),
      })
      .strict()
      .prefault({}),
    /** Walls that run for weeks without a hand on the keyboard. */
    selfHealing: z
      .object({
        /** Daily soft reload at this China-time hh:mm (null: none). */
        softReloadAt: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected hh:mm (24 h, China time)')
          .nullable()
          .default(null),
        /** Soft reload when the page's JS heap exceeds this (MB; null: no watchdog). */
        memoryCeilingMB: z.number().min(1).max(65_536).nullable().default(null),
        memoryCheckSec: z.number().min(5).max(3600).default(60),
        /** A banner when the network drops (the wall recovers by itself when it returns). */
        offlineBanner: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    /** The scripted briefing tour played in demo mode. */
    tour: z
      .object({
        /** Pins the clock for the whole tour so every briefing shows the same figures. */
        now: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}T/, 'expected an ISO time')
          .optional(),
        loop: z.boolean().default(true),
        steps: z
          .array(
            z
              .object({
                screen: z.string(),
                region: z
                  .string()
                  .regex(/^\d{6}$/)
                  .optional(),
                /** Panel id to highlight. */
                panel: z.string().optional(),
                filters: z.record(z.string(), z.string()).default({}),
                caption: localizedText,
                durationSec: z.number().min(2).max(600).default(12),
              })
              .strict(),
          )
          .min(1),
      })
      .strict()
      .optional(),
    /** Policy dates the analyst detail view can evaluate (effect of a policy on a series: counterfactual, average and cumulative effect). */
    interventions: z
      .array(
        z
          .object({
            id,
            name: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
            /** Region the policy applies to. */
            region: regionCodeText,
            /** First month in effect. */
            at: period,
            /** Series ids (of a `series` dataset) the policy is expected to move. */
            series: z
              .array(z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/))
              .min(1)
              .max(8),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    datasets: z.record(id, datasetSchema),
    screens: z.array(screenSchema).min(1),
  })
  .strict();
export type CockpitConfig = z.output<typeof configSchema>;

export interface ConfigIssue {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly issues: ConfigIssue[]) {
    super(`invalid config: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

type SafeParser = {
  safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

/** What config validation needs to know of a panel type (injected, so config does not import panels). */
export interface PanelTypeInfo {
  optionsSchema: SafeParser;
  /** The dataset slots the type declares for these (parsed) options: slot → contract. */
  slots(options: unknown): Readonly<Record<string, { contract: string; optional?: boolean | undefined }>>;
}

export interface ConfigContext {
  panelTypes: ReadonlySet<string>;
  /** Panel type details, so bad options and wrongly bound datasets are named at load time. */
  panelType?: (type: string) => PanelTypeInfo;
  adapters: { has(id: string): boolean; get(id: string): AdapterFactory<unknown> };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/**
 * Validates a runtime config and cross-checks references (datasets, panel
 * types, grid areas, adapter options). Throws a ConfigError naming every bad
 * field by its path; never returns a half-valid config.
 */
export function parseConfig(raw: unknown, context: ConfigContext): CockpitConfig {
  const forbidden = findForbiddenKey(raw);
  if (forbidden) throw new ConfigError([{ path: forbidden, message: 'forbidden key' }]);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ path: formatPath(i.path) || '(root)', message: i.message })));
  }
  const config = parsed.data;
  const issues: ConfigIssue[] = [];
  for (const [datasetId, dataset] of Object.entries(config.datasets)) {
    const base = `datasets.${datasetId}`;
    if (!context.adapters.has(dataset.adapter)) {
      issues.push({ path: `${base}.adapter`, message: `unknown adapter "${dataset.adapter}"` });
      continue;
    }
    const options = context.adapters.get(dataset.adapter).optionsSchema.safeParse(dataset.options);
    if (!options.success) {
      for (const i of options.error.issues) issues.push({ path: `${base}.options${i.path.length ? '.' : ''}${formatPath(i.path)}`, message: i.message });
    }
  }
  const screenIds = new Set<string>();
  config.screens.forEach((screen, s) => {
    const base = `screens[${s}]`;
    if (screenIds.has(screen.id)) issues.push({ path: `${base}.id`, message: `duplicate screen id "${screen.id}"` });
    screenIds.add(screen.id);
    const areas = new Set(screen.grid.areas.flatMap((row) => row.trim().split(/\s+/)));
    issues.push(...checkGrid(screen.grid, `${base}.grid`));
    for (const [aspect, layout] of Object.entries(screen.layouts)) {
      const lb = `${base}.layouts["${aspect}"]`;
      issues.push(...checkGrid(layout.grid, `${lb}.grid`));
      const ratio = parseAspect(aspect);
      if (ratio === null) issues.push({ path: `${base}.layouts.${aspect}`, message: `expected an aspect ratio such as "32:9" as the key` });
      if (ratio !== null && layout.artboard && Math.abs(Math.log(layout.artboard.width / layout.artboard.height / ratio)) > 0.03) {
        issues.push({ path: `${lb}.artboard`, message: `${layout.artboard.width}×${layout.artboard.height} is not ${aspect}` });
      }
      for (const [panelId, override] of Object.entries(layout.panels)) {
        const panel = screen.panels.find((p) => p.id === panelId);
        if (!panel) {
          issues.push({ path: `${lb}.panels.${panelId}`, message: `screen "${screen.id}" has no panel "${panelId}"` });
          continue;
        }
        if (!context.panelType || !context.panelTypes.has(panel.type)) continue;
        const parsed = context.panelType(panel.type).optionsSchema.safeParse({ ...panel.options, ...override.options });
        for (const i of parsed.success ? [] : (parsed.error?.issues ?? [])) {
          issues.push({ path: `${lb}.panels.${panelId}.options${i.path.length ? '.' : ''}${formatPath(i.path)}`, message: i.message });
        }
      }
      const layoutAreas = new Set(layout.grid.areas.flatMap((row) => row.trim().split(/\s+/)));
      screen.panels.forEach((panel, p) => {
        if (!layoutAreas.has(panel.area))
          issues.push({ path: `${lb}.grid.areas`, message: `no area "${panel.area}" for panel "${panel.id}" (screens[${s}].panels[${p}])` });
      });
    }
    const panelIds = new Set<string>();
    screen.panels.forEach((panel, p) => {
      const pb = `${base}.panels[${p}]`;
      if (panelIds.has(panel.id)) issues.push({ path: `${pb}.id`, message: `duplicate panel id "${panel.id}"` });
      panelIds.add(panel.id);
      if (!context.panelTypes.has(panel.type)) {
        issues.push({ path: `${pb}.type`, message: `unknown panel type "${panel.type}" (known: ${[...context.panelTypes].join(', ')})` });
      } else if (context.panelType) {
        issues.push(...checkPanel(panel, pb, context.panelType(panel.type), config.datasets));
      }
      if (!areas.has(panel.area)) issues.push({ path: `${pb}.area`, message: `grid has no area "${panel.area}"` });
      if (panel.link && !config.screens.some((sc) => sc.id === panel.link?.screen))
        issues.push({ path: `${pb}.link.screen`, message: `no screen "${panel.link.screen}"` });
      const refs = [
        ...(panel.dataset ? [['dataset', panel.dataset] as const] : []),
        ...Object.entries(panel.datasets).map(([k, v]) => [`datasets.${k}`, v] as const),
      ];
      for (const [key, ref] of refs) {
        if (!Object.hasOwn(config.datasets, ref)) issues.push({ path: `${pb}.${key}`, message: `missing dataset "${ref}"` });
      }
    });
  });
  if (config.defaults.screen && !screenIds.has(config.defaults.screen)) {
    issues.push({ path: 'defaults.screen', message: `no screen "${config.defaults.screen}"` });
  }
  config.tour?.steps.forEach((step, i) => {
    const screen = config.screens.find((sc) => sc.id === step.screen);
    if (!screen) issues.push({ path: `tour.steps[${i}].screen`, message: `no screen "${step.screen}"` });
    else if (step.panel && !screen.panels.some((p) => p.id === step.panel)) {
      issues.push({ path: `tour.steps[${i}].panel`, message: `screen "${step.screen}" has no panel "${step.panel}"` });
    }
  });
  config.rotation.screens.forEach((sid, i) => {
    if (!screenIds.has(sid)) issues.push({ path: `rotation.screens[${i}]`, message: `no screen "${sid}"` });
  });
  // A switched-off playlist or rule may name screens this file does not have (one config trimmed for a desk): checked when on.
  config.rotation.playlist.forEach((step, i) => {
    if (config.rotation.enabled && !screenIds.has(step.screen)) issues.push({ path: `rotation.playlist[${i}].screen`, message: `no screen "${step.screen}"` });
  });
  const ruleIds = new Set<string>();
  config.takeover.rules.forEach((rule, i) => {
    const rb = `takeover.rules[${i}]`;
    if (ruleIds.has(rule.id)) issues.push({ path: `${rb}.id`, message: `duplicate rule id "${rule.id}"` });
    ruleIds.add(rule.id);
    const dataset = Object.hasOwn(config.datasets, rule.dataset) ? config.datasets[rule.dataset] : undefined;
    if (!dataset) issues.push({ path: `${rb}.dataset`, message: `missing dataset "${rule.dataset}"` });
    else {
      const fields = Object.keys((contracts as Record<string, { shape: Record<string, unknown> }>)[dataset.contract]?.shape ?? {});
      for (const key of [...Object.keys(rule.when), rule.regionField, rule.textField, rule.timeField]) {
        if (key !== undefined && !fields.includes(key) && !(key === rule.regionField && !rule.drill)) {
          issues.push({ path: `${rb}`, message: `"${dataset.contract}" records have no field "${key}" (fields: ${fields.join(', ')})` });
        }
      }
    }
    const screen = config.screens.find((sc) => sc.id === rule.screen);
    if (!config.takeover.enabled) return;
    if (!screen) issues.push({ path: `${rb}.screen`, message: `no screen "${rule.screen}"` });
    else if (rule.panel && !screen.panels.some((p) => p.id === rule.panel)) {
      issues.push({ path: `${rb}.panel`, message: `screen "${rule.screen}" has no panel "${rule.panel}"` });
    }
  });
  if (issues.length) throw new ConfigError(issues);
  return config;
}

/** Tracks in design units, and areas rows of equal length (CSS drops a ragged template silently). */
function checkGrid(grid: GridConfig, path: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const key of ['columns', 'rows'] as const) {
    const problem = checkTracks(grid[key]);
    if (problem) issues.push({ path: `${path}.${key}`, message: problem });
  }
  const widths = new Set(grid.areas.map((row) => row.trim().split(/\s+/).length));
  if (widths.size > 1) issues.push({ path: `${path}.areas`, message: 'every row of areas needs the same number of cells' });
  return issues;
}

/**
 * A panel's options against its type's schema, and its dataset bindings
 * against the slots the type declares: a missing required slot, a slot the
 * type does not have, or a dataset whose contract is not the slot's, named
 * with the panel, the dataset and both contracts.
 */
function checkPanel(panel: PanelConfig, pb: string, info: PanelTypeInfo, datasets: CockpitConfig['datasets']): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const parsed = info.optionsSchema.safeParse(panel.options);
  if (!parsed.success) {
    for (const i of parsed.error?.issues ?? []) issues.push({ path: `${pb}.options${i.path.length ? '.' : ''}${formatPath(i.path)}`, message: i.message });
    return issues;
  }
  const slots = info.slots(parsed.data);
  const bindings: [slot: string, key: string, datasetId: string | undefined][] = [
    ['main', 'dataset', panel.dataset],
    ...Object.keys(slots)
      .filter((slot) => slot !== 'main')
      .map((slot) => [slot, `datasets.${slot}`, panel.datasets[slot]] as [string, string, string | undefined]),
  ];
  for (const [slot, key, datasetId] of bindings) {
    const spec = slots[slot];
    if (!spec) {
      if (datasetId !== undefined)
        issues.push({ path: `${pb}.${key}`, message: `panel "${panel.id}" (${panel.type}) reads no main dataset; remove "dataset"` });
      continue;
    }
    if (datasetId === undefined) {
      if (!spec.optional) issues.push({ path: `${pb}.${key}`, message: `panel "${panel.id}" (${panel.type}) needs a "${spec.contract}" dataset here` });
      continue;
    }
    const dataset = Object.hasOwn(datasets, datasetId) ? datasets[datasetId] : undefined;
    if (dataset && dataset.contract !== spec.contract) {
      issues.push({
        path: `${pb}.${key}`,
        message: `panel "${panel.id}" (${panel.type}) reads "${spec.contract}" records here, but dataset "${datasetId}" has contract "${dataset.contract}"`,
      });
    }
  }
  for (const slot of Object.keys(panel.datasets)) {
    if (!Object.hasOwn(slots, slot) || slot === 'main') {
      const known = Object.keys(slots).filter((k) => k !== 'main');
      issues.push({
        path: `${pb}.datasets.${slot}`,
        message: `panel type "${panel.type}" has no dataset slot "${slot}"${known.length ? ` (slots: ${known.join(', ')})` : ''}`,
      });
    }
  }
  return issues;
}
