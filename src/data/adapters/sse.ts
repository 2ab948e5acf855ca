import { z } from 'zod';
import { backoffOptions, maxMessageBytes } from './backoff';
import { staleAfterSilence, templateKey } from './behaviour';
import { lazyPush } from './lazy';
import type { AdapterFactory } from './types';

export const sseOptions = z
  .object({
    /** Stream URL template (`{region}`, `{filter.x}` … as for http). */
    url: z.string().min(1),
    /** Event names whose `data` carries records (JSON: one record or an array). */
    events: z.array(z.string().min(1)).min(1).default(['message']),
    /** Event name of heartbeats (comment lines such as `: ping` count as heartbeats too). */
    heartbeatEvent: z.string().min(1).default('heartbeat'),
    /** No byte, message or heartbeat for this long → the stream is re-opened (0 disables). */
    watchdogMs: z.number().int().min(0).default(30_000),
    backoff: backoffOptions,
    /** Extra request headers (e.g. `Authorization`); a cross-origin server must allow them (CORS). */
    headers: z.record(z.string(), z.string()).default({}),
    /** Send cookies to a cross-origin stream. */
    withCredentials: z.boolean().default(false),
    /**
     * Query parameter that also carries the last event id on a reconnect
     * (besides the `Last-Event-ID` header), for proxies that drop the header.
     */
    resumeParam: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('lastEventId'),
    /** Messages larger than this (characters) are rejected unread. */
    maxMessageBytes,
  })
  .strict();
export type SseOptions = z.output<typeof sseOptions>;

export const sseAdapter: AdapterFactory<SseOptions> = {
  id: 'sse',
  optionsSchema: sseOptions,
  create: (options) => lazyPush('sse', () => import('./sse-stream').then((m) => m.createSseAdapter(options))),
  behaviour: (options) => ({ pollMs: 0, staleAfterMs: staleAfterSilence(options.watchdogMs), channelKey: templateKey(options.url) }),
};
