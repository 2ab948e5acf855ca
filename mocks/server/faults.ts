/**
 * Fault injection for the feed server: what can go wrong with a feed, on
 * demand, per route prefix or globally (`POST /__faults`).
 */
export interface Faults {
  /** Delay before answering (pull) or before a stream starts. */
  latencyMs?: number;
  /** Answer with this HTTP status instead (streams: refuse the connection). */
  status?: number;
  /** Wrong MIME type for streams (e.g. "text/plain": a browser EventSource gives up for good). */
  contentType?: string;
  /** Truncated / broken JSON (pull), every 5th stream message unreadable. */
  malformed?: boolean;
  /** Schema drift: rename fields, numbers as strings, nulls, bare NaN tokens. */
  drift?: 'rename' | 'string' | 'null' | 'nan';
  /** Drop the connection after n bytes (pull) or n events (streams), abruptly. */
  disconnectAfter?: number;
  /** Every record / event twice. */
  duplicates?: boolean;
  /** Records reversed (pull), adjacent events swapped (streams). */
  outOfOrder?: boolean;
  /** Pad a pull answer to this many MB (streamed, no Content-Length). */
  hugeBodyMb?: number;
  /** Streams: keep the connection open but send nothing, not even heartbeats (half-open). */
  silent?: boolean;
  /** Every text field of every record: an injection payload and a run far past its cap (see hostile.ts). */
  hostile?: boolean;
  /** Every n-th record (pull) or event (stream) structurally bad: to be quarantined and counted. */
  quarantineEvery?: number;
}

const KEYS: Record<keyof Faults, 'number' | 'boolean' | 'string'> = {
  latencyMs: 'number',
  status: 'number',
  contentType: 'string',
  malformed: 'boolean',
  drift: 'string',
  disconnectAfter: 'number',
  duplicates: 'boolean',
  outOfOrder: 'boolean',
  hugeBodyMb: 'number',
  silent: 'boolean',
  hostile: 'boolean',
  quarantineEvery: 'number',
};

/** Validates a fault object from the admin endpoint; throws with a plain message. */
export function parseFaults(raw: unknown): { route: string; faults: Faults } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('expected a JSON object');
  const faults: Record<string, unknown> = {};
  let route = '*';
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'route') {
      if (typeof value !== 'string' || !(value === '*' || value.startsWith('/'))) throw new Error('route must be "*" or a path prefix like "/api/economy"');
      route = value;
      continue;
    }
    const type = KEYS[key as keyof Faults];
    if (!type) throw new Error(`unknown fault "${key}" (known: ${Object.keys(KEYS).join(', ')})`);
    if (typeof value !== type) throw new Error(`${key} must be a ${type}`);
    if (key === 'drift' && !['rename', 'string', 'null', 'nan'].includes(value as string)) throw new Error('drift must be rename|string|null|nan');
    if (type === 'number' && (!Number.isFinite(value) || (value as number) < 0)) throw new Error(`${key} must be a non-negative number`);
    faults[key] = value;
  }
  return { route, faults: faults as Faults };
}

export class FaultTable {
  private readonly byRoute = new Map<string, Faults>();

  set(route: string, faults: Faults): void {
    this.byRoute.set(route, faults);
  }

  clear(route?: string): void {
    if (route === undefined) this.byRoute.clear();
    else this.byRoute.delete(route);
  }

  /** Global faults, then every matching route prefix from the shortest to the longest. */
  for(path: string): Faults {
    const out: Faults = { ...this.byRoute.get('*') };
    const matches = [...this.byRoute.keys()].filter((r) => r !== '*' && path.startsWith(r)).sort((a, b) => a.length - b.length);
    for (const r of matches) Object.assign(out, this.byRoute.get(r));
    return out;
  }

  toJSON(): Record<string, Faults> {
    return Object.fromEntries(this.byRoute);
  }
}

const RENAMES: Record<string, string> = {
  value: 'val',
  lon: 'longitude',
  lat: 'latitude',
  text: 'content',
  reportedAt: 'reported_at',
  receivedAt: 'received_at',
};
export const NAN_MARK = '__NaN_token__';

/** Applies a drift to one record (a plain JSON object). */
export function driftRecord(record: unknown, drift: NonNullable<Faults['drift']>): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (drift === 'rename') out[RENAMES[key] ?? key] = value;
    else if (drift === 'string' && typeof value === 'number') out[key] = value.toLocaleString('en-US', { maximumFractionDigits: 6 });
    else if ((drift === 'null' || drift === 'nan') && typeof value === 'number') out[key] = drift === 'null' ? null : NAN_MARK;
    else out[key] = value;
  }
  return out;
}

/** JSON text with bare NaN tokens where the drift put its mark (as some backends emit). */
export function stringifyWithNaN(value: unknown): string {
  return JSON.stringify(value).replaceAll(`"${NAN_MARK}"`, 'NaN');
}
