// Another program holding the database's write lock (a backup tool, a sync client): the queue
// neither loses nor misrecords work, never blocks the event loop for long, and never throws.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { deferred, kit, type Kit } from './test-kit';

let k: Kit;
afterEach(async () => {
  await k?.close();
});

/** A second real connection to the same file holding the write lock until released. */
function holdLock(path: string) {
  const c = new Database(path);
  c.exec('BEGIN IMMEDIATE');
  return () => {
    c.exec('COMMIT');
    c.close();
  };
}

/** Another process holding an EXCLUSIVE transaction on the file for `ms`. */
function lockFromProcess(path: string, ms: number): Promise<{ released: Promise<void> }> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const code = `const D = require(${JSON.stringify(sqlite)}); const db = new D(${JSON.stringify(path)}); db.exec('BEGIN EXCLUSIVE');
    process.stdout.write('locked\\n'); setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((r) => child.on('exit', () => r()));
  return new Promise((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve({ released })));
}

describe('a database locked by another program', () => {
  it('records a success once the lock is gone, even on the last try, without running the work again or blocking the event loop', async () => {
    k = kit();
    let runs = 0;
    let commits = 0;
    const gate = deferred();
    k.q.register('a', async (ctx) => {
      runs++;
      await gate.promise;
      ctx.onCommit?.(() => void commits++);
      return 'ok';
    });
    k.q.enqueue('a', {}, { jobId: 'j', maxTries: 1 });
    await k.q.start();
    await k.clock.advance(0);
    const release = holdLock(k.dbPath);
    gate.resolve();
    const t0 = performance.now();
    await k.clock.advance(10_000);
    // Every attempt waited only briefly (a 2 s busy wait per attempt used to freeze the app).
    expect(performance.now() - t0).toBeLessThan(1_500);
    expect(k.q.get('j')).toMatchObject({ state: 'active', error: null });
    release();
    await k.clock.advance(2_000);
    expect(k.q.get('j')).toMatchObject({ state: 'succeeded', result: 'ok', tries: 1, error: null });
    expect(runs).toBe(1);
    expect(commits).toBe(1);
  });

  it('a claim that finds the file locked takes nothing; the job runs once the lock is gone', async () => {
    k = kit();
    let runs = 0;
    k.q.register('a', async () => void runs++);
    await k.q.start();
    k.q.enqueue('a', {}, { jobId: 'later', deferByMs: 1_000 });
    const release = holdLock(k.dbPath);
    await k.clock.advance(5_000);
    expect(runs).toBe(0);
    expect(k.q.get('later')?.state).toBe('queued');
    expect(k.q.metrics().counts.active).toBe(0);
    release();
    await k.clock.advance(2_000);
    expect(runs).toBe(1);
    expect(k.q.get('later')).toMatchObject({ state: 'succeeded', tries: 1 });
  });

  it('progress reported during the lock is kept in memory and written once the lock is gone', async () => {
    k = kit();
    const gate = deferred();
    let report!: (n: number) => void;
    k.q.register('a', async (ctx) => {
      report = (n) => ctx.progress({ stage: 'downloading', percent: n, downloadedBytes: null, totalBytes: null, speed: null, eta: null });
      await gate.promise;
    });
    k.q.enqueue('a', {}, { jobId: 'p' });
    await k.q.start();
    await k.clock.advance(0);
    report(1);
    const release = holdLock(k.dbPath);
    await k.clock.advance(2_500);
    report(50);
    await k.clock.advance(5_000);
    expect(k.q.get('p')?.progress?.percent).toBe(1);
    release();
    await k.clock.advance(2_500);
    expect(k.q.get('p')?.progress?.percent).toBe(50);
    gate.resolve();
  });

  it('a cron fire during the lock neither throws out of the timer nor is lost or doubled', async () => {
    k = kit();
    let runs = 0;
    k.q.register('sub', async () => void runs++);
    await k.q.start();
    k.q.schedule({ id: 'm', cron: '* * * * *', jobName: 'sub' });
    const release = holdLock(k.dbPath);
    await k.clock.advance(61_000);
    expect(runs).toBe(0);
    release();
    await k.clock.advance(3_000);
    expect(runs).toBe(1);
    expect(k.q.list({ limit: 10 }).items.filter((j) => j.id.startsWith('cron:m:'))).toHaveLength(1);
  });

  it('with a real second process holding EXCLUSIVE for 1.5 s: the success is recorded and the event loop keeps turning', async () => {
    k = kit();
    const q = k.make({ now: Date.now, monotonic: () => performance.now(), setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as NodeJS.Timeout) });
    k.q = q;
    const gate = deferred();
    let runs = 0;
    q.register('a', async () => {
      runs++;
      await gate.promise;
      return 42;
    });
    q.enqueue('a', {}, { jobId: 'p', maxTries: 1 });
    await q.start();
    await new Promise((r) => setTimeout(r, 20));
    const { released } = await lockFromProcess(k.dbPath, 1_500);
    let last = performance.now();
    let worstGap = 0;
    const tick = setInterval(() => {
      const t = performance.now();
      worstGap = Math.max(worstGap, t - last);
      last = t;
    }, 10);
    gate.resolve();
    await released;
    const end = Date.now() + 4_000;
    while (q.get('p')?.state !== 'succeeded' && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    clearInterval(tick);
    expect(q.get('p')).toMatchObject({ state: 'succeeded', result: 42, error: null });
    expect(runs).toBe(1);
    expect(worstGap).toBeLessThan(500);
  }, 15_000);
});
