import { useEffect, useRef } from 'react';
import type { CockpitConfig, FieldMatcher, TakeoverRule } from '../config/schema';
import { useView, viewStore } from '../state/view-store';
import { applyStep, playlistOf, rotates, urlSwitch } from './rotation';
import { consumedEvents, type TakeoverItem, useWall, wallStore } from './wall-store';

/**
 * Alert takeover. A rule watches a dataset; a record that arrives after the
 * wall started watching and meets every condition (`{ "severity": 1 }`: a
 * level-I red incident) pulls the wall to the rule's screen and the record's
 * region and spotlights it, until acknowledged — any key, a click, or the
 * configured timeout. One at a time: later ones queue. Afterwards the
 * rotation resumes (or, without rotation, the view from before comes back).
 *
 * The engine knows no domain: which dataset, which fields and which screen
 * are config. It reads records, never feeds: `app/` binds each rule to its
 * dataset and hands the records to `useTakeoverFeed`.
 */

type Rec = Record<string, unknown>;

function one(matcher: FieldMatcher, value: unknown): boolean {
  if (Array.isArray(matcher)) return matcher.some((m) => m === value);
  if (matcher !== null && typeof matcher === 'object') {
    if (matcher.ne !== undefined && value === matcher.ne) return false;
    const needsNumber = matcher.gt !== undefined || matcher.gte !== undefined || matcher.lt !== undefined || matcher.lte !== undefined;
    if (!needsNumber) return matcher.ne !== undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    if (matcher.gt !== undefined && !(value > matcher.gt)) return false;
    if (matcher.gte !== undefined && !(value >= matcher.gte)) return false;
    if (matcher.lt !== undefined && !(value < matcher.lt)) return false;
    if (matcher.lte !== undefined && !(value <= matcher.lte)) return false;
    return true;
  }
  return matcher === value;
}

/** Every condition of the rule holds for the record. */
export function matchesRule(rule: Pick<TakeoverRule, 'when'>, record: unknown): boolean {
  if (record === null || typeof record !== 'object') return false;
  const r = record as Rec;
  return Object.entries(rule.when).every(([field, m]) => Object.hasOwn(r, field) && one(m, r[field]));
}

const TEXT_FIELDS = ['title', 'message', 'text', 'name'];
const TIME_FIELDS = ['updatedAt', 'reportedAt', 'at', 'receivedAt'];
const LEVEL_FIELDS = ['severity', 'level'];

function timeOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** The record's newest time among the rule's time field (or the usual ones). */
export function recordTime(rule: Pick<TakeoverRule, 'timeField'>, r: Rec): number | null {
  const times = (rule.timeField ? [rule.timeField] : TIME_FIELDS).map((f) => timeOf(r[f])).filter((t): t is number => t !== null);
  return times.length ? Math.max(...times) : null;
}

export function recordId(r: Rec): string {
  return typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : JSON.stringify(r).slice(0, 200);
}

/** The takeover a record raises, or null when it is too old (`maxAgeSec`) to take the wall. */
export function takeoverItem(rule: TakeoverRule, record: unknown, now: number): TakeoverItem | null {
  const r = record as Rec;
  const at = recordTime(rule, r);
  if (at !== null && now - at > rule.maxAgeSec * 1000) return null;
  const textField = rule.textField ?? TEXT_FIELDS.find((f) => typeof r[f] === 'string');
  const levelField = LEVEL_FIELDS.find((f) => typeof r[f] === 'number');
  const region = rule.drill && typeof r[rule.regionField] === 'string' ? (r[rule.regionField] as string) : null;
  const id = recordId(r);
  return {
    key: `${rule.id}|${id}`,
    rule: rule.id,
    recordId: id,
    screen: rule.screen,
    panel: rule.panel ?? null,
    region,
    text: textField && typeof r[textField] === 'string' ? (r[textField] as string).slice(0, 200) : id,
    level: levelField ? (r[levelField] as number) : null,
    at,
    raisedAt: now,
  };
}

const SEEN_MAX = 5000;

/**
 * Feeds one rule with its dataset's records. The first records the wall sees
 * (a stream's backfill, a poll's first answer) are history: they never take
 * over. A matching record that appears later — new, or an existing one now
 * matching (an incident raised to level I) — is raised once.
 */
export function useTakeoverFeed(rule: TakeoverRule, records: readonly unknown[] | undefined, queueMax: number, now: () => number): void {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!records) return;
    const first = seen.current === null;
    const set = seen.current ?? new Set<string>();
    seen.current = set;
    for (const record of records) {
      if (!matchesRule(rule, record)) continue;
      const key = recordId(record as Rec);
      if (set.has(key)) continue;
      set.add(key);
      if (first) continue;
      const item = takeoverItem(rule, record, now());
      if (item) wallStore().getState().raise(item, queueMax, Date.now());
    }
    if (set.size > SEEN_MAX) seen.current = new Set([...set].slice(-SEEN_MAX / 2));
  }, [rule, records, queueMax, now]);
}

/** Whether takeover is switched on: `?takeover=1|0`, else `takeover.enabled`. */
export function takeoverEnabled(config: CockpitConfig): boolean {
  return urlSwitch('takeover', config.takeover.enabled);
}

/** The rules that can run here: their dataset and screen exist in this config. */
export function activeRules(config: CockpitConfig): TakeoverRule[] {
  if (!takeoverEnabled(config)) return [];
  return config.takeover.rules.filter((r) => Object.hasOwn(config.datasets, r.dataset) && config.screens.some((s) => s.id === r.screen));
}

/** Ends the active takeover: the next queued one starts, or the wall goes back to its rotation (or to the view from before). */
export function acknowledge(config: CockpitConfig, root: string): void {
  const wall = wallStore().getState();
  if (!wall.active) return;
  const next = wall.acknowledge(Date.now());
  if (next) return;
  const steps = playlistOf(config);
  const view = viewStore().getState();
  if (view.mode === 'wall' && rotates(config, steps)) {
    const step = steps[wallStore().getState().step] ?? steps[0];
    if (step) applyStep(step, root);
    wallStore().getState().setStep(wallStore().getState().step, Date.now());
  } else if (wall.resumeView) {
    view.hydrate({ ...view, ...wall.resumeView, focus: null });
  }
  wallStore().getState().setResumeView(null);
}

/**
 * Drives the active takeover: shows its screen and region, holds it until a
 * key, a click on the wall or the timeout, then hands over to the next one.
 */
export function useTakeover(config: CockpitConfig, root: string, isRegion: (code: string) => boolean): void {
  const mode = useView((s) => s.mode);
  const { key, activeSince } = useWall((s) => ({ key: s.active?.key ?? null, activeSince: s.activeSince }));
  const on = mode === 'wall' && takeoverEnabled(config);

  // Show it: its screen, its region (once per takeover: the same one restored after a reload is shown once).
  const context = useRef({ config, isRegion });
  context.current = { config, isRegion };
  useEffect(() => {
    const item = wallStore().getState().active;
    if (!on || !item || item.key !== key) return;
    const view = viewStore().getState();
    const wall = wallStore().getState();
    if (!wall.resumeView && !rotates(context.current.config, playlistOf(context.current.config))) {
      wall.setResumeView({ screen: view.screen, region: view.region, filters: view.filters });
    }
    const region = item.region && context.current.isRegion(item.region) ? item.region : view.region;
    view.hydrate({ ...view, screen: item.screen, region, focus: null });
  }, [on, key]);

  // Any key acknowledges (and does nothing else: it is not an Esc for the drill path, nor a pause).
  useEffect(() => {
    if (!on || !key) return;
    const onKey = (e: KeyboardEvent) => {
      consumedEvents.add(e);
      e.preventDefault();
      e.stopPropagation();
      acknowledge(config, root);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [on, key, config, root]);

  // The timeout.
  useEffect(() => {
    if (!on || !key || config.takeover.ackTimeoutSec <= 0) return;
    const since = activeSince ?? Date.now();
    const timer = setTimeout(() => acknowledge(config, root), Math.max(0, since + config.takeover.ackTimeoutSec * 1000 - Date.now()));
    return () => clearTimeout(timer);
  }, [on, key, activeSince, config, root]);

  // The optional sound, once per takeover.
  useEffect(() => {
    if (!on || !key || !config.takeover.sound || typeof Audio === 'undefined') return;
    const audio = new Audio(new URL(config.takeover.soundUrl, document.baseURI).href);
    // Browsers refuse to play before any interaction unless allowed (docs/wall.md: --autoplay-policy).
    audio.play().catch(() => undefined);
    return () => {
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    };
  }, [on, key, config.takeover.sound, config.takeover.soundUrl]);
}
