import { afterEach, describe, expect, it } from 'vitest';
import { kit, type Kit } from './test-kit';
import { staggerOffset } from './scheduler';
import { nextFireAfter, parseCron } from './cron-next';

let k: Kit;
afterEach(async () => {
  await k?.close();
});

const HOUR = 3_600_000;
// The kit's clock starts on an exact hour (local time is UTC in CI; the tests use whole hours).
const cronJobs = () => k.q.list({ limit: 100 }).items.filter((j) => j.id.startsWith('cron:')).map((j) => j.id).sort();

describe('cron expressions', () => {
  it('rejects a bad expression with a clear error', () => {
    k = kit();
    k.q.register('sub', async () => {});
    expect(() => k.q.schedule({ id: 's', cron: '61 * * * *', jobName: 'sub' })).toThrowError(expect.objectContaining({ code: 'invalid-input', message: expect.stringContaining('61') }));
    expect(() => k.q.schedule({ id: 's', cron: 'every day', jobName: 'sub' })).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => k.q.schedule({ id: 's', cron: '0 * * * *', jobName: 'nope' })).toThrowError(expect.objectContaining({ code: 'unknown-job' }));
    expect(k.q.schedules()).toEqual([]);
  });

  it('refuses, when the schedule is made, enqueue options a fire could not use', async () => {
    k = kit();
    k.q.register('sub', async () => {});
    await k.q.start();
    expect(() => k.q.schedule({ id: 's', cron: '* * * * *', jobName: 'sub', enqueue: { priority: 1.5 } })).toThrowError(expect.objectContaining({ code: 'invalid-input', message: expect.stringContaining('priority') }));
    expect(() => k.q.schedule({ id: 's', cron: '* * * * *', jobName: 'sub', enqueue: { maxTries: 0 } })).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => k.q.schedule({ id: 's', cron: '* * * * *', jobName: 'sub', enqueue: 'fast' as never })).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => k.q.schedule({ id: 's', cron: '* * * * *', jobName: 'sub', payload: { f: () => 1 } })).toThrowError(expect.objectContaining({ code: 'invalid-input' }));
    expect(k.q.schedules()).toEqual([]);
    expect(k.db.prepare('SELECT count(*) AS n FROM schedules').get()).toEqual({ n: 0 });
    // Nothing armed that could crash later.
    await k.clock.advance(120_000);
  });

  it('computes next fire times', () => {
    const f = parseCron('*/15 9-17 * * 1-5');
    const mon0800 = new Date(2026, 0, 5, 8, 0, 0).getTime();
    expect(nextFireAfter(f, mon0800)).toBe(new Date(2026, 0, 5, 9, 0, 0).getTime());
    const fri1750 = new Date(2026, 0, 9, 17, 50, 0).getTime();
    expect(nextFireAfter(f, fri1750)).toBe(new Date(2026, 0, 12, 9, 0, 0).getTime());
  });
});

describe('schedules', () => {
  it('fires on the one timer with a unique id per fire time, and a restart never doubles a fire', async () => {
    k = kit();
    k.q.register('sub', async () => {});
    await k.q.start();
    const t0 = k.clock.t;
    k.q.schedule({ id: 'hourly', cron: '0 * * * *', jobName: 'sub', payload: { feed: 1 }, enqueue: { keepResultMs: 10 * HOUR } });
    expect(k.q.schedules()[0]).toMatchObject({ id: 'hourly', nextFireAt: t0 + HOUR, lastFireAt: null });
    await k.clock.advance(HOUR);
    await k.clock.advance(HOUR);
    expect(cronJobs()).toEqual([`cron:hourly:${t0 + HOUR}`, `cron:hourly:${t0 + 2 * HOUR}`]);
    expect(k.q.get(`cron:hourly:${t0 + HOUR}`)).toMatchObject({ state: 'succeeded', payload: { feed: 1 } });
    await k.q.stop();
    k.reopen();
    k.q.register('sub', async () => {});
    k.q.schedule({ id: 'hourly', cron: '0 * * * *', jobName: 'sub', enqueue: { keepResultMs: 10 * HOUR } });
    expect(k.q.schedules()[0]).toMatchObject({ lastFireAt: t0 + 2 * HOUR, nextFireAt: t0 + 3 * HOUR });
    await k.q.start();
    await k.clock.advance(HOUR);
    expect(cronJobs()).toHaveLength(3);
  });

  it('skipIfRunning skips a fire while the previous run is queued or active', async () => {
    k = kit();
    k.q.register('sub', () => new Promise(() => {}));
    await k.q.start();
    k.q.schedule({ id: 's', cron: '0 * * * *', jobName: 'sub', skipIfRunning: true });
    await k.clock.advance(HOUR);
    await k.clock.advance(HOUR);
    expect(cronJobs()).toHaveLength(1);
    k.q.cancel(cronJobs()[0]!);
    await k.clock.advance(HOUR);
    expect(cronJobs()).toHaveLength(2);
  });

  it.each([
    ['skip', 0],
    ['once', 1],
  ] as const)('catch-up "%s" after missed fires uses the stored last fire time', async (catchUp, expected) => {
    k = kit();
    k.q.register('sub', async () => {});
    const t0 = k.clock.t;
    k.q.schedule({ id: 's', cron: '0 * * * *', jobName: 'sub', catchUp, staggerMs: 60_000 });
    await k.q.start();
    await k.clock.advance(HOUR);
    expect(cronJobs()).toHaveLength(1);
    await k.q.stop();
    // Closed for five hours and a half.
    k.clock.t += 5.5 * HOUR;
    k.reopen();
    k.q.register('sub', () => new Promise(() => {}));
    k.q.schedule({ id: 's', cron: '0 * * * *', jobName: 'sub', catchUp, staggerMs: 60_000 });
    await k.q.start();
    const missed = cronJobs().filter((id) => id !== `cron:s:${t0 + HOUR}`);
    expect(missed).toHaveLength(expected);
    if (expected) {
      expect(missed[0]).toBe(`cron:s:${t0 + 6 * HOUR}`);
      expect(k.q.get(missed[0]!)!.runAt).toBe(k.clock.t + staggerOffset('s', 60_000));
    }
    expect(k.q.schedules()[0]).toMatchObject({ lastFireAt: t0 + 6 * HOUR, nextFireAt: t0 + 7 * HOUR });
  });

  it('catchUp() on resume from sleep handles fires missed while asleep', async () => {
    k = kit();
    k.q.register('sub', async () => {});
    await k.q.start();
    k.q.schedule({ id: 's', cron: '0 * * * *', jobName: 'sub', catchUp: 'once' });
    // Asleep: the clock jumps without timers firing.
    k.clock.t += 3 * HOUR + 10 * 60_000;
    k.q.catchUp();
    expect(cronJobs()).toHaveLength(1);
    k.q.catchUp();
    expect(cronJobs()).toHaveLength(1);
  });

  it('staggerOnTime spreads on-time fires of schedules sharing a cron by their stable offsets', async () => {
    k = kit();
    k.q.register('sub', async () => {});
    await k.q.start();
    const ids = ['a', 'b', 'c', 'd'];
    for (const id of ids) k.q.schedule({ id, cron: '0 * * * *', jobName: 'sub', staggerMs: 300_000, staggerOnTime: true });
    k.q.schedule({ id: 'plain', cron: '0 * * * *', jobName: 'sub', staggerMs: 300_000 });
    k.q.pause();
    await k.clock.advance(HOUR);
    const fireAt = Math.floor(k.clock.t / HOUR) * HOUR;
    const jobs = k.q.list({ limit: 100 }).items.filter((j) => j.id.startsWith('cron:'));
    expect(jobs).toHaveLength(5);
    for (const id of ids) expect(jobs.find((j) => j.id.startsWith(`cron:${id}:`))!.runAt).toBe(fireAt + staggerOffset(id, 300_000));
    expect(jobs.find((j) => j.id.startsWith('cron:plain:'))!.runAt).toBe(fireAt);
    expect(new Set(jobs.map((j) => j.runAt)).size).toBeGreaterThan(1);
  });

  it('unschedule removes it; unknown ids are not-found', () => {
    k = kit();
    k.q.register('sub', async () => {});
    k.q.schedule({ id: 's', cron: '0 * * * *', jobName: 'sub' });
    k.q.unschedule('s');
    expect(k.q.schedules()).toEqual([]);
    expect(() => k.q.unschedule('s')).toThrowError(expect.objectContaining({ code: 'not-found' }));
  });
});
