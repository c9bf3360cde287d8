// Child process for crash.test.ts: runs the queue on a database file until killed or done.
// `node --import tsx crash-worker.ts <db> <jobs>`
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { createQueue } from './index';

const [dbPath, jobsArg] = process.argv.slice(2);
const total = Number(jobsArg);
const db = openDatabase(dbPath!);
migrate(db);
db.exec('CREATE TABLE IF NOT EXISTS done_log (job_id TEXT NOT NULL, launch TEXT NOT NULL, try INTEGER NOT NULL)');
const log = db.prepare('INSERT INTO done_log (job_id, launch, try) VALUES (?, ?, ?)');

const q = createQueue({ db, maxJobs: 4, log: () => {} });
q.register<{ n: number }, number>('work', async (ctx) => {
  await new Promise((r) => setTimeout(r, 3 + (ctx.payload.n % 5)));
  // Recorded in the transaction that marks the job succeeded: exactly once, or not at all.
  ctx.onCommit?.(() => void log.run(ctx.jobId, q.launchId, ctx.tryNumber));
  return ctx.payload.n;
});

// Idempotent seeding: the same ids every launch, so a restart cannot add a second copy.
q.enqueueMany(Array.from({ length: total }, (_, n) => ({ name: 'work', payload: { n }, options: { jobId: `job-${n}`, keepResultMs: 3_600_000 } })));

const finished = () => {
  const c = q.metrics().counts;
  return c.queued === 0 && c.active === 0;
};
q.on((e) => {
  if ((e.type === 'succeeded' || e.type === 'failed') && finished()) {
    void q.stop().then(() => {
      db.close();
      process.stdout.write('done\n');
      process.exit(0);
    });
  }
});
await q.start();
process.stdout.write('ready\n');
if (finished()) {
  await q.stop();
  process.stdout.write('done\n');
  process.exit(0);
}
