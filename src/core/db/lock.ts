import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { VidKeepError } from '../../shared/errors';

export interface DbLock {
  readonly path: string;
  release(): void;
}

interface Holder {
  pid: number;
  launch: string;
  startedAt: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the pid exists but belongs to someone else, so it is alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' ? { pid: h.pid, launch: String(h.launch ?? ''), startedAt: Number(h.startedAt ?? 0) } : null;
  } catch {
    return null;
  }
}

/**
 * One process owns a database. The lock is a file created exclusively next to it holding the
 * owner's pid; a lock left by a process that no longer runs (killed, crashed) is taken over.
 */
export function acquireDbLock(dbPath: string, launch: string = randomUUID()): DbLock {
  const path = `${dbPath}.lock`;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written in full under a private name, then linked into place: the link fails if a lock exists,
    // and a reader never sees a half-written lock.
    const me: Holder = { pid: process.pid, launch, startedAt: Date.now() };
    const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}`;
    writeFileSync(tmp, JSON.stringify(me), { flag: 'wx' });
    try {
      linkSync(tmp, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new VidKeepError('internal', `VidKeep could not lock its database (${dbPath}).`, (err as Error).message);
      }
      const holder = readHolder(path);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        throw new VidKeepError('db-locked', `Another VidKeep (process ${holder.pid}) is already using this library's database (${dbPath}).`, 'Switch to that window, or quit it and try again.', { path: dbPath });
      }
      if (holder && holder.pid === process.pid) {
        throw new VidKeepError('db-locked', `This VidKeep already has the database open (${dbPath}).`, 'Close it before opening it again.', { path: dbPath });
      }
      // The owner is gone (killed, crashed): take the lock over.
      try {
        unlinkSync(path);
      } catch {
        // someone else removed it first; try again
      }
      continue;
    } finally {
      unlinkSync(tmp);
    }
    let released = false;
    return {
      path,
      release() {
        if (released) return;
        released = true;
        const h = readHolder(path);
        if (h && h.pid === me.pid && h.launch === me.launch) {
          try {
            unlinkSync(path);
          } catch {
            // already gone
          }
        }
      },
    };
  }
  throw new VidKeepError('db-locked', `VidKeep could not take the lock on its database (${dbPath}); another program keeps changing it.`, 'Close other VidKeep windows and try again.', { path: dbPath });
}
