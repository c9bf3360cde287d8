import { posix } from 'node:path';
import type { Db } from '../db/open';

export interface MediaInfo {
  durationSec: number | null;
  /** File name of a poster made beside the video file (no folders). */
  posterName: string | null;
}

/**
 * Fills in what a download's follow-up job learned from the file itself. Only fills gaps: a
 * duration or thumbnail the site gave (or a later re-download wrote) is never replaced.
 * Returns false when the video is gone (deleted meanwhile).
 */
export function createMediaInfoWriter(db: Db): (videoId: string, info: MediaInfo) => boolean {
  const filePath = db.prepare<[string], { file_path: string }>('SELECT file_path FROM videos WHERE id = ?');
  const update = db.prepare<{ id: string; duration: number | null; thumb: string | null }>(`UPDATE videos SET
      duration = coalesce(duration, @duration),
      thumbnail_path = coalesce(thumbnail_path, @thumb),
      info_json = CASE WHEN @duration IS NOT NULL AND json_valid(info_json) AND json_extract(info_json, '$.duration') IS NULL
        THEN json_set(info_json, '$.duration', @duration) ELSE info_json END
    WHERE id = @id`);
  return (videoId, info) => {
    if (info.posterName !== null && !/^[^/\\]+$/.test(info.posterName)) throw new Error(`not a file name: ${info.posterName}`);
    const row = filePath.get(videoId);
    if (!row) return false;
    // Beside the video, in the library-relative form the row keeps its file path in.
    const thumb = info.posterName === null ? null : posix.join(posix.dirname(row.file_path), info.posterName);
    return update.run({ id: videoId, duration: info.durationSec, thumb }).changes > 0;
  };
}
