import type { Db } from '../db/open';

export interface ClipLink {
  videoId: string;
  sourceSite: string | null;
  sourceId: string | null;
  startSec: number;
  endSec: number;
}

export function linkClip(db: Db, c: ClipLink): void {
  db.prepare('INSERT OR REPLACE INTO clips (video_id, source_site, source_id, start_sec, end_sec) VALUES (?, ?, ?, ?, ?)').run(c.videoId, c.sourceSite, c.sourceId, c.startSec, c.endSec);
}

export interface ClipInfo {
  startSec: number;
  endSec: number;
  /** The full video in the library, when it is kept. */
  sourceVideoId: string | null;
}

/** What a library video was cut from, or null when it is not a clip. */
export function clipOf(db: Db, videoId: string): ClipInfo | null {
  const row = db
    .prepare<[string], { start_sec: number; end_sec: number; source: string | null }>(
      `SELECT c.start_sec, c.end_sec, v.id AS source FROM clips c LEFT JOIN videos v ON v.site = c.source_site AND v.site_id = c.source_id WHERE c.video_id = ?`,
    )
    .get(videoId);
  return row ? { startSec: row.start_sec, endSec: row.end_sec, sourceVideoId: row.source } : null;
}
