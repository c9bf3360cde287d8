/**
 * Why the whole queue is paused. The user's "Pause all" and the computer going to sleep are two
 * separate reasons: the queue claims nothing while either holds, and waking clears only the
 * system's, so sleep and wake never undo what the user chose.
 */
export type PauseReason = 'user' | 'system';

export interface PauseReasons {
  add(reason: PauseReason): void;
  remove(reason: PauseReason): void;
  has(reason: PauseReason): boolean;
}

export interface PauseTarget {
  /** Pause / resume claiming on every queue (the queue persists this bit on its own). */
  pause(): void;
  resume(): void;
}

export interface PauseStore {
  /** The user's saved choice, or undefined before this module ever saved one. */
  readUser(): boolean | undefined;
  writeUser(paused: boolean): void;
}

/**
 * Only the user's reason is saved: a launch after a crash during sleep runs awake, so a system
 * pause must not outlive the process. The queue's own saved bit (user OR system) is brought back
 * in line with the user's choice at once, before the queue starts claiming.
 *
 * `legacyUser` is the queue's saved bit, taken as the user's choice when nothing was saved here yet
 * (a library from before this module, whose pause could only have come from the user or a sleep).
 */
export function createPauseReasons(target: PauseTarget, store: PauseStore, legacyUser: () => boolean): PauseReasons {
  let saved = store.readUser();
  if (saved === undefined) {
    // Saved at once, so the queue's bit is never read again as the user's choice once a sleep set it.
    saved = legacyUser();
    store.writeUser(saved);
  }
  const reasons = new Set<PauseReason>(saved ? ['user'] : []);
  const apply = () => (reasons.size > 0 ? target.pause() : target.resume());
  apply();
  return {
    add(reason) {
      reasons.add(reason);
      if (reason === 'user') store.writeUser(true);
      apply();
    },
    remove(reason) {
      reasons.delete(reason);
      if (reason === 'user') store.writeUser(false);
      apply();
    },
    has: (reason) => reasons.has(reason),
  };
}

const KEY = 'queue.pausedByUser';

/** The user's choice in the settings table, beside the queue's own state. */
export function settingsPauseStore(raw: { getRaw(key: string): string | undefined; setRaw(key: string, value: string): void }): PauseStore {
  return {
    readUser() {
      const v = raw.getRaw(KEY);
      return v === 'true' ? true : v === 'false' ? false : undefined;
    },
    writeUser: (paused) => raw.setRaw(KEY, String(paused)),
  };
}
