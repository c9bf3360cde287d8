// Owned by the library (src/core/library) and the yt-dlp runner (src/core/ytdlp/processes.ts).
export default /* sql */ `
CREATE TABLE videos (
  id             TEXT PRIMARY KEY,
  site           TEXT NOT NULL,
  site_id        TEXT NOT NULL,
  title          TEXT NOT NULL,
  uploader       TEXT,
  description    TEXT,
  duration       REAL,
  size           INTEGER,
  file_path      TEXT NOT NULL,
  thumbnail_path TEXT,
  info_json      TEXT,
  source_url     TEXT NOT NULL,
  added_at       INTEGER NOT NULL,
  audio_only     INTEGER NOT NULL DEFAULT 0,
  missing        INTEGER NOT NULL DEFAULT 0,
  playlist       TEXT,
  UNIQUE (site, site_id)
) STRICT;

-- One index per sort, with id as the tie-breaker the keyset cursor needs.
CREATE INDEX videos_by_added    ON videos (added_at, id);
CREATE INDEX videos_by_title    ON videos (title COLLATE NOCASE, id);
CREATE INDEX videos_by_duration ON videos (ifnull(duration, -1), id);
CREATE INDEX videos_by_uploader ON videos (ifnull(uploader, '') COLLATE NOCASE, id);
CREATE INDEX videos_by_source   ON videos (source_url);
-- Filters: counts by site and kind stay index-only.
CREATE INDEX videos_by_site     ON videos (site, audio_only);
CREATE INDEX videos_by_kind     ON videos (audio_only);

CREATE VIRTUAL TABLE videos_fts USING fts5 (
  title, uploader, description,
  content = 'videos', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

CREATE TRIGGER videos_ai AFTER INSERT ON videos BEGIN
  INSERT INTO videos_fts (rowid, title, uploader, description) VALUES (new.rowid, new.title, new.uploader, new.description);
END;
CREATE TRIGGER videos_ad AFTER DELETE ON videos BEGIN
  INSERT INTO videos_fts (videos_fts, rowid, title, uploader, description) VALUES ('delete', old.rowid, old.title, old.uploader, old.description);
END;
CREATE TRIGGER videos_au AFTER UPDATE OF title, uploader, description ON videos BEGIN
  INSERT INTO videos_fts (videos_fts, rowid, title, uploader, description) VALUES ('delete', old.rowid, old.title, old.uploader, old.description);
  INSERT INTO videos_fts (rowid, title, uploader, description) VALUES (new.rowid, new.title, new.uploader, new.description);
END;

-- yt-dlp children by launch, so the next launch can end what a crash left running.
CREATE TABLE child_processes (
  pid        INTEGER NOT NULL,
  launch_id  TEXT NOT NULL,
  command    TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  PRIMARY KEY (pid, launch_id)
) STRICT;
`;
