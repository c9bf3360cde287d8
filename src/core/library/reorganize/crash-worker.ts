// Child process for crash.test.ts: one launch that reorganizes a library with the real queue, run
// until killed or done. `node --import tsx crash-worker.ts <db> <library> channel|flat`
// Prints "recovering", "ready", then "done <state>". Links of about half the files fail with EXDEV,
// so moves across drives (copy, flush, check, link) are killed as often as same-drive ones.
import { openDatabase } from '../../db/open';
import { migrate } from '../../db/migrate';
import { createQueue } from '../../queue/index';
import { realFs, type FsOps } from './fs-ops';
import { createReorganizeService, REORGANIZE_JOB_ID } from './service';

const [dbPath, lib, preset] = process.argv.slice(2) as [string, string, 'channel' | 'flat'];
const stage = (s: string) => process.stdout.write(`${s}\n`);
const otherDrive = (path: string) => !path.includes('.vk-move-') && path.length % 2 === 1;
const fs: FsOps = { ...realFs, link: (a, b) => (otherDrive(a) ? Promise.reject(Object.assign(new Error('EXDEV'), { code: 'EXDEV' })) : realFs.link(a, b)) };

const db = openDatabase(dbPath);
migrate(db);
const queue = createQueue({ db, maxJobs: 1, log: () => {} });
const service = createReorganizeService({ db, queue, fs, libraryDir: () => lib, layout: () => ({ preset, template: '' }), onChange: () => {}, onStatus: () => {} });
stage('recovering');
await service.recover();
queue.on((e) => {
  if (e.type === 'progress' || e.type === 'removed' || e.job.id !== REORGANIZE_JOB_ID) return;
  if (e.job.state === 'succeeded' || e.job.state === 'failed' || e.job.state === 'cancelled') {
    void queue.stop().then(() => {
      db.close();
      stage(`done ${e.job.state} ${JSON.stringify(e.job.state === 'failed' ? e.job.error : null)}`);
      process.exit(0);
    });
  }
});
// A job a killed launch left active is picked up again by start(); otherwise a new run.
service.start();
await queue.start();
stage('ready');
