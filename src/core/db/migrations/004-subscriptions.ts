// Owned by src/core/subscriptions and the library's keep flag.
export default /* sql */ `
ALTER TABLE videos ADD COLUMN keep INTEGER NOT NULL DEFAULT 0;
-- The subscription whose download created the row; NULL once the user asked for it by hand.
-- Only the owner's retention rule may delete it.
ALTER TABLE videos ADD COLUMN subscription_id TEXT;
CREATE INDEX videos_by_subscription ON videos (subscription_id) WHERE subscription_id IS NOT NULL;

CREATE TABLE subscriptions (
  id              TEXT PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  title           TEXT,
  cron            TEXT NOT NULL,
  paused          INTEGER NOT NULL DEFAULT 0,
  filters         TEXT NOT NULL DEFAULT '{}',
  options         TEXT NOT NULL DEFAULT '{}',
  retention       TEXT NOT NULL DEFAULT '{}',
  initial         TEXT NOT NULL DEFAULT 'new',
  initial_count   INTEGER NOT NULL DEFAULT 10,
  created_at      INTEGER NOT NULL,
  last_check_at   INTEGER,
  last_new_count  INTEGER NOT NULL DEFAULT 0,
  total_queued    INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT
) STRICT;

-- Every entry a check has seen, so the next check stops at the first one it knows.
CREATE TABLE subscription_entries (
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  entry_key       TEXT NOT NULL,
  url             TEXT NOT NULL,
  title           TEXT,
  status          TEXT NOT NULL,
  seen_at         INTEGER NOT NULL,
  -- Newer entries rank higher (listing order within a check, later checks above earlier ones).
  rank            INTEGER NOT NULL DEFAULT 0,
  upload_date     TEXT,
  -- Checks that re-queued this entry after its download failed.
  attempts        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (subscription_id, entry_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX subscription_entries_by_url ON subscription_entries (url);

CREATE INDEX videos_by_site_id ON videos (site_id);

-- Links the user pasted while a subscription's download of them was already queued: the video
-- is theirs when it lands, not the subscription's (its retention rule must not delete it).
CREATE TABLE claimed_urls (
  url TEXT PRIMARY KEY,
  at  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- yt-dlp download-archive lines ("site id") imported from elsewhere.
CREATE TABLE download_archive (
  entry_key TEXT PRIMARY KEY,
  added_at  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`;
