import { z } from 'zod';
import { readJsonBody } from './json-body';
import { fillTemplate, resolveUrl } from './template';
import { type AdapterFactory, FeedError } from './types';

export const httpOptions = z.object({
  /** URL template; `{region}`, `{from}`, `{to}`, `{filter.x}` are filled from the view. */
  url: z.string().min(1),
  /** Polling interval; 0 disables polling. */
  intervalMs: z.number().int().min(0).default(60_000),
  timeoutMs: z.number().int().min(100).default(10_000),
  headers: z.record(z.string(), z.string()).default({}),
  /** Responses larger than this are refused (the previous data stays). */
  maxBytes: z.number().int().min(1024).default(8 * 1024 * 1024),
});
export type HttpOptions = z.output<typeof httpOptions>;

export const httpAdapter: AdapterFactory<HttpOptions> = {
  id: 'http',
  optionsSchema: httpOptions,
  create(options) {
    return {
      async load(request, signal) {
        const url = resolveUrl(fillTemplate(options.url, request));
        const timeout = AbortSignal.timeout(options.timeoutMs);
        const combined = AbortSignal.any([signal, timeout]);
        let response: Response;
        try {
          response = await fetch(url, { headers: { Accept: 'application/json', ...options.headers }, signal: combined });
        } catch (error) {
          if (timeout.aborted) throw new FeedError(`no answer within ${options.timeoutMs} ms`, 'timeout');
          if (signal.aborted) throw error;
          throw new FeedError(`network error: ${(error as Error).message}`, 'network');
        }
        if (!response.ok) {
          await response.body?.cancel().catch(() => undefined);
          throw new FeedError(`HTTP ${response.status}`, 'http', response.status);
        }
        try {
          return await readJsonBody(response, options.maxBytes, combined);
        } catch (error) {
          if (timeout.aborted) throw new FeedError(`no answer within ${options.timeoutMs} ms`, 'timeout');
          throw error;
        }
      },
    };
  },
};
