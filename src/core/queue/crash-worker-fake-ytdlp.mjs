// A yt-dlp stand-in for crash.test.ts: `node crash-worker-fake-ytdlp.mjs <lockDir> <jobId> <ms>`.
// Holds an exclusive lock on <lockDir>/<jobId>.lock while it "downloads" (the operating system
// drops it if this process dies), and logs to overlaps.log when another live run of the same job
// holds it. Starts a grandchild, as yt-dlp starts ffmpeg.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const Database = createRequire(import.meta.url)('better-sqlite3');
const [lockDir, jobId, ms] = process.argv.slice(2);
const lock = new Database(join(lockDir, `${jobId}.lock`));
lock.pragma('busy_timeout = 0');
try {
  lock.exec('BEGIN EXCLUSIVE');
} catch {
  appendFileSync(join(lockDir, 'overlaps.log'), `${jobId} ${process.pid}\n`);
  process.exit(3);
}
const helper = spawn('sleep', ['30'], { stdio: 'ignore' });
process.stdout.write(`VK:FILE"${jobId}"\n`);
setTimeout(() => {
  helper.kill('SIGKILL');
  appendFileSync(join(lockDir, 'runs.log'), `${jobId}\n`);
  process.exit(0);
}, Number(ms));
