import Database from 'better-sqlite3';
import { readFileSync, realpathSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { VidKeepError } from '../../shared/errors';

export interface DbLock {
  readonly path: string;
  release(): void;
}

export interface LockOptions {
  /** A better-sqlite3 build for another ABI (the Electron host passes its own). */
  nativeBinding?: string;
  /** How long to wait for a lock another process is taking or dropping right now (default 1 s). */
  waitMs?: number;
}

/** Lock files this process holds, by real path: a second handle would drop the lock (see below). */
const held = new Map<string, DbLock>();

function realLockPath(path: string): string {
  try {
    return join(realpathSync(dirname(path)), basename(path));
  } catch {
    return path;
  }
}

function readPid(pidPath: string): number | null {
  try {
    const n = Number(readFileSync(pidPath, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** Early development builds kept a JSON pid file at the same path; it is not a SQLite file. */
function isLegacyPidFile(path: string): boolean {
  try {
    return readFileSync(path, 'utf8').trimStart().startsWith('{');
  } catch {
    return false;
  }
}

/**
 * One process owns a database. The owner holds an exclusive SQLite transaction on `<db>.lock` for
 * its whole life; the operating system drops that lock the moment the process dies (POSIX fcntl
 * locks on Linux and macOS, LockFileEx on Windows), so a restart right after a crash or kill -9
 * finds it free, and no zombie or reused pid can fool it. The lock file is never written, so it
 * stays empty. `<db>.lock.pid` names the owner, only for the message a second instance shows.
 *
 * fcntl locks belong to the process, not to a file handle: closing any other handle this process
 * has on the lock file would silently drop the lock. So the lock file is opened once per process
 * (guarded by `held`) and never read with fs while held.
 */
export function acquireDbLock(dbPath: string, o: LockOptions = {}): DbLock {
  const path = realLockPath(`${dbPath}.lock`);
  const pidPath = `${path}.pid`;
  if (held.has(path)) {
    throw new VidKeepError('db-locked', `This VidKeep already has the database open (${dbPath}).`, 'Close it before opening it again.', { path: dbPath });
  }
  // Before we hold the lock, reading the file is harmless; a legacy pid file is emptied in place
  // (never unlinked: unlinking could remove a lock file another launch has just locked).
  if (isLegacyPidFile(path)) {
    try {
      truncateSync(path, 0);
    } catch {
      // another launch emptied it first
    }
  }
  let conn: Database.Database;
  try {
    conn = new Database(path, o.nativeBinding ? { nativeBinding: o.nativeBinding } : {});
  } catch (err) {
    throw new VidKeepError('internal', `VidKeep could not lock its database (${dbPath}).`, (err as Error).message);
  }
  try {
    // A short wait, not zero: launches starting together each pass through a shared lock on the way
    // to the exclusive one, and with no wait at all every one of them could fail (no owner).
    conn.pragma(`busy_timeout = ${Math.max(0, Math.floor(o.waitMs ?? 1000))}`);
    conn.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    conn.close();
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      const pid = readPid(pidPath);
      const who = pid !== null && pid !== process.pid ? `Another VidKeep (process ${pid})` : 'Another VidKeep';
      throw new VidKeepError('db-locked', `${who} is already using this library's database (${dbPath}).`, 'Switch to that window, or quit it and try again.', { path: dbPath });
    }
    throw new VidKeepError('internal', `VidKeep could not lock its database (${dbPath}).`, (err as Error).message);
  }
  try {
    writeFileSync(pidPath, `${process.pid}\n`);
  } catch {
    // only the wording of another launch's message depends on it
  }
  let released = false;
  const lock: DbLock = {
    path,
    release() {
      if (released) return;
      released = true;
      // While the lock is still ours, so we never delete the next owner's pid file.
      try {
        unlinkSync(pidPath);
      } catch {
        // already gone
      }
      held.delete(path);
      conn.close();
    },
  };
  held.set(path, lock);
  return lock;
}
