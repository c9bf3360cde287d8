import { afterEach, describe, expect, it } from 'vitest';
import { deferred, kit, type Kit } from './test-kit';
import { backoffDelay } from './backoff';
import { createStore } from './store';
import { toView } from './view';

let k: Kit;
afterEach(async () => {
  await k?.close();
});

describe('backoff', () => {
  it('fixed, exponential, capped and jittered', () => {
    expect([1, 2, 3].map((t) => backoffDelay({ type: 'fixed', delayMs: 60_000 }, t))).toEqual([60_000, 60_000, 60_000]);
    expect([1, 2, 3, 4].map((t) => backoffDelay({ type: 'exponential', delayMs: 1_000 }, t))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffDelay({ type: 'exponential', delayMs: 1_000, maxDelayMs: 5_000 }, 10)).toBe(5_000);
    expect(backoffDelay({ type: 'fixed', delayMs: 1_000, jitter: 0.5 }, 1, () => 0)).toBe(1_000);
    expect(backoffDelay({ type: 'fixed', delayMs: 1_000, jitter: 0.5 }, 1, () => 1)).toBe(500);
    expect(backoffDelay({ type: 'exponential', delayMs: 1_000, maxDelayMs: 4_000, jitter: 1 }, 5, () => 0.25)).toBe(3_000);
  });
});

describe('retention and metrics', () => {
  it('purges kept results on the one timer; dedup returns a kept job until then', async () => {
    k = kit();
    k.q.register('a', async () => 1);
    k.q.enqueue('a', {}, { jobId: 'x', keepResultMs: 10_000 });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.get('x')?.state).toBe('succeeded');
    await k.clock.advance(9_999);
    expect(k.q.enqueue('a', {}, { jobId: 'x' }).existing).toBe(true);
    await k.clock.advance(1);
    expect(k.q.get('x')).toBeNull();
    expect(k.events.some((e) => e.type === 'removed' && e.jobId === 'x')).toBe(true);
    expect(k.clock.timers.size).toBe(0);
  });

  it('keeps failures 7 days by default', async () => {
    k = kit();
    k.q.register('f', async () => {
      throw new Error('x');
    });
    k.q.enqueue('f', {}, { jobId: 'f', maxTries: 1 });
    await k.q.start();
    await k.clock.advance(0);
    await k.clock.advance(7 * 86_400_000 - 1);
    expect(k.q.get('f')?.state).toBe('failed');
    await k.clock.advance(1);
    expect(k.q.get('f')).toBeNull();
  });

  it('reports counts, depth, run times, throughput and failures from SQL', async () => {
    k = kit({ maxJobs: 1 });
    const runs = [100, 200, 300];
    let n = 0;
    k.q.register('a', async () => {
      const d = runs[n++] ?? 0;
      await new Promise<void>((r) => k.clock.setTimer(r, d));
    });
    k.q.register('f', async () => {
      throw Object.assign(new Error('no'), { code: 'forbidden' });
    });
    for (const i of runs.keys()) k.q.enqueue('a', {}, { jobId: `a${i}`, priority: 10 });
    k.q.enqueue('f', {}, { jobId: 'f', maxTries: 1 });
    k.q.enqueue('a', {}, { queue: 'other', jobId: 'o', priority: -1 });
    k.q.pause('other');
    await k.q.start();
    await k.clock.advance(1_000);
    const m = k.q.metrics();
    expect(m.counts).toMatchObject({ succeeded: 3, failed: 1, queued: 1, active: 0 });
    expect(m.depthByQueue).toEqual({ other: 1 });
    expect(m.liveByName).toEqual({ a: { active: 0, queued: 1 } });
    expect(m.avgRunMs).toBe(200);
    expect(m.p95RunMs).toBe(300);
    expect(m.throughputPerHour).toBe(4);
    expect(m.failuresByCode).toEqual({ forbidden: 1 });
    expect(m.pausedQueues).toEqual(['other']);
  });
});

describe('list', () => {
  it('pages with a cursor: active, then queued in run order, then finished newest first', async () => {
    k = kit({ maxJobs: 1 });
    const gate = deferred();
    k.q.register('a', async (ctx) => {
      if (ctx.jobId === 'run') await gate.promise;
    });
    k.q.enqueue('a', {}, { jobId: 'done1' });
    await k.q.start();
    await k.clock.advance(10);
    k.q.enqueue('a', {}, { jobId: 'done2' });
    await k.clock.advance(10);
    k.q.enqueue('a', {}, { jobId: 'run' });
    await k.clock.advance(10);
    k.q.enqueue('a', {}, { jobId: 'q-low' });
    k.q.enqueue('a', {}, { jobId: 'q-high', priority: 3 });
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = k.q.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(5);
      ids.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(['run', 'q-high', 'q-low', 'done2', 'done1']);
    expect(k.q.list({ state: 'queued', limit: 10 }).items.map((j) => j.id)).toEqual(['q-high', 'q-low']);
    expect(() => k.q.list({ limit: 10, cursor: 'garbage' })).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
    gate.resolve();
  });
});

describe('progress', () => {
  it('emits every report (core/coalescer.ts is the one throttle) and writes the row at most every 2 s and on finish', async () => {
    k = kit();
    const gate = deferred();
    k.q.register('a', async (ctx) => {
      for (let i = 0; i < 50; i++) ctx.progress({ stage: 'downloading', percent: i, downloadedBytes: null, totalBytes: null, speed: null, eta: null });
      await gate.promise;
      ctx.progress({ stage: 'done', percent: 100, downloadedBytes: null, totalBytes: null, speed: null, eta: null });
    });
    k.q.enqueue('a', {}, { jobId: 'p' });
    await k.q.start();
    await k.clock.advance(0);
    const progressEvents = () => k.events.filter((e) => e.type === 'progress').map((e) => (e as { progress: { percent: number } }).progress.percent);
    expect(progressEvents()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(k.q.get('p')!.progress!.percent).toBe(0);
    await k.clock.advance(100);
    expect(progressEvents()).toHaveLength(50);
    expect(k.q.get('p')!.progress!.percent).toBe(0);
    await k.clock.advance(1_900);
    expect(k.q.get('p')!.progress!.percent).toBe(49);
    gate.resolve();
    await k.clock.advance(0);
    expect(k.q.get('p')).toMatchObject({ state: 'succeeded', progress: { percent: 100 } });
  });
});

describe('claims', () => {
  it('a stale claim token can never finish a re-claimed job', async () => {
    k = kit();
    k.q.register('a', async () => 1);
    k.q.pause();
    k.q.enqueue('a', {}, { jobId: 'j' });
    const store = createStore(k.db);
    const stale = store.claim('j', 'old', 'L1', 1)!;
    expect(stale).toBeTruthy();
    k.db.prepare("UPDATE jobs SET state = 'queued', claim_token = NULL WHERE id = 'j'").run();
    const fresh = store.claim('j', 'new', 'L2', 2)!;
    expect(fresh).toBeTruthy();
    const base = { now: 3, runAt: 3, error: null, result: null, progress: null, triesDelta: 0 };
    expect(store.finish(stale, { ...base, token: 'old', state: 'succeeded' })).toBeUndefined();
    expect(store.get('j')?.state).toBe('active');
    const done = store.finish(fresh, { ...base, token: 'new', state: 'succeeded', result: '1' })!;
    expect(toView(done).state).toBe('succeeded');
    // The row it returns is the row as stored.
    expect(done).toEqual(store.get('j'));
  });

  it('stop() waits the grace period, aborts, waits for the handler to wind down and re-queues without spending a try', async () => {
    k = kit({ shutdownGraceMs: 5_000 });
    let aborted = false;
    // Like a yt-dlp that takes 1.5 s to exit after SIGTERM.
    k.q.register('a', (ctx) => new Promise((res) => ctx.signal.addEventListener('abort', () => ((aborted = true), k.clock.setTimer(() => res(undefined), 1_500)))));
    k.q.enqueue('a', {}, { jobId: 'j' });
    await k.q.start();
    await k.clock.advance(0);
    const stopping = k.q.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await k.clock.advance(4_999);
    expect(aborted).toBe(false);
    await k.clock.advance(1);
    expect(aborted).toBe(true);
    await k.clock.advance(1_499);
    expect(stopped).toBe(false);
    await k.clock.advance(1);
    await stopping;
    expect(aborted).toBe(true);
    expect(k.q.get('j')).toMatchObject({ state: 'queued', tries: 0 });
  });

  it('start() re-queues jobs a crashed launch left active, and a job alone in 24 crashes in a row (fresh install) fails as crash-loop', async () => {
    k = kit();
    const hang = () => new Promise<never>(() => {});
    k.q.register('a', hang);
    k.q.enqueue('a', {}, { jobId: 'j' });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.get('j')).toMatchObject({ state: 'active', tries: 1 });
    for (let launch = 2; launch <= 25; launch++) {
      // A crash: the process vanishes without stop(); the next launch opens the same file.
      k.reopen({ launchId: `launch-${launch}` });
      k.q.register('a', hang);
      await k.q.start();
      await k.clock.advance(0);
      if (launch < 25) expect(k.q.get('j')).toMatchObject({ state: 'active', tries: 1 });
    }
    expect(k.q.get('j')).toMatchObject({ state: 'failed', error: { code: 'crash-loop' } });
    expect(k.q.get('j')!.error!.message).toMatch(/24 times in a row/);
  });

  it('a clean finish resets the crash strikes', async () => {
    k = kit();
    k.q.register('a', async () => {});
    k.q.enqueue('a', {}, { jobId: 'j' });
    k.db.prepare("UPDATE jobs SET state = 'active', launch_id = 'dead', claim_token = 'x', tries = 1, crash_strikes = 1").run();
    await k.q.start();
    await k.clock.advance(0);
    expect(k.db.prepare("SELECT state, crash_strikes FROM jobs WHERE id = 'j'").get()).toEqual({ state: 'succeeded', crash_strikes: 0 });
  });

  it('recovers thousands of crashed jobs in one statement', async () => {
    k = kit();
    k.q.register('a', async () => {});
    k.q.enqueueMany(Array.from({ length: 5_000 }, (_, i) => ({ name: 'a', payload: i })));
    k.db.prepare("UPDATE jobs SET state = 'active', launch_id = 'dead', claim_token = 'x', tries = 1").run();
    k.q.pause();
    await k.q.start();
    expect(k.q.metrics().counts).toMatchObject({ queued: 5_000, active: 0 });
  });
});

describe('lifecycle', () => {
  it('runs startup and shutdown hooks, and setConcurrency changes the limit at runtime', async () => {
    const calls: string[] = [];
    k = kit({ maxJobs: 1, onStartup: () => void calls.push('up'), onShutdown: () => void calls.push('down') });
    const gates: Array<() => void> = [];
    k.q.register('a', () => new Promise<void>((r) => gates.push(r)));
    for (let i = 0; i < 4; i++) k.q.enqueue('a', {});
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.metrics().counts.active).toBe(1);
    k.q.setConcurrency({ maxJobs: 3 });
    await k.clock.advance(0);
    expect(k.q.metrics().counts.active).toBe(3);
    expect(() => k.q.setConcurrency({ maxJobs: 0 })).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
    for (const g of gates.splice(0)) g();
    await k.clock.advance(0);
    for (const g of gates.splice(0)) g();
    await k.clock.advance(0);
    expect(k.q.metrics().counts.succeeded).toBe(4);
    await k.q.stop();
    expect(calls).toEqual(['up', 'down']);
  });
});
