/**
 * A CPU profile of a bench page over its run (Chrome DevTools protocol),
 * summarised as the functions with the most self time: what holds the main
 * thread, in ms. Used by the live-data benches with BENCH_PROFILE=1.
 */
export async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return {
    /** Stops and returns the top `n` functions by self time: `{ fn, where, selfMs }`, plus the total sampled. */
    async stop(n = 25) {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach().catch(() => undefined);
      return summarise(profile, n);
    },
  };
}

export function summarise(profile, n = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    if (!node) continue;
    const f = node.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const file = f.url ? f.url.split('/').pop() : '';
    const key = `${f.functionName || '(anonymous)'}\u0000${file}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  }
  const top = [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => {
      const [fn, where] = key.split('\u0000');
      return { fn, where, selfMs: Math.round(ms) };
    });
  return { totalMs: Math.round(total), top };
}
