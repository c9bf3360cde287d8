// The per-job shortcuts (one timeout timer, lazy event views, a context of getters) keep every promise.
import { afterEach, describe, expect, it } from 'vitest';
import { kit, type Kit } from './test-kit';
import type { JobContext } from './types';

let k: Kit;
afterEach(async () => {
  await k?.close();
});

const hang = (ctx: JobContext) => new Promise<never>((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error)));

describe('one timer for every running job', () => {
  // That no timer stays armed once idle is queue.test.ts's "none when idle" (its jobs have deadlines too).
  it('times out a short job started after a long one at its own time', async () => {
    k = kit({ maxJobs: 2 });
    k.q.register('hang', hang);
    k.q.enqueue('hang', {}, { jobId: 'long', timeoutMs: 10_000, maxTries: 1 });
    await k.q.start();
    await k.clock.advance(0);
    k.q.enqueue('hang', {}, { jobId: 'short', timeoutMs: 2_000, maxTries: 1 });
    await k.clock.advance(0);
    expect(k.q.get('short')?.state).toBe('active');
    expect(k.clock.timers.size).toBe(1); // both deadlines on one timer
    await k.clock.advance(2_000);
    expect(k.q.get('short')?.state).toBe('failed');
    expect(k.q.get('short')?.error?.code).toBe('timeout');
    expect(k.q.get('long')?.state).toBe('active');
    await k.clock.advance(7_999);
    expect(k.q.get('long')?.state).toBe('active');
    await k.clock.advance(1);
    expect(k.q.get('long')?.state).toBe('failed');
  });

  it('a job that ends early leaves the next one its full time', async () => {
    k = kit({ maxJobs: 1 });
    let first = true;
    k.q.register('hang', async (ctx) => {
      if (first) return void (first = false);
      return hang(ctx);
    });
    k.q.enqueue('hang', {}, { jobId: 'quick', timeoutMs: 1_000, maxTries: 1 });
    await k.q.start();
    await k.clock.advance(500);
    k.q.enqueue('hang', {}, { jobId: 'next', timeoutMs: 1_000, maxTries: 1 });
    await k.clock.advance(999);
    expect(k.q.get('quick')?.state).toBe('succeeded');
    expect(k.q.get('next')?.state).toBe('active');
    await k.clock.advance(1);
    expect(k.q.get('next')?.state).toBe('failed');
  });
});

describe('events and context built on demand', () => {
  it('an event keeps the job as it was when emitted, and serialises whole', async () => {
    k = kit();
    k.q.register('titled', async (ctx) => {
      ctx.setLabel('The title');
      return { ok: 1 };
    });
    k.q.enqueue('titled', { url: 'https://a.example/v' }, { jobId: 't', label: 'https://a.example/v' });
    await k.q.start();
    await k.clock.advance(0);
    const started = k.events.find((e) => e.type === 'started');
    const done = k.events.find((e) => e.type === 'succeeded');
    expect(started?.type === 'started' && started.job.label).toBe('https://a.example/v');
    expect(done?.type === 'succeeded' && done.job.label).toBe('The title');
    expect(JSON.parse(JSON.stringify(done))).toMatchObject({ type: 'succeeded', job: { id: 't', state: 'succeeded', result: { ok: 1 }, payload: { url: 'https://a.example/v' } } });
    expect({ ...started }).toMatchObject({ job: { id: 't', state: 'active' } });
  });

  it('a handler may destructure its context', async () => {
    k = kit();
    const seen: unknown[] = [];
    k.q.register('d', async ({ jobId, payload, tryNumber, maxTries, progress, log, signal }) => {
      progress({ stage: 'downloading', percent: 50, downloadedBytes: 5, totalBytes: 10, speed: null, eta: null });
      log.info('half way');
      seen.push(jobId, payload, tryNumber, maxTries, signal.aborted);
    });
    k.q.enqueue('d', { n: 1 }, { jobId: 'x', maxTries: 2 });
    await k.q.start();
    await k.clock.advance(0);
    expect(seen).toEqual(['x', { n: 1 }, 1, 2, false]);
    expect(k.events.some((e) => e.type === 'progress' && e.jobId === 'x')).toBe(true);
  });
});
