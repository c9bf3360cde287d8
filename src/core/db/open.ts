import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { VidKeepError } from '../../shared/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** A better-sqlite3 build for another ABI (the Electron host passes its own). */
  nativeBinding?: string;
  /** 'FULL' by default: a job the user was told is queued survives power loss. */
  synchronous?: 'FULL' | 'NORMAL';
  readonly?: boolean;
}

/** Opens the one connection core owns, with the pragmas the queue's durability depends on. */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(path, {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(options.readonly ? { readonly: true } : {}),
    });
  } catch (err) {
    throw classifyOpenError(err, path);
  }
  try {
    db.pragma('busy_timeout = 2000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    db.pragma('foreign_keys = ON');
    // A million-row library: a broad search reads thousands of rows in sort order, each one a random
    // page. Mapped pages skip a read() per page (2-3x faster, measured), and a bigger cache keeps
    // the indexes' upper levels. Reads only: writes still go through the journal as before.
    db.pragma('mmap_size = 1073741824');
    db.pragma('cache_size = -32768');
    // Touch the schema so a corrupt or non-SQLite file fails here, with a clear message.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    throw classifyOpenError(err, path);
  }
  return db;
}

export function classifyOpenError(err: unknown, path: string): VidKeepError {
  if (err instanceof VidKeepError) return err;
  const code = (err as { code?: string }).code ?? '';
  const msg = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || /locked/i.test(msg)) {
    return new VidKeepError('db-locked', `VidKeep's database is in use by another program (${path}).`, 'Close the other VidKeep window or program using it, then try again. Nothing was changed.', { path });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(msg)) {
    return new VidKeepError('db-corrupt', `VidKeep's database file is damaged or is not a VidKeep database (${path}).`, 'VidKeep left the file untouched. Move it aside to start fresh, or restore it from a backup.', { path });
  }
  if (/NODE_MODULE_VERSION|was compiled against a different Node.js version/i.test(msg)) {
    return new VidKeepError('internal', 'The SQLite module was built for a different runtime.', existsSync(path) ? 'Run `npm install` again (or `npm run rebuild:electron` for the desktop app).' : msg);
  }
  return new VidKeepError('internal', `VidKeep could not open its database (${path}).`, msg);
}
