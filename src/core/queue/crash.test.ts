import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { prng } from '../../../test/fixtures/prng';
import { launchWorker } from '../../../test/fixtures/kill-worker';

const ROOT = join(import.meta.dirname, '../../..');
const WORKER = join(import.meta.dirname, 'crash-worker.ts');
const JOBS = 200;
const KILLS = 30;
const SEEDS = [1, 2, 3];
/** Tags every process of one test run (inherited by the worker's children and theirs). */
const TAG = 'VK_CRASH_TEST';

type Stage = 'boot' | 'locked' | 'reaped' | 'recovering' | 'ready';
interface KillPoint {
  stage: Stage;
  afterMs: number;
}

/** Where to kill: during start-up (before the lock, between lock and reaping, during recovery) or while running. */
function killPoint(rand: () => number): KillPoint {
  const r = rand();
  if (r < 0.1) return { stage: 'boot', afterMs: Math.floor(rand() * 400) };
  if (r < 0.2) return { stage: 'locked', afterMs: Math.floor(rand() * 20) };
  if (r < 0.3) return { stage: 'reaped', afterMs: Math.floor(rand() * 20) };
  if (r < 0.4) return { stage: 'recovering', afterMs: Math.floor(rand() * 5) };
  return { stage: 'ready', afterMs: Math.floor(rand() * 1500) };
}

/** Runs one launch; kills it with SIGKILL at `kill` (or lets it finish). */
async function runWorker(dbPath: string, lockDir: string, tag: string, kill: KillPoint | null): Promise<{ finished: boolean; killed: boolean }> {
  const r = await launchWorker(WORKER, [dbPath, String(JOBS), lockDir], kill, { cwd: ROOT, env: { ...process.env, [TAG]: tag } });
  return { finished: r.out.includes('done'), killed: r.killed };
}

/** Live (not zombie) processes carrying this run's tag. */
function tagged(tag: string): number[] {
  const pids: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!readFileSync(`/proc/${d}/environ`, 'latin1').includes(`${TAG}=${tag}\0`)) continue;
      if (/^\d+ \(.*\) [ZX]/s.test(readFileSync(`/proc/${d}/stat`, 'utf8'))) continue;
      pids.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe('crash safety', () => {
  it.each(SEEDS)(`seed %i: ${KILLS} SIGKILLs at random points (start-up, recovery, mid-job) over ${JOBS} jobs run as real child processes`, { timeout: 300_000 }, async (seed) => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-crash-'));
    const dbPath = join(dir, 'crash.db');
    const lockDir = join(dir, 'locks');
    mkdirSync(lockDir);
    const tag = `${seed}-${dir}`;
    const rand = prng(seed);
    try {
      let kills = 0;
      let midJob = 0;
      for (let i = 0; i < KILLS; i++) {
        const r = await runWorker(dbPath, lockDir, tag, killPoint(rand));
        if (r.killed) kills++;
        if (r.finished) break;
        if (!existsSync(dbPath)) continue;
        const db = openDatabase(dbPath);
        // Rows left active by the killed process: the kill landed mid-job.
        const active = (db.prepare("SELECT count(*) AS n FROM jobs WHERE state = 'active'").get() as { n: number } | undefined)?.n ?? 0;
        if (active > 0) midJob++;
        db.close();
      }
      expect(kills).toBe(KILLS);
      expect(midJob).toBeGreaterThanOrEqual(5);
      const last = await runWorker(dbPath, lockDir, tag, null);
      expect(last.finished).toBe(true);

      // Zero overlaps: no run of a job ever found another live run of it holding its lock.
      const overlaps = existsSync(join(lockDir, 'overlaps.log')) ? readFileSync(join(lockDir, 'overlaps.log'), 'utf8') : '';
      expect(overlaps).toBe('');
      const db = openDatabase(dbPath);
      // Every job succeeded (none set aside as crash-loop), its effect recorded exactly once.
      expect(db.prepare("SELECT id, error, crash_strikes FROM jobs WHERE state != 'succeeded'").all()).toEqual([]);
      expect(db.prepare('SELECT state, count(*) AS n FROM jobs GROUP BY state').all()).toEqual([{ state: 'succeeded', n: JOBS }]);
      expect(db.prepare("SELECT count(*) AS n FROM jobs WHERE error LIKE '%crash-loop%'").get()).toEqual({ n: 0 });
      const once = db.prepare('SELECT count(*) AS n FROM (SELECT job_id FROM done_log GROUP BY job_id HAVING count(*) = 1)').get() as { n: number };
      expect(once.n).toBe(JOBS);
      expect(db.prepare('SELECT count(*) AS n FROM done_log').get()).toEqual({ n: JOBS });
      expect(db.prepare("SELECT count(*) AS n FROM jobs WHERE CAST(result AS INTEGER) != CAST(substr(id, 5) AS INTEGER)").get()).toEqual({ n: 0 });
      // Every run of the stand-in that got to the end did so for a known job.
      const runs = new Set(readFileSync(join(lockDir, 'runs.log'), 'utf8').trim().split('\n'));
      expect(runs.size).toBe(JOBS);
      expect(db.prepare('SELECT count(*) AS n FROM child_processes').get()).toEqual({ n: 0 });
      db.close();
      // No child (fake yt-dlp or its grandchild) of any launch is left running.
      expect(tagged(tag)).toEqual([]);
    } finally {
      for (const pid of tagged(tag)) process.kill(pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
