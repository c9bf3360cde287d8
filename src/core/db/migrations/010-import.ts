// Owned by src/core/import and the library's path resolution (src/core/library/roots.ts).
// Folders the user imported "where they are": a video whose root_id is set has its file_path (and
// thumbnail and subtitle paths) relative to that granted folder instead of the library, so playback
// and deletion stay confined to the library or a folder the user chose. file_key (device:inode)
// finds a file imported again without metadata of its own.
export default /* sql */ `
CREATE TABLE import_roots (
  id       INTEGER PRIMARY KEY,
  path     TEXT NOT NULL UNIQUE,
  added_at INTEGER NOT NULL
) STRICT;
ALTER TABLE videos ADD COLUMN root_id INTEGER REFERENCES import_roots (id);
ALTER TABLE videos ADD COLUMN file_key TEXT;
CREATE INDEX videos_by_file_key ON videos (file_key) WHERE file_key IS NOT NULL;
CREATE INDEX videos_by_file_path ON videos (file_path);
`;
