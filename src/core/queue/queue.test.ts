import { afterEach, describe, expect, it } from 'vitest';
import { deferred, kit, type Kit } from './test-kit';
import { PermanentJobError, RetryJob } from './types';
import { VidKeepError } from '../../shared/errors';

let k: Kit;
afterEach(async () => {
  await k?.close();
});

const order: string[] = [];
const recorder = async (ctx: { jobId: string }) => void order.push(ctx.jobId);

describe('enqueue', () => {
  it('stores the job before returning and dedups by jobId while queued, active or kept', async () => {
    k = kit();
    k.q.register('a', async () => 'ok');
    const first = k.q.enqueue('a', { n: 1 }, { jobId: 'x' });
    expect(first.existing).toBe(false);
    expect(k.db.prepare('SELECT count(*) AS n FROM jobs').get()).toEqual({ n: 1 });
    const again = k.q.enqueue('a', { n: 2 }, { jobId: 'x' });
    expect(again).toMatchObject({ jobId: 'x', existing: true, job: { payload: { n: 1 } } });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.get('x')?.state).toBe('succeeded');
    expect(k.q.enqueue('a', {}, { jobId: 'x' }).existing).toBe(true);
    expect(k.db.prepare('SELECT count(*) AS n FROM jobs').get()).toEqual({ n: 1 });
  });

  it("inside a caller's transaction nothing starts before the commit, and a rollback starts nothing", async () => {
    k = kit();
    const ran: string[] = [];
    k.q.register('a', async (ctx) => void ran.push(ctx.jobId));
    await k.q.start();
    expect(() =>
      k.db.transaction(() => {
        k.q.enqueue('a', {}, { jobId: 'one' });
        k.q.enqueueMany([{ name: 'a', payload: {}, options: { jobId: 'many' } }]);
        throw new Error('caller changed its mind');
      })(),
    ).toThrow('caller changed its mind');
    await k.clock.advance(0);
    expect(ran).toEqual([]);
    expect(k.q.get('one')).toBeNull();
    k.db.transaction(() => {
      k.q.enqueue('a', {}, { jobId: 'kept' });
      k.q.enqueueMany([{ name: 'a', payload: {}, options: { jobId: 'kept-many' } }]);
      expect(ran).toEqual([]);
    })();
    await k.clock.advance(0);
    expect(ran.sort()).toEqual(['kept', 'kept-many']);
  });

  it('enqueueMany is one transaction: a bad item stores nothing', () => {
    k = kit();
    k.q.register('a', recorder);
    expect(() => k.q.enqueueMany([{ name: 'a', payload: 1 }, { name: 'a', payload: () => 1 }])).toThrowError(VidKeepError);
    expect(k.q.list({ limit: 10 }).total).toBe(0);
    const res = k.q.enqueueMany([{ name: 'a', payload: 1, options: { jobId: 'd' } }, { name: 'a', payload: 2, options: { jobId: 'd' } }]);
    expect(res.map((r) => r.existing)).toEqual([false, true]);
  });

  it('enqueueMany inserts many per statement yet reports existing ids exactly and keeps order', async () => {
    k = kit();
    k.q.register('a', recorder);
    k.q.enqueue('a', 'old', { jobId: 'old-7' });
    k.q.enqueue('a', 'old', { jobId: 'old-120' });
    const items = Array.from({ length: 130 }, (_, i) => ({ name: 'a', payload: i, options: { jobId: i === 7 || i === 120 ? `old-${i}` : i === 60 ? 'id-59' : `id-${i}` } }));
    const res = k.q.enqueueMany(items);
    expect(res.filter((r) => r.existing).map((r) => r.jobId)).toEqual(['old-7', 'id-59', 'old-120']);
    expect(res[7]!.job.payload).toBe('old');
    expect(res[60]!.job.payload).toBe(59);
    expect(res[61]).toMatchObject({ existing: false, job: { payload: 61, state: 'queued' } });
    expect(k.q.list({ limit: 10 }).total).toBe(2 + 127);
    order.length = 0;
    await k.q.start();
    for (let i = 0; i < 200; i++) await k.clock.advance(0);
    expect(order.slice(2)).toEqual(items.map((it) => it.options.jobId).filter((id, i) => !id.startsWith('old') && i !== 60));
  });

  it.each([
    ['unknown job name', () => k.q.enqueue('nope', {}), 'unknown-job'],
    ['a function', () => k.q.enqueue('a', { f: () => 1 }), 'invalid-input'],
    ['a BigInt', () => k.q.enqueue('a', { n: 1n }), 'invalid-input'],
    ['a circular object', () => { const o: Record<string, unknown> = {}; o.self = o; return k.q.enqueue('a', o); }, 'invalid-input'],
    ['a Map', () => k.q.enqueue('a', new Map()), 'invalid-input'],
    ['NaN delay', () => k.q.enqueue('a', {}, { deferByMs: NaN }), 'invalid-input'],
    ['negative delay', () => k.q.enqueue('a', {}, { deferByMs: -1 }), 'invalid-input'],
    ['Infinity delay', () => k.q.enqueue('a', {}, { deferByMs: Infinity }), 'invalid-input'],
    ['zero tries', () => k.q.enqueue('a', {}, { maxTries: 0 }), 'invalid-input'],
    ['bad backoff', () => k.q.enqueue('a', {}, { backoff: { jitter: 2 } }), 'invalid-input'],
    ['unknown dependency', () => k.q.enqueue('a', {}, { dependsOn: ['ghost'] }), 'not-found'],
  ])('rejects %s with a clear error and stores nothing', (_, fn, code) => {
    k = kit();
    k.q.register('a', recorder);
    let err: unknown;
    try {
      fn();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VidKeepError);
    expect((err as VidKeepError).code).toBe(code);
    expect((err as VidKeepError).message.length).toBeGreaterThan(10);
    expect(k.q.list({ limit: 10 }).total).toBe(0);
  });

  it('unknown ids give not-found', () => {
    k = kit();
    expect(k.q.get('nope')).toBeNull();
    for (const fn of [() => k.q.cancel('nope'), () => k.q.retry('nope'), () => k.q.promote('nope')]) {
      expect(fn).toThrowError(expect.objectContaining({ code: 'not-found' }));
    }
    expect(k.q.remove('nope')).toBe(false);
  });
});

describe('ordering', () => {
  it('runs higher priority first, then by due time; promote moves a job to the front', async () => {
    order.length = 0;
    k = kit({ maxJobs: 1 });
    k.q.register('a', recorder);
    k.q.enqueue('a', {}, { jobId: 'low' });
    k.q.enqueue('a', {}, { jobId: 'high', priority: 5 });
    k.q.enqueue('a', {}, { jobId: 'low2' });
    k.q.enqueue('a', {}, { jobId: 'late' });
    k.q.promote('late');
    await k.q.start();
    await k.clock.advance(0);
    expect(order).toEqual(['late', 'high', 'low', 'low2']);
  });

  it('defers with deferByMs and runAt using one timer, and none when idle', async () => {
    order.length = 0;
    k = kit();
    k.q.register('a', recorder);
    await k.q.start();
    expect(k.clock.timers.size).toBe(0);
    k.q.enqueue('a', {}, { jobId: 'd', deferByMs: 5_000, keepResultMs: 0 });
    k.q.enqueue('a', {}, { jobId: 'r', runAt: k.clock.t + 2_000, keepResultMs: 0 });
    expect(k.clock.timers.size).toBe(1);
    await k.clock.advance(1_999);
    expect(order).toEqual([]);
    await k.clock.advance(1);
    expect(order).toEqual(['r']);
    await k.clock.advance(3_000);
    expect(order).toEqual(['r', 'd']);
    expect(k.clock.timers.size).toBe(0);
  });

  it('respects per-queue and per-key limits', async () => {
    k = kit({ maxJobs: 10, perQueueConcurrency: { slow: 1 }, perKeyConcurrency: 2 });
    const gates: Array<() => void> = [];
    let running = 0;
    let peak = 0;
    k.q.register('a', async () => {
      running++;
      peak = Math.max(peak, running);
      const d = deferred();
      gates.push(d.resolve);
      await d.promise;
      running--;
    });
    for (let i = 0; i < 5; i++) k.q.enqueue('a', {}, { key: 'youtube' });
    for (let i = 0; i < 3; i++) k.q.enqueue('a', {}, { queue: 'slow' });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.list({ state: 'active', limit: 50 }).items.map((j) => j.queue).sort()).toEqual(['default', 'default', 'slow']);
    while (gates.length) {
      gates.shift()!();
      await k.clock.advance(0);
    }
    expect(peak).toBe(3);
    expect(k.q.metrics().counts.succeeded).toBe(8);
  });
});

describe('retries and errors', () => {
  it('retries with backoff up to maxTries, then fails with the stored error info', async () => {
    k = kit();
    const tries: number[] = [];
    k.q.register('a', async (ctx) => {
      tries.push(ctx.tryNumber);
      throw Object.assign(new Error('slow down'), { code: 'rate-limited' });
    });
    k.q.enqueue('a', {}, { jobId: 'j', maxTries: 3, backoff: { type: 'exponential', delayMs: 1_000 } });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.get('j')).toMatchObject({ state: 'queued', tries: 1, error: { code: 'rate-limited' } });
    await k.clock.advance(999);
    expect(tries).toEqual([1]);
    await k.clock.advance(1);
    expect(tries).toEqual([1, 2]);
    await k.clock.advance(2_000);
    expect(tries).toEqual([1, 2, 3]);
    expect(k.q.get('j')).toMatchObject({ state: 'failed', tries: 3, error: { code: 'rate-limited', message: 'slow down' } });
    expect(k.events.filter((e) => e.type === 'retrying').map((e) => (e as { delayMs: number }).delayMs)).toEqual([1_000, 2_000]);
  });

  it('RetryJob retries at its delay; PermanentJobError fails at once; other errors become internal', async () => {
    k = kit();
    k.q.register('retry', async (ctx) => {
      if (ctx.tryNumber === 1) throw new RetryJob(30_000, { code: 'network', message: 'offline' });
      return 'ok';
    });
    k.q.register('perm', async () => {
      throw new PermanentJobError({ code: 'forbidden', message: 'private video' });
    });
    k.q.register('boom', async () => {
      throw new TypeError('x is undefined');
    });
    k.q.enqueue('retry', {}, { jobId: 'r' });
    k.q.enqueue('perm', {}, { jobId: 'p' });
    k.q.enqueue('boom', {}, { jobId: 'b', maxTries: 1 });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.get('r')).toMatchObject({ state: 'queued', runAt: k.clock.t + 30_000, error: { code: 'network' } });
    expect(k.q.get('p')).toMatchObject({ state: 'failed', tries: 1, error: { code: 'forbidden', message: 'private video' } });
    expect(k.q.get('b')).toMatchObject({ state: 'failed', error: { code: 'internal', hint: 'x is undefined' } });
    await k.clock.advance(30_000);
    expect(k.q.get('r')).toMatchObject({ state: 'succeeded', result: 'ok', tries: 2 });
  });

  it('a timeout aborts the signal; a handler that ignores it gives its slot back after stopGraceMs', async () => {
    k = kit({ maxJobs: 1, stopGraceMs: 5_000 });
    let aborted = false;
    k.q.register('hang', async (ctx) => {
      ctx.signal.addEventListener('abort', () => (aborted = true));
      await new Promise(() => {});
    });
    k.q.register('next', async () => 'ran');
    k.q.enqueue('hang', {}, { jobId: 'h', timeoutMs: 10_000, maxTries: 2, backoff: { delayMs: 60_000 } });
    k.q.enqueue('next', {}, { jobId: 'n' });
    await k.q.start();
    await k.clock.advance(9_999);
    expect(k.q.get('n')?.state).toBe('queued');
    await k.clock.advance(1);
    expect(aborted).toBe(true);
    expect(k.q.get('h')).toMatchObject({ state: 'queued', tries: 1, error: { code: 'timeout' }, stopping: true });
    await k.clock.advance(4_999);
    expect(k.q.get('n')?.state).toBe('queued');
    await k.clock.advance(1);
    expect(k.q.get('n')?.state).toBe('succeeded');
    // Its handler never settled, so the job itself never runs again: two runs of it must not overlap.
    await k.clock.advance(70_000);
    expect(k.q.get('h')).toMatchObject({ state: 'queued', tries: 1, stopping: true });
  });
});

describe('cancel, retry, remove', () => {
  it('cancels a queued job and an active one (its signal aborted)', async () => {
    k = kit();
    let signal: AbortSignal | null = null;
    k.q.register('a', async (ctx) => {
      signal = ctx.signal;
      await new Promise(() => {});
    });
    k.q.enqueue('a', {}, { jobId: 'run' });
    await k.q.start();
    await k.clock.advance(0);
    k.q.pause();
    k.q.enqueue('a', {}, { jobId: 'wait' });
    expect(k.q.cancel('wait', 'Not needed')).toMatchObject({ state: 'cancelled', error: { code: 'cancelled', message: 'Not needed' } });
    expect(k.q.cancel('run').state).toBe('cancelled');
    expect(signal!.aborted).toBe(true);
    expect(k.q.metrics().counts.active).toBe(0);
    expect(() => k.q.cancel('run')).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('retry puts a failed job back with tries reset; remove deletes; active remove cancels first', async () => {
    k = kit();
    let fail = true;
    k.q.register('a', async () => {
      if (fail) throw new PermanentJobError({ code: 'unavailable', message: 'gone' });
    });
    k.q.register('hang', () => new Promise(() => {}));
    k.q.enqueue('a', {}, { jobId: 'f' });
    k.q.enqueue('hang', {}, { jobId: 'h' });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.get('f')?.state).toBe('failed');
    expect(() => k.q.retry('h')).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
    fail = false;
    expect(k.q.retry('f')).toMatchObject({ state: 'queued', tries: 0, error: null });
    await k.clock.advance(0);
    expect(k.q.get('f')).toMatchObject({ state: 'succeeded', tries: 1 });
    expect(k.q.remove('f')).toBe(true);
    expect(k.q.get('f')).toBeNull();
    expect(k.q.remove('h')).toBe(true);
    expect(k.q.get('h')).toBeNull();
    expect(k.events.filter((e) => e.type === 'removed')).toHaveLength(2);
  });
});

describe('insertion order', () => {
  it('runs equal jobs first in, first out across a restart and both enqueue paths', async () => {
    order.length = 0;
    k = kit();
    k.q.register('a', recorder);
    k.q.enqueue('a', {}, { jobId: 'z-old' });
    k.q.enqueueMany([{ name: 'a', payload: {}, options: { jobId: 'y-old' } }]);
    k.reopen();
    k.q.register('a', recorder);
    k.q.enqueueMany([{ name: 'a', payload: {}, options: { jobId: 'b-new' } }]);
    k.q.enqueue('a', {}, { jobId: 'a-new' });
    const seqs = k.db.prepare('SELECT id, seq FROM jobs ORDER BY seq').all() as Array<{ id: string; seq: number }>;
    expect(seqs.map((r) => r.id)).toEqual(['z-old', 'y-old', 'b-new', 'a-new']);
    expect(new Set(seqs.map((r) => r.seq)).size).toBe(4);
    await k.q.start();
    await k.clock.advance(0);
    expect(order).toEqual(['z-old', 'y-old', 'b-new', 'a-new']);
  });
});

describe('pause and resume', () => {
  it('pauses all or one queue, and the pause survives a restart', async () => {
    order.length = 0;
    k = kit();
    k.q.register('a', recorder);
    k.q.pause('slow');
    k.q.enqueue('a', {}, { jobId: 's', queue: 'slow' });
    k.q.enqueue('a', {}, { jobId: 'f' });
    await k.q.start();
    await k.clock.advance(0);
    expect(order).toEqual(['f']);
    await k.q.stop();
    k.reopen();
    k.q.register('a', recorder);
    await k.q.start();
    await k.clock.advance(0);
    expect(order).toEqual(['f']);
    expect(k.q.metrics()).toMatchObject({ paused: false, pausedQueues: ['slow'], depthByQueue: { slow: 1 } });
    k.q.pause();
    k.q.resume('slow');
    await k.clock.advance(0);
    expect(order).toEqual(['f']);
    k.q.resume();
    await k.clock.advance(0);
    expect(order).toEqual(['f', 's']);
  });
});

describe('dependencies', () => {
  it('B starts after A succeeds; C is cancelled with a reason when its dependency fails for good', async () => {
    order.length = 0;
    k = kit();
    k.q.register('a', recorder);
    k.q.register('bad', async () => {
      throw new PermanentJobError({ code: 'forbidden', message: 'no' });
    });
    k.q.pause();
    k.q.enqueue('a', {}, { jobId: 'A' });
    k.q.enqueue('a', {}, { jobId: 'B', dependsOn: ['A'], priority: 10 });
    k.q.enqueue('bad', {}, { jobId: 'X' });
    k.q.enqueue('a', {}, { jobId: 'C', dependsOn: ['X'] });
    k.q.enqueue('a', {}, { jobId: 'D', dependsOn: ['C'] });
    await k.q.start();
    k.q.resume();
    await k.clock.advance(0);
    await k.clock.advance(0);
    expect(order).toEqual(['A', 'B']);
    expect(k.q.get('C')).toMatchObject({ state: 'cancelled', error: { code: 'dependency-failed' } });
    expect(k.q.get('C')!.error!.message).toContain('X');
    expect(k.q.get('D')).toMatchObject({ state: 'cancelled', error: { code: 'dependency-failed' } });
  });

  it('cancelling a dependency cancels its dependents; depending on a failed job is cancelled at once', async () => {
    k = kit();
    k.q.register('a', recorder);
    k.q.pause();
    k.q.enqueue('a', {}, { jobId: 'A' });
    k.q.enqueue('a', {}, { jobId: 'B', dependsOn: ['A'] });
    k.q.cancel('A');
    expect(k.q.get('B')).toMatchObject({ state: 'cancelled', error: { code: 'dependency-failed' } });
    expect(k.q.enqueue('a', {}, { jobId: 'C', dependsOn: ['A'] }).job).toMatchObject({ state: 'cancelled', error: { code: 'dependency-failed' } });
  });
});
