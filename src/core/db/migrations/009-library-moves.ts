// Owned by the reorganizer (src/core/library/reorganize).
// The journal of "Reorganize library": one row per video being moved, written before any file is
// touched. `files` is JSON: every file of the video (from, to, temp, how it is placed, which column
// points at it). 'placing': the database still points at the old paths, recovery rolls back;
// 'committed': it points at the new ones (same transaction), recovery finishes removing the old.
// No foreign key: a journaled video deleted meanwhile must still have its files cleaned up.
export default /* sql */ `
CREATE TABLE library_moves (
  video_id   TEXT PRIMARY KEY,
  state      TEXT NOT NULL CHECK (state IN ('placing', 'committed')),
  files      TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
`;
