import { z } from 'zod';
import { parseCsv } from './csv';
import { fetchCapped, fetchLimits } from './fetch-capped';
import { parseJsonTolerant } from './json-body';
import { pollingBehaviour } from './behaviour';
import { fillTemplate, resolveUrl } from './template';
import { type AdapterFactory, FeedError } from './types';

export const staticOptions = z
  .object({
    /** A JSON or CSV file, usually beside index.html (`data/kpis.csv`). Templates as for http. */
    url: z.string().min(1),
    /** `auto` picks CSV for a `.csv` URL or a text/csv answer, JSON otherwise. */
    format: z.enum(['auto', 'json', 'csv']).default('auto'),
    delimiter: z.string().length(1).default(','),
    /** Re-read the file this often (0: once per view change). */
    intervalMs: z.number().int().min(0).default(0),
    ...fetchLimits,
  })
  .strict();
export type StaticOptions = z.output<typeof staticOptions>;

/**
 * A file published by hand or by a nightly export: JSON (any shape the
 * mapping can unwrap) or CSV with a header row (cells stay strings; the
 * contract parses numbers explicitly, empty cells are gaps).
 */
export const staticAdapter: AdapterFactory<StaticOptions> = {
  id: 'static',
  optionsSchema: staticOptions,
  behaviour: pollingBehaviour,
  create(options) {
    return {
      async load(request, signal) {
        const url = resolveUrl(fillTemplate(options.url, request));
        const { text, response } = await fetchCapped(
          url,
          { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, headers: { Accept: 'application/json, text/csv;q=0.9' } },
          signal,
        );
        const type = response.headers.get('content-type') ?? '';
        const csv = options.format === 'csv' || (options.format === 'auto' && (/\.csv$/i.test(new URL(url).pathname) || /text\/csv/i.test(type)));
        if (!csv) return parseJsonTolerant(text);
        try {
          return parseCsv(text, options.delimiter);
        } catch (error) {
          throw new FeedError(`malformed CSV: ${(error as Error).message}`, 'parse');
        }
      },
    };
  },
};
