import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kit, type Kit } from './test-kit';
import { runYtDlp } from '../ytdlp/run';
import type { JobContext } from './types';

let k: Kit;
afterEach(async () => {
  await k?.close();
});

/** A handler like a download whose yt-dlp takes `dieMs` to exit after SIGTERM; counts overlapping runs. */
function slowToDie(dieMs: number) {
  const live = new Map<string, number>();
  const log = { starts: 0, overlaps: 0 };
  const handler = (ctx: JobContext) =>
    new Promise<string>((resolve) => {
      log.starts++;
      const n = (live.get(ctx.jobId) ?? 0) + 1;
      live.set(ctx.jobId, n);
      if (n > 1) log.overlaps++;
      const end = () => {
        live.set(ctx.jobId, (live.get(ctx.jobId) ?? 1) - 1);
        resolve('done');
      };
      ctx.signal.addEventListener('abort', () => void k.clock.setTimer(end, dieMs), { once: true });
    });
  return { handler, log, live };
}

describe('never two runs of one job', () => {
  it('Retry right after Cancel starts the job again only once the first run has wound down, shown as stopping meanwhile', async () => {
    k = kit({ maxJobs: 2 });
    const s = slowToDie(1_500);
    k.q.register('dl', s.handler);
    k.q.enqueue('dl', {}, { jobId: 'a' });
    await k.q.start();
    await k.clock.advance(0);
    expect(s.log.starts).toBe(1);
    expect(k.q.cancel('a').stopping).toBe(true);
    expect(k.q.retry('a')).toMatchObject({ state: 'queued', stopping: true });
    expect(k.q.list({ limit: 10 }).items[0]).toMatchObject({ id: 'a', stopping: true });
    await k.clock.advance(1_499);
    expect(s.log.starts).toBe(1);
    await k.clock.advance(1);
    expect(s.log.starts).toBe(2);
    expect(s.log.overlaps).toBe(0);
    expect(k.q.get('a')).toMatchObject({ state: 'active' });
    expect(k.q.get('a')?.stopping).toBeUndefined();
    // The last event about it before it ran again said it was stopping; then it started afresh.
    const about = k.events.filter((e) => 'job' in e && e.job.id === 'a').map((e) => ('job' in e ? [e.type, e.job.stopping ?? false] : []));
    expect(about).toContainEqual(['cancelled', true]);
    expect(about[about.length - 1]).toEqual(['started', false]);
  });

  it('the automatic retry after a timeout waits for the timed-out run, and the slot stays taken meanwhile', async () => {
    k = kit({ maxJobs: 1 });
    const s = slowToDie(1_500);
    k.q.register('dl', s.handler);
    k.q.register('other', async () => 'ok');
    k.q.enqueue('dl', {}, { jobId: 'a', timeoutMs: 1_000, maxTries: 3, backoff: { type: 'fixed', delayMs: 0 } });
    await k.q.start();
    await k.clock.advance(0);
    k.q.enqueue('other', {}, { jobId: 'o' });
    await k.clock.advance(1_000);
    expect(k.q.get('a')).toMatchObject({ state: 'queued', tries: 1, error: { code: 'timeout' }, stopping: true });
    // yt-dlp is still exiting: the one slot is not given to anyone yet.
    expect(k.q.get('o')?.state).toBe('queued');
    await k.clock.advance(1_499);
    expect(s.log.starts).toBe(1);
    expect(k.q.get('o')?.state).toBe('queued');
    await k.clock.advance(1);
    // Then the other job (queued first) and the retry of the timed-out one, one after the other.
    expect(k.q.get('o')?.state).toBe('succeeded');
    expect(s.log.starts).toBe(2);
    expect(s.log.overlaps).toBe(0);
    expect(k.q.get('a')).toMatchObject({ state: 'active', tries: 2 });
  });

  it('with a real child that takes 1.5 s to exit after SIGTERM, Retry never runs two of them at once', async () => {
    k = kit({ maxJobs: 2 });
    // A stand-in for yt-dlp: holds a per-job lock file while alive, notes any second holder.
    const bin = join(k.dir, 'fake-ytdlp.mjs');
    writeFileSync(
      bin,
      `#!${process.execPath}
import { existsSync, writeFileSync, rmSync, appendFileSync } from 'node:fs';
const lock = process.argv[2];
if (existsSync(lock)) appendFileSync(lock + '.overlap', 'x');
writeFileSync(lock, String(process.pid));
process.on('SIGTERM', () => setTimeout(() => { rmSync(lock, { force: true }); process.exit(143); }, 1500));
setInterval(() => {}, 1000);
console.log('[download]   1.0% of 10.00MiB at 1.00MiB/s ETA 00:09');
`,
    );
    chmodSync(bin, 0o755);
    const lock = join(k.dir, 'job-a.lock');
    let runs = 0;
    k.q.register('dl', async (ctx) => {
      runs++;
      const res = await runYtDlp({ bin, args: [lock], signal: ctx.signal, killGraceMs: 5_000 });
      return res.reason;
    });
    // Real timers for the child; the queue's own clock is not needed here.
    k.q.enqueue('dl', {}, { jobId: 'a' });
    await k.q.start();
    await k.clock.advance(0);
    await until(() => existsSync(lock));
    k.q.cancel('a');
    k.q.retry('a');
    await k.clock.advance(0);
    expect(runs).toBe(1);
    await until(() => runs === 2, 5_000);
    await until(() => existsSync(lock));
    expect(existsSync(`${lock}.overlap`)).toBe(false);
    expect(readFileSync(lock, 'utf8')).toMatch(/^\d+$/);
    k.q.cancel('a');
    await until(() => k.q.get('a')?.stopping === undefined, 5_000);
  }, 20_000);
});

async function until(ok: () => boolean, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
