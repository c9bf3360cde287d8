// Owned by the library (src/core/library/watch.ts, subtitles.ts).
// Watching: a position and a state per video (0 unwatched, 1 in progress, 2 watched), when it was
// last played (the "Continue watching" row), its place in a playlist kept whole, and the lines of
// its subtitles, indexed for search by video and start time.
export default /* sql */ `
ALTER TABLE videos ADD COLUMN watch_state INTEGER NOT NULL DEFAULT 0 CHECK (watch_state IN (0, 1, 2));
ALTER TABLE videos ADD COLUMN position REAL NOT NULL DEFAULT 0;
ALTER TABLE videos ADD COLUMN played_at INTEGER;
ALTER TABLE videos ADD COLUMN playlist_index INTEGER;

-- The rowid rides along in every index: a state filter reads newest-first straight from here,
-- and one index per other sort lets a state filter read its page in order without sorting.
CREATE INDEX videos_by_watch          ON videos (watch_state);
CREATE INDEX videos_by_watch_title    ON videos (watch_state, title COLLATE NOCASE, id);
CREATE INDEX videos_by_watch_duration ON videos (watch_state, ifnull(duration, -1), id);
CREATE INDEX videos_by_watch_uploader ON videos (watch_state, ifnull(uploader, '') COLLATE NOCASE, id);

-- Videos per watch state, kept by triggers: totals for the unfiltered library and each state
-- filter without counting a million index entries on every page.
CREATE TABLE video_counts (watch_state INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT;
INSERT INTO video_counts (watch_state, n) VALUES (0, 0), (1, 0), (2, 0);
UPDATE video_counts SET n = (SELECT count(*) FROM videos WHERE videos.watch_state = video_counts.watch_state);
CREATE TRIGGER video_counts_ai AFTER INSERT ON videos BEGIN
  UPDATE video_counts SET n = n + 1 WHERE watch_state = new.watch_state;
END;
CREATE TRIGGER video_counts_ad AFTER DELETE ON videos BEGIN
  UPDATE video_counts SET n = n - 1 WHERE watch_state = old.watch_state;
END;
CREATE TRIGGER video_counts_au AFTER UPDATE OF watch_state ON videos WHEN old.watch_state IS NOT new.watch_state BEGIN
  UPDATE video_counts SET n = n - 1 WHERE watch_state = old.watch_state;
  UPDATE video_counts SET n = n + 1 WHERE watch_state = new.watch_state;
END;
CREATE INDEX videos_continue    ON videos (played_at) WHERE watch_state = 1;
CREATE INDEX videos_by_channel  ON videos (uploader);
CREATE INDEX videos_by_playlist ON videos (playlist, ifnull(playlist_index, 1e9), id);

CREATE TABLE subtitle_tracks (
  video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE ON UPDATE CASCADE,
  lang     TEXT NOT NULL,
  path     TEXT NOT NULL,
  PRIMARY KEY (video_id, lang)
) STRICT;

CREATE TABLE subtitle_lines (
  id       INTEGER PRIMARY KEY,
  video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE ON UPDATE CASCADE,
  lang     TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  text     TEXT NOT NULL
) STRICT;
CREATE INDEX subtitle_lines_by_video ON subtitle_lines (video_id, lang);

CREATE VIRTUAL TABLE subtitle_fts USING fts5 (
  text,
  content = 'subtitle_lines', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER subtitle_lines_ai AFTER INSERT ON subtitle_lines BEGIN
  INSERT INTO subtitle_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER subtitle_lines_ad AFTER DELETE ON subtitle_lines BEGIN
  INSERT INTO subtitle_fts (subtitle_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
`;
