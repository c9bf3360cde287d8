/** Stored rows of `videos` -> the contract's Video view. */
import type { Video } from '../../shared/types';

export interface Row {
  id: string;
  site: string;
  site_id: string;
  title: string;
  uploader: string | null;
  description: string | null;
  duration: number | null;
  size: number | null;
  file_path: string;
  thumbnail_path: string | null;
  source_url: string;
  added_at: number;
  audio_only: number;
  missing: number;
  playlist: string | null;
  keep: number;
  watch_state: number;
  position: number;
  played_at: number | null;
  playlist_index: number | null;
  /** Set for a video imported where it was: its paths are relative to that granted folder. */
  root_id?: number | null;
  sort_key?: string | number;
}

export const toVideo = (r: Row): Video => ({
  id: r.id,
  site: r.site,
  siteId: r.site_id,
  title: r.title,
  uploader: r.uploader,
  description: r.description,
  durationSec: r.duration,
  sizeBytes: r.size,
  filePath: r.file_path,
  hasThumbnail: r.thumbnail_path !== null,
  sourceUrl: r.source_url,
  addedAt: r.added_at,
  audioOnly: r.audio_only === 1,
  missing: r.missing === 1,
  playlist: r.playlist,
  keep: r.keep === 1,
  watchState: r.watch_state === 2 ? 'watched' : r.watch_state === 1 ? 'in-progress' : 'unwatched',
  positionSec: r.position,
  playedAt: r.played_at,
  playlistIndex: r.playlist_index,
});
