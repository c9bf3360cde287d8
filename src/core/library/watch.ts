/**
 * Watched state and positions. One truth in the database: every tab and window reads it back and
 * hears of each change through library.changed.
 */
import type { Db } from '../db/open';

export type StoredWatch = 0 | 1 | 2;

/** Past this share of the duration a video counts as watched (what Jellyfin and Plex use too). */
export const WATCHED_SHARE = 0.9;
/** Under this many seconds in (or 5 % of a short clip) nothing is worth resuming. */
export const MIN_RESUME_SEC = 5;

/**
 * Where a saved position leaves a video. Watching a watched video again keeps it watched (and
 * remembers where, to resume); stopping near the start of an unfinished one forgets it was begun.
 */
export function nextWatch(current: StoredWatch, positionSec: number, durationSec: number | null): { state: StoredWatch; position: number } {
  if (durationSec !== null && durationSec > 0 && positionSec >= durationSec * WATCHED_SHARE) return { state: 2, position: 0 };
  const min = durationSec !== null && durationSec > 0 ? Math.min(MIN_RESUME_SEC, durationSec * 0.05) : MIN_RESUME_SEC;
  if (positionSec < min) return { state: current === 2 ? 2 : 0, position: 0 };
  return { state: current === 2 ? 2 : 1, position: positionSec };
}

export interface WatchStore {
  /** False when there is no such video. */
  setPosition(id: string, positionSec: number): boolean;
  setWatched(id: string, watched: boolean): boolean;
  /** Ids of videos in progress, last played first. */
  continueIds(limit: number): string[];
  /** Ids of the videos whose state changed. */
  setWatchedAll(column: 'uploader' | 'playlist', value: string, watched: boolean): string[];
}

export function createWatchStore(db: Db, now: () => number): WatchStore {
  const read = db.prepare<[string], { watch_state: StoredWatch; duration: number | null }>('SELECT watch_state, duration FROM videos WHERE id = ?');
  const write = db.prepare<[StoredWatch, number, number, string]>('UPDATE videos SET watch_state = ?, position = ?, played_at = ? WHERE id = ?');
  const mark = db.prepare<[StoredWatch, string]>('UPDATE videos SET watch_state = ?, position = 0 WHERE id = ?');
  const cont = db.prepare<[number], { id: string }>('SELECT id FROM videos WHERE watch_state = 1 ORDER BY played_at DESC LIMIT ?');
  return {
    setPosition(id, positionSec) {
      const r = read.get(id);
      if (!r) return false;
      const next = nextWatch(r.watch_state, positionSec, r.duration);
      write.run(next.state, next.position, now(), id);
      return true;
    },
    setWatched: (id, watched) => mark.run(watched ? 2 : 0, id).changes > 0,
    continueIds: (limit) => cont.all(limit).map((r) => r.id),
    setWatchedAll(column, value, watched) {
      const state = watched ? 2 : 0;
      // Column names come from this union only; the value is a bound parameter.
      const sql = `UPDATE videos SET watch_state = ?, position = 0 WHERE ${column === 'uploader' ? 'uploader' : 'playlist'} = ? AND (watch_state != ? OR position != 0) RETURNING id`;
      return (db.prepare(sql).all(state, value, state) as Array<{ id: string }>).map((r) => r.id);
    },
  };
}
