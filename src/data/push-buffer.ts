/**
 * A bounded buffer for push datasets: records are deduped by id (last write
 * wins), kept ordered by event time, and trimmed to `capacity` (oldest
 * dropped) so memory cannot grow without bound on a wall that runs for weeks.
 */
export interface BufferedRecord {
  id: string;
}

export class PushBuffer<T extends BufferedRecord> {
  private readonly byId = new Map<string, T>();
  private ordered: T[] = [];
  private dirty = false;
  private version = 0;
  private snapshotCache: readonly T[] = [];
  private snapshotVersion = -1;
  dropped = 0;

  constructor(
    readonly capacity: number,
    private readonly timeOf: (record: T) => number,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  /** Inserts or replaces records; returns how many were new. */
  push(records: readonly T[]): number {
    let added = 0;
    for (const r of records) {
      const existing = this.byId.get(r.id);
      if (!existing) added++;
      this.byId.set(r.id, r);
      this.dirty = true;
    }
    // Trim with a little slack so a burst costs one sort, not one per event.
    if (this.byId.size > this.capacity + Math.max(16, this.capacity >> 2)) this.trim();
    if (records.length) this.version++;
    return added;
  }

  private sort(): void {
    if (!this.dirty) return;
    this.ordered = [...this.byId.values()].sort((a, b) => this.timeOf(a) - this.timeOf(b));
    this.dirty = false;
  }

  private trim(): void {
    this.sort();
    const excess = this.ordered.length - this.capacity;
    if (excess <= 0) return;
    for (const r of this.ordered.slice(0, excess)) this.byId.delete(r.id);
    this.ordered = this.ordered.slice(excess);
    this.dropped += excess;
  }

  /** Records oldest first; the same array instance until the buffer changes. */
  snapshot(): readonly T[] {
    if (this.snapshotVersion !== this.version) {
      this.trim();
      this.sort();
      this.snapshotCache = this.ordered.slice();
      this.snapshotVersion = this.version;
    }
    return this.snapshotCache;
  }

  clear(): void {
    this.byId.clear();
    this.ordered = [];
    this.version++;
  }
}
