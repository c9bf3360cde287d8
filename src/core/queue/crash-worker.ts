// Child process for crash.test.ts: one launch of a VidKeep-like host on a database file, run until
// killed or done. It starts as core does (lock, migrations, orphan reaping, recovery) and runs each
// job as a real child process through runYtDlp. Prints each start-up stage so the test can kill it
// at any of them. `node --import tsx crash-worker.ts <db> <jobs> <lockDir>`
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { acquireDbLock } from '../db/lock';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { createProcessTracker, reapOrphans } from '../ytdlp/processes';
import { runYtDlp } from '../ytdlp/run';
import { createQueue } from './index';
import { recordLaunch } from './recovery';

const FAKE = join(import.meta.dirname, 'crash-worker-fake-ytdlp.mjs');
const [dbPath, jobsArg, lockDir] = process.argv.slice(2) as [string, string, string];
const total = Number(jobsArg);
const stage = (s: string) => process.stdout.write(`${s}\n`);
const launchId = randomUUID();

stage('boot');
acquireDbLock(dbPath);
stage('locked');
const db = openDatabase(dbPath);
migrate(db);
recordLaunch(db, launchId, Date.now());
reapOrphans({ db, launchId });
stage('reaped');
db.exec('CREATE TABLE IF NOT EXISTS done_log (job_id TEXT NOT NULL, launch TEXT NOT NULL, try INTEGER NOT NULL)');
const log = db.prepare('INSERT INTO done_log (job_id, launch, try) VALUES (?, ?, ?)');
const tracker = createProcessTracker(db, launchId);

const q = createQueue({ db, maxJobs: 4, launchId, log: () => {} });
q.register<{ n: number }, number>('work', async (ctx) => {
  // Most runs are short; every twentieth is longer, so an orphan of a killed launch could still be
  // running when the next launch re-runs its job. None is so long that the test's kills (at most
  // 1.5 s after start-up) always land in it: a job VidKeep keeps dying in, alone, is the likely
  // cause of the crashes, and is rightly set aside.
  const ms = ctx.payload.n % 20 === 7 ? 400 : 60 + (ctx.payload.n % 7) * 20;
  const res = await runYtDlp({ bin: process.execPath, args: [FAKE, lockDir, ctx.jobId, String(ms)], tracker, signal: ctx.signal, killGraceMs: 500 });
  if (res.exitCode !== 0) throw new Error(`fake yt-dlp ended with ${res.exitCode ?? res.signal}: ${res.stderr.slice(-500)}`);
  // Recorded in the transaction that marks the job succeeded: exactly once, or not at all.
  ctx.onCommit?.(() => void log.run(ctx.jobId, q.launchId, ctx.tryNumber));
  return ctx.payload.n;
});

// Idempotent seeding: the same ids every launch, so a restart cannot add a second copy.
q.enqueueMany(Array.from({ length: total }, (_, n) => ({ name: 'work', payload: { n }, options: { jobId: `job-${n}`, keepResultMs: 3_600_000, maxTries: 10 } })));

const finished = () => {
  const c = q.metrics().counts;
  return c.queued === 0 && c.active === 0;
};
const exit = () =>
  void q.stop().then(() => {
    db.close();
    stage('done');
    process.exit(0);
  });
q.on((e) => {
  if ((e.type === 'succeeded' || e.type === 'failed') && finished()) exit();
});
stage('recovering');
await q.start();
stage('ready');
if (finished()) exit();
