import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createStore } from './store';
import { recordLaunch, recoverCrashed } from './recovery';
import { deferred, kit, type Kit } from './test-kit';
import type { QueueEvent } from './types';

let dir: string | null = null;
let k: Kit | null = null;
afterEach(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
  await k?.close();
  k = null;
});

/** A database with `n` queued jobs, and a way to play launches that die with given jobs running. */
function history(n: number) {
  dir = mkdtempSync(join(tmpdir(), 'vk-recovery-'));
  const db: Db = openDatabase(join(dir, 'r.db'));
  migrate(db);
  const store = createStore(db);
  const ins = db.prepare(`INSERT INTO jobs (id, name, queue, state, payload, run_at, max_tries, timeout_ms, keep_ms, keep_failed_ms, created_at)
    VALUES (?, 'work', 'default', 'queued', '{}', 0, 3, 60000, 60000, 60000, 0)`);
  for (let i = 0; i < n; i++) ins.run(`j${i}`);
  let t = 1_000;
  let seq = 0;
  const events: QueueEvent[] = [];
  return {
    db,
    events,
    /** A launch that claims `running`, then dies (or, with `clean`, finishes them and stops). */
    launch(running: string[], o: { clean?: boolean } = {}) {
      const id = `L${++seq}`;
      t += 1000;
      recordLaunch(db, id, t);
      recoverCrashed(db, store, id, t, events);
      const claim = db.prepare("UPDATE jobs SET state = 'active', tries = tries + 1, launch_id = ?, claim_token = 'x' WHERE id = ? AND state = 'queued'");
      for (const j of running) claim.run(id, j);
      if (o.clean) {
        db.prepare("UPDATE jobs SET state = 'queued', crash_strikes = 0, claim_token = NULL WHERE launch_id = ? AND state = 'active'").run(id);
        db.prepare('UPDATE launches SET ended_at = ? WHERE id = ?').run(t + 1, id);
      }
    },
    state: (id: string) => db.prepare<[string], { state: string; error: string | null }>('SELECT state, error FROM jobs WHERE id = ?').get(id)!,
    failed: () => db.prepare<[], { id: string }>("SELECT id FROM jobs WHERE state = 'failed'").all().map((r) => r.id),
  };
}

describe('crash-loop set-aside', () => {
  it('never sets aside jobs that were running together when VidKeep died, however often', () => {
    const h = history(8);
    // The same four long downloads are running each time the app is killed, 30 times.
    for (let i = 0; i < 30; i++) h.launch(['j0', 'j1', 'j2', 'j3']);
    h.launch([]);
    expect(h.failed()).toEqual([]);
    expect(h.state('j0').state).toBe('queued');
  });

  it('sets aside a job that was alone when VidKeep died, 5 times in a row, on an install that rarely crashes', () => {
    const h = history(3);
    for (let i = 0; i < 50; i++) h.launch(['j1'], { clean: true });
    h.launch(['j0', 'j1']);
    for (let i = 0; i < 4; i++) h.launch(['j0']);
    expect(h.failed()).toEqual([]);
    h.launch(['j0']);
    h.launch([]);
    expect(h.failed()).toEqual(['j0']);
    expect(JSON.parse(h.state('j0').error!)).toMatchObject({ code: 'crash-loop', message: expect.stringContaining('5 times in a row while this job was the only one running') });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'failed', job: expect.objectContaining({ id: 'j0' }) }));
  });

  it('with no history at all, a job alone in 20 kills in a row is not blamed; 24 are proof', () => {
    const h = history(1);
    for (let i = 0; i < 21; i++) h.launch(['j0']);
    expect(h.failed()).toEqual([]);
    for (let i = 0; i < 3; i++) h.launch(['j0']);
    h.launch([]);
    expect(h.failed()).toEqual(['j0']);
  });

  it('does not blame a job alone in crashes when VidKeep keeps dying without it too', () => {
    const h = history(2);
    for (let i = 0; i < 12; i++) {
      h.launch([]); // killed during start-up, nothing running
      h.launch(['j1']); // killed while j1 ran alone
    }
    h.launch([]);
    expect(h.failed()).toEqual([]);
  });
});

describe('suspects run alone after a shared crash', () => {
  it('runs the jobs of a crash one at a time until each has run once, then in parallel again', async () => {
    k = kit({ maxJobs: 3 });
    const gates = new Map<string, ReturnType<typeof deferred<void>>>();
    const handler = (ctx: { jobId: string }) => {
      const g = deferred<void>();
      gates.set(ctx.jobId, g);
      return g.promise;
    };
    k.q.register('a', handler);
    for (let i = 0; i < 5; i++) k.q.enqueue('a', {}, { jobId: `j${i}` });
    await k.q.start();
    await k.clock.advance(0);
    expect(k.q.metrics().counts.active).toBe(3);
    // VidKeep dies with j0..j2 running; the next launch suspects all three.
    k.reopen({ launchId: 'after-crash' });
    k.q.register('a', handler);
    gates.clear();
    await k.q.start();
    const order: string[][] = [];
    for (let step = 0; step < 3; step++) {
      await k.clock.advance(0);
      order.push([...gates.keys()]);
      expect(k.q.metrics().counts.active).toBe(1);
      const [id, g] = [...gates][0]!;
      gates.delete(id);
      g.resolve();
    }
    await k.clock.advance(0);
    expect(order).toEqual([['j0'], ['j1'], ['j2']]);
    // The suspects are cleared: the last two jobs run side by side.
    expect(k.q.metrics().counts.active).toBe(2);
    for (const g of gates.values()) g.resolve();
  });
});
