// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BAD_RUN, PushChannel } from './dataset-source';
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
