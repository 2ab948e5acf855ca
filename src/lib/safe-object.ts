/** Keys that must never be accepted from config or feeds (prototype pollution). */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns the first forbidden key path found in a parsed JSON value, or null. */
export function findForbiddenKey(value: unknown, path: string[] = []): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenKey(value[i], [...path, String(i)]);
      if (hit) return hit;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...path, key].join('.');
    const hit = findForbiddenKey((value as Record<string, unknown>)[key], [...path, key]);
    if (hit) return hit;
  }
  return null;
}

/** Only http(s) and relative links may be followed (no javascript:, data:, …). */
export function isSafeLink(url: string): boolean {
  const trimmed = url.trim();
  if (/^(https?:)?\/\//i.test(trimmed)) return /^https?:\/\//i.test(trimmed) || trimmed.startsWith('//');
  return !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

export const BLOCKED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads `a.b.c` from untrusted JSON: own properties only, never through `__proto__`/`constructor`/`prototype`. */
export function getPath(value: unknown, path: string): unknown {
  if (!path) return value;
  let current = value;
  for (const key of path.split('.')) {
    if (BLOCKED_KEYS.has(key) || current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
