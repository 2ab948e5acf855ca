import type { DatasetRequest } from './types';

/**
 * Fills `{region}`, `{from}`, `{to}` and `{filter.name}` in a URL template,
 * URI-encoding each value. Unknown placeholders are left empty.
 */
export function fillTemplate(template: string, request: DatasetRequest): string {
  return template.replace(/\{([a-zA-Z0-9_.]+)\}/g, (_, key: string) => {
    let value: string | undefined;
    if (key === 'region') value = request.region;
    else if (key === 'from') value = request.from;
    else if (key === 'to') value = request.to;
    else if (key === 'dataset') value = request.datasetId;
    else if (key.startsWith('filter.')) value = request.filters[key.slice(7)];
    return encodeURIComponent(value ?? '');
  });
}

/** Resolves a possibly relative URL against the page (so any base path works). */
export function resolveUrl(url: string): string {
  const base = typeof document !== 'undefined' ? document.baseURI : 'http://127.0.0.1/';
  return new URL(url, base).toString();
}
