import { fillTemplate } from './template';
import type { AdapterBehaviour, DatasetRequest } from './types';

/** Used when neither the dataset nor its adapter declares a staleness window. */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

/** Shortest staleness window an adapter derives: a minute. */
const MIN_STALE_AFTER_MS = 60_000;

/**
 * Staleness window of a polled feed: three missed polls (at least a minute);
 * a feed that does not poll: 15 min.
 */
export function staleAfterPolls(pollMs: number): number {
  return pollMs > 0 ? Math.max(pollMs * 3, MIN_STALE_AFTER_MS) : DEFAULT_STALE_AFTER_MS;
}

/**
 * Staleness window of a live feed with a watchdog: three watchdog periods
 * without a record or heartbeat (at least a minute); no watchdog: 15 min.
 */
export function staleAfterSilence(watchdogMs: number): number {
  return watchdogMs > 0 ? Math.max(watchdogMs * 3, MIN_STALE_AFTER_MS) : DEFAULT_STALE_AFTER_MS;
}

/**
 * Channel key of a feed addressed by URL templates: the filled templates.
 * A template without `{region}` yields the same key in every region.
 */
export function templateKey(...templates: string[]): (request: DatasetRequest) => string {
  return (request) => templates.map((t) => fillTemplate(t, request)).join(' ');
}

/** Channel key for a feed whose answer may depend on every part of the view. */
export function requestKey(request: DatasetRequest): string {
  const filters = Object.keys(request.filters)
    .sort()
    .map((k) => `${k}=${request.filters[k]}`);
  return JSON.stringify([request.region, request.from, request.to, filters]);
}

/** Behaviour of a polling adapter (http, static): polls every `intervalMs`, stale after three missed polls, keyed by its URL template. */
export function pollingBehaviour(options: { intervalMs: number; url: string }): AdapterBehaviour {
  return { pollMs: options.intervalMs, staleAfterMs: staleAfterPolls(options.intervalMs), channelKey: templateKey(options.url) };
}
