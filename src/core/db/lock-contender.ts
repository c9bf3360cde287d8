// Child process for lock.test.ts: one launch contending for a database's lock.
// `node --import tsx lock-contender.ts <db> [waitMs]`; stdin lines: `go <round>` tries to take the lock and
// answers `own <round>` or `refused <round> <message>` on stdout.
import { createInterface } from 'node:readline';
import { acquireDbLock, type DbLock } from './lock';

const dbPath = process.argv[2]!;
const waitMs = process.argv[3] ? Number(process.argv[3]) : undefined;
let lock: DbLock | null = null;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, round] = line.split(' ');
  if (cmd === 'go') {
    try {
      lock = acquireDbLock(dbPath, waitMs !== undefined ? { waitMs } : {});
      process.stdout.write(`own ${round}\n`);
    } catch (err) {
      process.stdout.write(`refused ${round} ${(err as Error).message}\n`);
    }
  } else if (cmd === 'release') {
    lock?.release();
    lock = null;
    process.stdout.write('released\n');
  }
}
