import type { Db } from '../db/open';
import type { QueueEvent } from './types';
import type { Store } from './store';
import { cancelDependents } from './deps';

/** A job that was running in this many crashes in a row is set aside instead of run again. */
export const CRASH_LOOP_STRIKES = 3;

const CRASH_LOOP_ERROR = JSON.stringify({
  code: 'crash-loop',
  message: `VidKeep stopped unexpectedly ${CRASH_LOOP_STRIKES} times in a row while this job was running, so it was set aside.`,
  hint: 'Retry it once VidKeep is up to date; if it keeps happening, remove it.',
  values: { strikes: CRASH_LOOP_STRIKES },
});

/**
 * Jobs an earlier launch left active go back to the queue at once without spending a try.
 * One statement each, so thousands of jobs take milliseconds.
 */
export function recoverCrashed(db: Db, store: Store, launchId: string, now: number, events: QueueEvent[]): { requeued: number; crashLooped: number } {
  return db.transaction(() => {
    const rows = db.prepare<unknown[], { id: string; state: string }>(`UPDATE jobs SET crash_strikes = crash_strikes + 1, claim_token = NULL, tries = max(0, tries - 1),
        state = CASE WHEN crash_strikes + 1 >= @limit THEN 'failed' ELSE 'queued' END,
        finished_at = CASE WHEN crash_strikes + 1 >= @limit THEN @now END,
        expires_at = CASE WHEN crash_strikes + 1 >= @limit THEN @now + keep_failed_ms END,
        error = CASE WHEN crash_strikes + 1 >= @limit THEN @error ELSE error END
      WHERE state = 'active' AND launch_id IS NOT @launch RETURNING id, state`).all({ limit: CRASH_LOOP_STRIKES, now, error: CRASH_LOOP_ERROR, launch: launchId });
    let crashLooped = 0;
    for (const r of rows) {
      if (r.state !== 'failed') continue;
      crashLooped++;
      cancelDependents(store, r.id, 'failed', now, events);
    }
    db.prepare('UPDATE launches SET ended_at = ? WHERE id != ? AND ended_at IS NULL').run(now, launchId);
    db.prepare('INSERT OR REPLACE INTO launches (id, pid, started_at, ended_at) VALUES (?, ?, ?, NULL)').run(launchId, process.pid, now);
    return { requeued: rows.length - crashLooped, crashLooped };
  })();
}
