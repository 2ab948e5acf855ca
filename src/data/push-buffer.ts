/**
 * A bounded buffer for push datasets: records are deduped by id (last write
 * wins), kept ordered by event time, and never hold more than `capacity`
 * records (the oldest are evicted) so memory cannot grow on a wall that runs
 * for weeks.
 *
 * Cost model (2,000 events/s): events arrive mostly in order, so an insert is
 * an append at the tail; a late event is placed by binary search and one
 * splice near the tail. Eviction advances a head index instead of shifting
 * the array; the array is compacted once the dead prefix outgrows the live
 * part. There is never a full re-sort.
 */
export interface BufferedRecord {
  id: string;
}

interface Entry<T> {
  r: T;
  /** Event time used for ordering (fixed when the entry is stored). */
  t: number;
}

export class PushBuffer<T extends BufferedRecord> {
  private readonly byId = new Map<string, Entry<T>>();
  private entries: Entry<T>[] = [];
  private head = 0;
  private version = 0;
  private snapshotCache: readonly T[] = [];
  private snapshotVersion = 0;
  /** Records evicted because the buffer was full (oldest first), or too old to enter a full buffer. */
  dropped = 0;
  /** Records that replaced one with the same id (duplicates, updates). */
  replaced = 0;

  constructor(
    readonly capacity: number,
    private readonly timeOf: (record: T) => number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  /** Monotonic change counter: equal versions mean equal contents. */
  get changes(): number {
    return this.version;
  }

  /** Inserts or replaces records; returns how many ids were new. */
  push(records: readonly T[]): number {
    let added = 0;
    let changed = false;
    for (const r of records) {
      const result = this.upsert(r);
      if (result === 'added') added++;
      if (result !== 'dropped') changed = true;
    }
    if (changed) this.version++;
    return added;
  }

  private upsert(r: T): 'added' | 'replaced' | 'dropped' {
    let t = this.timeOf(r);
    const existing = this.byId.get(r.id);
    if (!Number.isFinite(t)) t = existing ? existing.t : this.tailTime();
    if (existing) {
      this.replaced++;
      if (existing.t === t) {
        existing.r = r;
        return 'replaced';
      }
      this.removeEntry(existing);
      this.byId.delete(r.id);
    } else if (this.size >= this.capacity && t < (this.entries[this.head] as Entry<T>).t) {
      // Older than everything kept in a full buffer: it would be evicted at once.
      this.dropped++;
      return 'dropped';
    }
    const entry: Entry<T> = { r, t };
    this.insertEntry(entry);
    this.byId.set(r.id, entry);
    while (this.size > this.capacity) this.evictOldest();
    return existing ? 'replaced' : 'added';
  }

  private tailTime(): number {
    return this.size ? (this.entries[this.entries.length - 1] as Entry<T>).t : 0;
  }

  private insertEntry(entry: Entry<T>): void {
    const list = this.entries;
    if (this.size === 0 || entry.t >= (list[list.length - 1] as Entry<T>).t) {
      list.push(entry);
      return;
    }
    // Upper bound: after every entry with the same time (stable for ties).
    let lo = this.head;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as Entry<T>).t <= entry.t) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, entry);
  }

  private removeEntry(entry: Entry<T>): void {
    const list = this.entries;
    // Lower bound of its time, then scan the (short) run of equal times.
    let lo = this.head;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((list[mid] as Entry<T>).t < entry.t) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && (list[i] as Entry<T>).t === entry.t; i++) {
      if (list[i] === entry) {
        list.splice(i, 1);
        return;
      }
    }
  }

  private evictOldest(): void {
    const oldest = this.entries[this.head] as Entry<T>;
    this.byId.delete(oldest.r.id);
    (this.entries as (Entry<T> | undefined)[])[this.head] = undefined;
    this.head++;
    this.dropped++;
    // Compact when the dead prefix outgrows the live part: physical length stays ≤ 2 × capacity + 1024.
    if (this.head > 1024 && this.head > this.size) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /** Physical slots in use (live + not yet compacted), for tests and the bench. */
  get footprint(): number {
    return this.entries.length;
  }

  /** Records oldest first; the same array instance until the buffer changes. */
  snapshot(): readonly T[] {
    if (this.snapshotVersion !== this.version) {
      const out = new Array<T>(this.size);
      for (let i = this.head, j = 0; i < this.entries.length; i++, j++) out[j] = (this.entries[i] as Entry<T>).r;
      this.snapshotCache = out;
      this.snapshotVersion = this.version;
    }
    return this.snapshotCache;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  clear(): void {
    this.byId.clear();
    this.entries = [];
    this.head = 0;
    this.version++;
  }
}
