import type { ImportSkipReason } from '../../shared/import';

/** A media file the walk found, with the names beside it (side files are looked up there, not on disk). */
export interface Candidate {
  abs: string;
  name: string;
  dir: string;
  /** Every name in its folder, for `<stem>.info.json`, thumbnails and subtitles. */
  siblings: ReadonlySet<string>;
}

export interface Skip {
  /** Path shown to the user: relative to the folder imported. */
  path: string;
  reason: ImportSkipReason;
}
