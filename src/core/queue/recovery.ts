import type { Db } from '../db/open';
import type { QueueEvent } from './types';
import type { Store } from './store';
import { cancelDependents } from './deps';
import { toView, type JobRow } from './view';

/** The fewest crashes in a row, each with the job running alone, that can set a job aside. */
export const CRASH_LOOP_STRIKES = 3;
/** Recent launches consulted for how often VidKeep dies for reasons that are not this job. */
const WINDOW = 50;
/**
 * Set a job aside only when its crashes would be this unlikely if it were innocent. Small, because
 * a kill from outside (the user, the system) looks the same as a crash the job caused: a download
 * killed 20 times in a row on a fresh install must still finish.
 */
const ALPHA = 1e-7;
/** Crash evidence kept, in launches. */
const KEEP_LAUNCHES = 500;

const crashLoopError = (times: number) =>
  JSON.stringify({
    code: 'crash-loop',
    message: `VidKeep stopped unexpectedly ${times} times in a row while this job was the only one running, so it was set aside.`,
    hint: 'Retry it once VidKeep is up to date; if it keeps happening, remove it.',
    values: { strikes: times },
  });

/**
 * This launch's row, committed on its own before recovery: a launch killed during start-up or
 * recovery is still on record, as a crash no job can be blamed for.
 */
export function recordLaunch(db: Db, launchId: string, now: number): void {
  db.prepare('INSERT OR IGNORE INTO launches (id, pid, started_at, ended_at) VALUES (?, ?, ?, NULL)').run(launchId, process.pid, now);
}

/**
 * How likely an innocent job is to be running when VidKeep dies: the share of recent launches that
 * crashed without this job running (Laplace's rule: one crash and one clean launch assumed). After
 * 50 clean launches 5 solo crashes in a row set a job aside; with no history at all it takes 24;
 * where VidKeep keeps dying anyway (killed by the user or the system) no run of crashes is proof.
 */
function backgroundCrashRate(db: Db, jobId: string, launchId: string): number {
  const r = db
    .prepare<{ job: string; launch: string; window: number }, { n: number; c: number }>(
      `SELECT count(*) AS n, coalesce(sum(EXISTS (SELECT 1 FROM crashes c WHERE c.launch_id = l.id)), 0) AS c
       FROM (SELECT id FROM launches WHERE id != @launch ORDER BY started_at DESC LIMIT @window) l
       WHERE NOT EXISTS (SELECT 1 FROM crashes c WHERE c.launch_id = l.id AND c.job_id = @job)`,
    )
    .get({ job: jobId, launch: launchId, window: WINDOW })!;
  return (r.c + 1) / (r.n + 2);
}

/**
 * Jobs an earlier launch left active go back to the queue at once without spending a try. Holding
 * the database lock proves every earlier launch is dead, so all of their active jobs are orphaned.
 *
 * A crash counts against a job only when the job is the likely cause: it was the only job running
 * when VidKeep died, at least CRASH_LOOP_STRIKES times in a row, and that many crashes would be
 * unlikely (< ALPHA, 1 in 10 million) given how often VidKeep has died lately without it. Jobs that were running
 * together when VidKeep died are only suspects: they run one at a time afterwards (see
 * `hasSuspects`), so a job that really kills VidKeep is soon caught alone, and no job is ever set
 * aside for a crash it shared with others.
 */
export function recoverCrashed(db: Db, store: Store, launchId: string, now: number, events: QueueEvent[]): { requeued: number; crashLooped: number } {
  return db.transaction(() => {
    const dead = db.prepare<[string], { id: string }>('SELECT id FROM launches WHERE id != ? AND ended_at IS NULL').all(launchId);
    const active = db.prepare<[string], { id: string; launch_id: string | null }>(`SELECT id, launch_id FROM jobs WHERE state = 'active' AND launch_id IS NOT ?`).all(launchId);
    const byLaunch = new Map<string, string[]>(dead.map((l) => [l.id, []]));
    for (const j of active) byLaunch.set(j.launch_id ?? '', [...(byLaunch.get(j.launch_id ?? '') ?? []), j.id]);
    const note = db.prepare('INSERT INTO crashes (launch_id, job_id, active, noticed_at) VALUES (?, ?, ?, ?)');
    const alone = new Set<string>();
    for (const [launch, jobs] of byLaunch) {
      if (jobs.length === 0) note.run(launch, null, 0, now);
      for (const id of jobs) note.run(launch, id, jobs.length, now);
      if (jobs.length === 1) alone.add(jobs[0]!);
    }

    db.prepare(`UPDATE jobs SET crash_strikes = crash_strikes + 1, claim_token = NULL, tries = max(0, tries - 1), state = 'queued'
      WHERE state = 'active' AND launch_id IS NOT ?`).run(launchId);

    // Crashes in a row (strikes reset on any normal finish) in which the job ran alone.
    const soloRun = db.prepare<[string, number], { n: number }>(
      'SELECT count(*) AS n FROM (SELECT active FROM crashes WHERE job_id = ? ORDER BY rowid DESC LIMIT ?) WHERE active = 1',
    );
    const strikes = db.prepare<[string], { crash_strikes: number }>('SELECT crash_strikes FROM jobs WHERE id = ?');
    const setAside = db.prepare<{ id: string; now: number; error: string }, JobRow>(`UPDATE jobs SET state = 'failed', finished_at = @now,
      expires_at = @now + keep_failed_ms, error = @error WHERE id = @id AND state = 'queued' RETURNING *`);
    let crashLooped = 0;
    for (const id of alone) {
      const k = strikes.get(id)?.crash_strikes ?? 0;
      const solo = soloRun.get(id, k)!.n;
      if (solo < CRASH_LOOP_STRIKES || backgroundCrashRate(db, id, launchId) ** solo >= ALPHA) continue;
      const row = setAside.get({ id, now, error: crashLoopError(solo) });
      if (!row) continue;
      crashLooped++;
      events.push({ type: 'failed', job: toView(row) });
      cancelDependents(store, id, 'failed', now, events);
    }
    db.prepare('UPDATE launches SET ended_at = ? WHERE id != ? AND ended_at IS NULL').run(now, launchId);
    db.prepare('INSERT OR REPLACE INTO launches (id, pid, started_at, ended_at) VALUES (?, ?, coalesce((SELECT started_at FROM launches WHERE id = ?), ?), NULL)').run(launchId, process.pid, launchId, now);
    db.prepare(`DELETE FROM crashes WHERE launch_id NOT IN (SELECT id FROM launches ORDER BY started_at DESC LIMIT ${KEEP_LAUNCHES})`).run();
    return { requeued: active.length - crashLooped, crashLooped };
  })();
}

/**
 * Whether jobs under suspicion after a crash are still waiting for their run alone. Suspects only
 * arise in recovery, so once none is left the answer stays no (and costs nothing) until the next
 * launch.
 */
export function suspectsPending(db: Db): () => boolean {
  const q = db.prepare<[], { n: number }>(`SELECT 1 AS n FROM jobs INDEXED BY jobs_suspect WHERE crash_strikes > 0 AND state IN ('queued', 'active') LIMIT 1`);
  let pending = true;
  return () => (pending &&= q.get() !== undefined);
}
