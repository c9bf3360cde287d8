// A wall clock stepped by NTP or by hand: intervals and throttles run on the monotonic clock,
// due times stay wall-clock, and the due timer is armed again when the wall clock jumps.
import { afterEach, describe, expect, it } from 'vitest';
import { deferred, kit, type Kit } from './test-kit';
import { CLOCK_CHECK_MS } from './runner';

let k: Kit;
afterEach(async () => {
  await k?.close();
});

const HOUR = 3_600_000;
const pr = (percent: number) => ({ stage: 'downloading' as const, percent, downloadedBytes: null, totalBytes: null, speed: null, eta: null });

describe('a stepped wall clock', () => {
  it('a running job keeps saving its progress after the clock steps back an hour', async () => {
    k = kit();
    const gate = deferred();
    let report!: (n: number) => void;
    k.q.register('a', async (ctx) => {
      report = (n) => ctx.progress(pr(n));
      await gate.promise;
    });
    k.q.enqueue('a', {}, { jobId: 'p' });
    await k.q.start();
    await k.clock.advance(0);
    report(1);
    expect(k.q.get('p')?.progress?.percent).toBe(1);
    await k.clock.advance(500);
    k.clock.step(-HOUR);
    for (let n = 2; n <= 10; n++) {
      report(n);
      await k.clock.advance(150);
    }
    // Written at most every ~2 s, timed on the monotonic clock: the next write is due 2 s after the first.
    await k.clock.advance(700);
    expect(k.q.get('p')?.progress?.percent).toBe(10);
    report(11);
    await k.clock.advance(2_000);
    expect(k.q.get('p')?.progress?.percent).toBe(11);
    gate.resolve();
  });

  it('a job deferred by 1 s runs about 1 s later though the clock stepped back an hour meanwhile', async () => {
    k = kit();
    let ran = false;
    k.q.register('a', async () => void (ran = true));
    await k.q.start();
    k.q.enqueue('a', {}, { jobId: 'd', deferByMs: 1_000 });
    await k.clock.advance(500);
    k.clock.step(-HOUR);
    await k.clock.advance(499);
    expect(ran).toBe(false);
    await k.clock.advance(600);
    expect(ran).toBe(true);
  });

  it('a job deferred by 10 minutes runs soon after the clock steps 10 minutes forward', async () => {
    k = kit();
    let ran = false;
    k.q.register('a', async () => void (ran = true));
    await k.q.start();
    k.q.enqueue('a', {}, { jobId: 'f', deferByMs: 10 * 60_000 });
    await k.clock.advance(1_000);
    k.clock.step(10 * 60_000);
    await k.clock.advance(CLOCK_CHECK_MS);
    expect(ran).toBe(true);
  });

  it('a job enqueued with a delay right after a step back is not shifted by it', async () => {
    k = kit();
    let ran = false;
    k.q.register('a', async () => void (ran = true));
    await k.q.start();
    k.clock.step(-HOUR);
    k.q.enqueue('a', {}, { jobId: 'n', deferByMs: 5_000 });
    await k.clock.advance(4_900);
    expect(ran).toBe(false);
    await k.clock.advance(200);
    expect(ran).toBe(true);
  });
});
