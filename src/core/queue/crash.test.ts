import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open';

const ROOT = join(import.meta.dirname, '../../..');
const WORKER = join(import.meta.dirname, 'crash-worker.ts');
const JOBS = 2000;
const KILLS = 20;

/** Runs the worker; kills it with SIGKILL `killAfterMs` after it reports ready (or lets it finish). */
function runWorker(dbPath: string, killAfterMs: number | null): Promise<{ finished: boolean; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dbPath, String(JOBS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== null && out.includes('ready') && !child.killed) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ finished: out.includes('done'), killed: true });
      if (code !== 0) return reject(new Error(`worker exited with ${code}: ${err}`));
      resolve({ finished: out.includes('done'), killed: false });
    });
  });
}

describe('crash safety', () => {
  it(`every job finishes exactly once across ${KILLS} SIGKILLs mid-job`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-crash-'));
    const dbPath = join(dir, 'crash.db');
    try {
      let kills = 0;
      let midJob = 0;
      for (let i = 0; i < KILLS; i++) {
        const r = await runWorker(dbPath, 20 + ((i * 37) % 60));
        if (r.killed) kills++;
        const db = openDatabase(dbPath);
        // Rows left active by the killed process: the kill landed mid-job.
        const active = (db.prepare("SELECT count(*) AS n FROM jobs WHERE state = 'active'").get() as { n: number }).n;
        if (active > 0) midJob++;
        db.close();
        if (r.finished) break;
      }
      expect(kills).toBeGreaterThanOrEqual(KILLS - 1);
      expect(midJob).toBeGreaterThanOrEqual(KILLS / 2);
      const last = await runWorker(dbPath, null);
      expect(last.finished).toBe(true);
      const db = openDatabase(dbPath);
      const states = db.prepare('SELECT state, count(*) AS n FROM jobs GROUP BY state').all();
      expect(states).toEqual([{ state: 'succeeded', n: JOBS }]);
      const perJob = db.prepare('SELECT count(*) AS n FROM (SELECT job_id FROM done_log GROUP BY job_id HAVING count(*) = 1)').get() as { n: number };
      const rows = db.prepare('SELECT count(*) AS n FROM done_log').get() as { n: number };
      expect(perJob.n).toBe(JOBS);
      expect(rows.n).toBe(JOBS);
      // Results agree with the log: each job's recorded result is its own payload.
      expect(db.prepare("SELECT count(*) AS n FROM jobs WHERE CAST(result AS INTEGER) != CAST(substr(id, 5) AS INTEGER)").get()).toEqual({ n: 0 });
      const launches = db.prepare('SELECT count(*) AS n FROM launches').get() as { n: number };
      expect(launches.n).toBeGreaterThan(KILLS);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
