import type { Db } from '../db/open';

/** SQLITE_BUSY / SQLITE_LOCKED and their extended codes: another connection holds the lock. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * The queue's own writes from timers and the pump wait at most `shortMs` for a lock another
 * program holds, then give the event loop back and retry later (asynchronously, with backoff).
 * The connection's normal busy_timeout (a synchronous wait) stays for everything else.
 */
export function createBusy(db: Db, shortMs = 20) {
  const normal = Number(db.pragma('busy_timeout', { simple: true }));
  const setShort = db.prepare(`PRAGMA busy_timeout = ${Math.floor(shortMs)}`);
  const setNormal = db.prepare(`PRAGMA busy_timeout = ${Number.isFinite(normal) ? normal : 2000}`);
  return {
    short<T>(fn: () => T): T {
      if (db.inTransaction) return fn();
      setShort.get();
      try {
        return fn();
      } finally {
        setNormal.get();
      }
    },
  };
}

export type Busy = ReturnType<typeof createBusy>;

/** Delay before the n-th retry (n from 1) of a write that found the database locked. */
export const lockedRetryDelay = (n: number) => Math.min(2_000, 25 * 2 ** Math.min(n, 10));
