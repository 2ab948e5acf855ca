import { z } from 'zod';
import { backoffOptions, maxMessageBytes } from './backoff';
import { staleAfterSilence, templateKey } from './behaviour';
import { lazyPush } from './lazy';
import type { AdapterFactory } from './types';

export const websocketOptions = z
  .object({
    /** ws(s):// URL template, or http(s)/relative (converted to ws(s) against the page). */
    url: z.string().min(1),
    protocols: z.array(z.string().min(1)).default([]),
    /** Path to the record(s) inside a message; '' means the whole message. */
    dataPath: z.string().default('data'),
    /** Path to the message's sequence number / cursor, sent back as `resumeParam` on reconnect. */
    idPath: z.string().default('seq'),
    /** Messages whose `typePath` equals `heartbeatType` are heartbeats. */
    typePath: z.string().default('type'),
    heartbeatType: z.string().default('heartbeat'),
    resumeParam: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default('since'),
    /** No message for this long → reconnect (0 disables). */
    watchdogMs: z.number().int().min(0).default(30_000),
    backoff: backoffOptions,
    maxMessageBytes,
  })
  .strict();
export type WebSocketOptions = z.output<typeof websocketOptions>;

export const websocketAdapter: AdapterFactory<WebSocketOptions> = {
  id: 'websocket',
  optionsSchema: websocketOptions,
  create: (options) => lazyPush('websocket', () => import('./websocket-stream').then((m) => m.createWebSocketAdapter(options))),
  behaviour: (options) => ({ pollMs: 0, staleAfterMs: staleAfterSilence(options.watchdogMs), channelKey: templateKey(options.url) }),
};
