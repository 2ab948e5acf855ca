import { z } from 'zod';
import { fetchCapped, fetchLimits } from './fetch-capped';
import { parseJsonTolerant } from './json-body';
import { pollingBehaviour } from './behaviour';
import { fillTemplate, resolveUrl } from './template';
import type { AdapterFactory } from './types';

export const httpOptions = z
  .object({
    /** URL template; `{region}`, `{from}`, `{to}`, `{filter.x}` are filled from the view. */
    url: z.string().min(1),
    /** Polling interval; 0 disables polling. */
    intervalMs: z.number().int().min(0).default(60_000),
    headers: z.record(z.string(), z.string()).default({}),
    ...fetchLimits,
  })
  .strict();
export type HttpOptions = z.output<typeof httpOptions>;

/** Pull adapter for JSON over HTTP(S): polling (via TanStack Query), timeout, byte cap, tolerant NaN parse. */
export const httpAdapter: AdapterFactory<HttpOptions> = {
  id: 'http',
  optionsSchema: httpOptions,
  behaviour: pollingBehaviour,
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
