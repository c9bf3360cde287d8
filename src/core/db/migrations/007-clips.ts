// Owned by src/core/choose/clips.ts.
// A clip is its own library video; this row says which video (site and id, as yt-dlp names it) and
// which range it was cut from, so the link holds whether or not the full video is kept.
export default /* sql */ `
CREATE TABLE clips (
  video_id    TEXT PRIMARY KEY REFERENCES videos (id) ON DELETE CASCADE,
  source_site TEXT,
  source_id   TEXT,
  start_sec   REAL NOT NULL,
  end_sec     REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX clips_by_source ON clips (source_site, source_id);
`;
