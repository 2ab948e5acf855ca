import { z } from 'zod';
import { fetchCapped } from './fetch-capped';
import { parseJsonTolerant } from './json-body';
import { staleAfterPolls, templateKey } from './behaviour';
import { fillTemplate, resolveUrl } from './template';
import type { AdapterFactory } from './types';

export const httpOptions = z
  .object({
    /** URL template; `{region}`, `{from}`, `{to}`, `{filter.x}` are filled from the view. */
    url: z.string().min(1),
    /** Polling interval; 0 disables polling. */
    intervalMs: z.number().int().min(0).default(60_000),
    timeoutMs: z.number().int().min(100).default(10_000),
    headers: z.record(z.string(), z.string()).default({}),
    /** Responses larger than this are refused (the previous data stays). */
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .default(8 * 1024 * 1024),
  })
  .strict();
export type HttpOptions = z.output<typeof httpOptions>;

/** Pull adapter for JSON over HTTP(S): polling (via TanStack Query), timeout, byte cap, tolerant NaN parse. */
export const httpAdapter: AdapterFactory<HttpOptions> = {
  id: 'http',
  optionsSchema: httpOptions,
  behaviour: (options) => ({ pollMs: options.intervalMs, staleAfterMs: staleAfterPolls(options.intervalMs), channelKey: templateKey(options.url) }),
  create(options) {
    return {
      async load(request, signal) {
        const url = resolveUrl(fillTemplate(options.url, request));
        const { text } = await fetchCapped(
          url,
          { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, headers: { Accept: 'application/json', ...options.headers } },
          signal,
        );
        return parseJsonTolerant(text);
      },
    };
  },
};
