// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { BAD_RUN, PushChannel } from './dataset-source';
import { NotifyPacer, persistDelay, recordsFromSnapshot } from './push-channel';
import { makeDataset, makeRequest, pushHarness, waitFor } from './testing/harness';

function appeal(i: number) {
  return {
    id: `a-${i}`,
    channel: '电话',
    category: '城乡建设',
    region: '410105',
    text: `第${i}件诉求`,
    receivedAt: 1_790_000_000_000 + i,
    status: 'new',
    seq: i,
  };
}

describe('PushChannel', () => {
  it('keeps 1,000,000 pushed events at the configured bound', () => {
    const dataset = makeDataset('sse', 'text-item', { url: 'http://127.0.0.1:1/never' }, { bufferSize: 5000 });
    const channel = new PushChannel(dataset, makeRequest('million'), { persistEveryMs: 0 });
    const batch = 1000;
    for (let start = 0; start < 1_000_000; start += batch) {
      const message = Array.from({ length: batch }, (_, k) => appeal(start + k));
      channel.ingest(message);
      expect(channel.buffer.size).toBeLessThanOrEqual(5000);
    }
    const stats = channel.stats();
    expect(stats.ingested).toBe(1_000_000);
    expect(stats.size).toBe(5000);
    expect(stats.evicted).toBe(1_000_000 - 5000);
    expect(channel.buffer.footprint).toBeLessThanOrEqual(2 * 5000 + 1025);
    const records = channel.state().records as { seq: number }[];
    expect(records).toHaveLength(5000);
    expect(records[0]?.seq).toBe(995_000);
    expect(records.at(-1)?.seq).toBe(999_999);
    // A million records through validation: a correctness check, not a timing one (slow CI machines).
  }, 120_000);

  it('quarantines bad records, keeps good ones, and flags a run of drifted messages as stale', async () => {
    const dataset = makeDataset('sse', 'text-item', { url: 'http://127.0.0.1:1/never', backoff: { initialMs: 60_000, maxMs: 60_000 } });
    const h = pushHarness(dataset, makeRequest('drift'));
    h.channel.ingest([appeal(1), { ...appeal(2), receivedAt: 'yesterday' }, { ...appeal(3), ['__proto__']: { x: 1 } }]);
    expect(h.channel.stats().ingested).toBe(1);
    expect(h.channel.state().quarantined).toBe(2);
    const { text: _t, ...renamed } = appeal(9);
    for (let i = 0; i < BAD_RUN; i++) h.channel.ingest({ ...renamed, id: `r-${i}`, content: 'x' });
    expect(h.view().state).toBe('stale');
    expect(h.view().reason).toMatch(new RegExp(`^contract: the last ${BAD_RUN} messages failed the contract`));
    // Nothing listens on port 1: once the stream is refused, the transport error (offline) wins over the drift error.
    await waitFor(() => h.view().state === 'offline', 3000, 'offline');
    expect(h.view().reason).toMatch(/^network: the stream could not be reached/);
    const view = h.channel.state();
    expect(view.records).toHaveLength(1);
    h.channel.ingest(appeal(4));
    expect(h.channel.state().records).toHaveLength(2);
    h.release();
  });

  it('saves the buffer to IndexedDB (throttled) and restores it on the next start', async () => {
    const dataset = makeDataset('sse', 'text-item', { url: 'http://127.0.0.1:9/unreachable', backoff: { initialMs: 60_000, maxMs: 60_000 } });
    const first = new PushChannel(dataset, makeRequest('persisted'), { persistEveryMs: 30 });
    const release = first.retain();
    first.ingest([appeal(1), appeal(2), appeal(3)]);
    await new Promise((r) => setTimeout(r, 120));
    release();
    const second = new PushChannel(dataset, makeRequest('persisted'), { persistEveryMs: 30 });
    const release2 = second.retain();
    await waitFor(() => second.state().records?.length === 3, 2000, 'restored records');
    expect(second.state().fromSnapshot).toBe(true);
    expect(second.state().lastGoodAt).not.toBeNull();
    release2();
  });
});

describe('NotifyPacer (how often panels hear of a busy stream)', () => {
  it('notifies on the next frame after a quiet spell, then at most once per interval while the data keeps changing', () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      let version = 0;
      const pacer = new NotifyPacer(
        () => calls++,
        () => version,
        250,
        () => Date.now(),
      );
      const change = () => {
        version++;
        pacer.signal();
      };
      change();
      vi.advanceTimersByTime(16);
      expect(calls).toBe(1);
      // A burst right after: one notification, a full interval after the first.
      for (let i = 0; i < 100; i++) change();
      vi.advanceTimersByTime(200);
      expect(calls).toBe(1);
      vi.advanceTimersByTime(70);
      expect(calls).toBe(2);
      // A sustained stream for 10 s (a change every 5 ms): about four notifications a second, none lost at the end.
      for (let t = 0; t < 10_000; t += 5) {
        change();
        vi.advanceTimersByTime(5);
      }
      vi.advanceTimersByTime(300);
      expect(calls - 2).toBeGreaterThanOrEqual(36);
      expect(calls - 2).toBeLessThanOrEqual(41);
      expect(pacer.scheduled).toBe(false);
      // After a quiet spell, the next change is shown on the next frame again.
      vi.advanceTimersByTime(1000);
      const before = calls;
      change();
      vi.advanceTimersByTime(16);
      expect(calls).toBe(before + 1);
      // A heartbeat (nothing new to draw) is shown on the next frame; a record right after it still waits for the
      // interval since the last data, and a heartbeat does not restart that interval.
      pacer.signal();
      vi.advanceTimersByTime(16);
      expect(calls).toBe(before + 2);
      change();
      vi.advanceTimersByTime(150);
      expect(calls).toBe(before + 2);
      vi.advanceTimersByTime(120);
      expect(calls).toBe(before + 3);
      // Data quiet for a while, a heartbeat notified just now: the next record is not held back by it.
      vi.advanceTimersByTime(1000);
      pacer.signal();
      vi.advanceTimersByTime(16);
      change();
      vi.advanceTimersByTime(16);
      expect(calls).toBe(before + 5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a channel under a sustained stream tells its listeners a few times a second, and the last one sees every record', async () => {
    const dataset = makeDataset('sse', 'text-item', { url: 'http://127.0.0.1:1/never' }, { bufferSize: 5000 });
    const channel = new PushChannel(dataset, makeRequest('paced'), { persistEveryMs: 0 });
    let notified = 0;
    let seen = 0;
    channel.listen(() => {
      notified++;
      seen = (channel.state().records ?? []).length;
    });
    const started = Date.now();
    let i = 0;
    while (Date.now() - started < 1200) {
      channel.ingest(appeal(i++));
      await new Promise((r) => setTimeout(r, 2));
    }
    await waitFor(() => seen === i, 2000, 'the last records');
    const seconds = (Date.now() - started) / 1000;
    // Hundreds of messages, a handful of notifications (≤ 1 per 250 ms plus the first).
    expect(i).toBeGreaterThan(100);
    expect(notified).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
    expect(notified).toBeGreaterThanOrEqual(2);
  });
});

describe('persistDelay', () => {
  it('saves a big buffer less often: the cost per second stays flat', () => {
    expect(persistDelay(5000, 200)).toBe(5000);
    expect(persistDelay(5000, 5000)).toBe(25_000);
  });
});

describe('saved buffer (IndexedDB)', () => {
  it('a reload restores every saved record exactly, marked as from this device, and live records win over saved ones', async () => {
    const dataset = makeDataset('sse', 'text-item', { url: 'http://127.0.0.1:1/saved', backoff: { initialMs: 60_000, maxMs: 60_000 } }, { bufferSize: 5000 });
    const first = new PushChannel(dataset, makeRequest('saved'), { persistEveryMs: 1 });
    const release = first.retain();
    const sent = Array.from({ length: 3000 }, (_, i) => appeal(i));
    first.ingest(sent);
    const kept = first.state().records;
    release();
    // The save on close runs in slices; the next channel finds it once it is written.
    let restored: readonly unknown[] | undefined;
    const started = Date.now();
    while (Date.now() - started < 5000) {
      await new Promise((r) => setTimeout(r, 50));
      const second = new PushChannel(dataset, makeRequest('saved'), { persistEveryMs: 1 });
      second.ingest({ ...appeal(7), text: '实时更新的第7件诉求' });
      const stop = second.retain();
      await waitFor(() => second.state().fromSnapshot || (second.state().records?.length ?? 0) > 1, 1000, 'restore').catch(() => undefined);
      restored = second.state().records;
      stop();
      if ((restored?.length ?? 0) === 3000) break;
    }
    expect(restored).toHaveLength(3000);
    const byId = new Map((restored as { id: string; text?: string }[]).map((r) => [r.id, r]));
    // Live beats saved; every other record comes back as it was kept.
    expect(byId.get('a-7')?.text).toBe('实时更新的第7件诉求');
    for (const r of kept as { id: string }[]) if (r.id !== 'a-7') expect(byId.get(r.id)).toEqual(r);
  });

  it('restores only records with a string id; a snapshot without records is none', () => {
    expect(recordsFromSnapshot({ records: [{ id: 'b' }, null, { v: 2 }, { id: 3 }] })).toEqual([{ id: 'b' }]);
    expect(recordsFromSnapshot({})).toBeNull();
    expect(recordsFromSnapshot(null)).toBeNull();
  });
});
