import { afterEach, describe, expect, it } from 'vitest';
import { kit, type Kit } from './test-kit';
import { DeferJob, RetryJob } from './types';

let k: Kit;
afterEach(async () => {
  await k?.close();
});

const wait = { code: 'rate-limited', message: 'Waiting: a.com asked VidKeep to slow down' } as const;

describe('DeferJob', () => {
  it('puts the job back until its time without spending a try, even on the last one', async () => {
    k = kit();
    const seen: number[] = [];
    let runs = 0;
    k.q.register('site', async (ctx) => {
      seen.push(ctx.tryNumber);
      if (++runs <= 3) throw new DeferJob(60_000, wait);
      return 'ok';
    });
    k.q.enqueue('site', {}, { jobId: 'j', maxTries: 1 });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.get('j')).toMatchObject({ state: 'queued', tries: 0, runAt: k.clock.t + 60_000, error: { code: 'rate-limited' } });
    expect(k.events.filter((e) => e.type === 'retrying').map((e) => (e as { delayMs: number }).delayMs)).toEqual([60_000]);
    await k.clock.advance(59_999);
    expect(runs).toBe(1);
    await k.clock.advance(1);
    await k.clock.advance(60_000);
    await k.clock.advance(60_000);
    expect(k.q.get('j')).toMatchObject({ state: 'succeeded', tries: 1, result: 'ok' });
    expect(seen).toEqual([1, 1, 1, 1]);
  });

  it('a deferral between tries leaves the tries spent by real failures as they were', async () => {
    k = kit();
    let runs = 0;
    k.q.register('mixed', async () => {
      runs++;
      if (runs === 1) throw new RetryJob(1_000, { code: 'network', message: 'offline' });
      if (runs === 2) throw new DeferJob(5_000, wait);
      throw new RetryJob(1_000, { code: 'network', message: 'offline again' });
    });
    k.q.enqueue('mixed', {}, { jobId: 'm', maxTries: 2 });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.get('m')).toMatchObject({ state: 'queued', tries: 1 });
    await k.clock.advance(1_000);
    expect(k.q.get('m')).toMatchObject({ state: 'queued', tries: 1, error: { code: 'rate-limited' } });
    await k.clock.advance(5_000);
    // The second real failure is the last try: failed, with 2 tries, after 3 runs.
    expect(runs).toBe(3);
    expect(k.q.get('m')).toMatchObject({ state: 'failed', tries: 2, error: { message: 'offline again' } });
  });

  it('a negative delay defers to now (runs again on the next pump), still without a try', async () => {
    k = kit();
    let runs = 0;
    k.q.register('neg', async () => {
      if (++runs === 1) throw new DeferJob(-5, wait);
      return 'ok';
    });
    k.q.enqueue('neg', {}, { jobId: 'n', maxTries: 1 });
    await k.q.start();
    await k.clock.advance(0);
    await k.clock.advance(0);
    expect(k.q.get('n')).toMatchObject({ state: 'succeeded', tries: 1 });
    expect(runs).toBe(2);
  });
});
