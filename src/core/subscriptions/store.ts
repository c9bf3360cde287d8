import type { ErrorInfo } from '../../shared/errors';
import type { Db } from '../db/open';
import type { EntryStatus } from './plan';
import type { ListedEntry, SubscriptionRecord } from './types';

interface Row {
  id: string;
  url: string;
  title: string | null;
  cron: string;
  paused: number;
  filters: string;
  options: string;
  retention: string;
  initial: string;
  initial_count: number;
  created_at: number;
  last_check_at: number | null;
  last_new_count: number;
  total_queued: number;
  last_error: string | null;
}

const json = <T>(text: string | null, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

const toRecord = (r: Row): SubscriptionRecord => ({
  id: r.id,
  url: r.url,
  title: r.title,
  cron: r.cron,
  paused: r.paused === 1,
  filters: json(r.filters, {}),
  options: json(r.options, {}),
  retention: json(r.retention, {}),
  initial: r.initial === 'last' || r.initial === 'all' ? r.initial : 'new',
  initialCount: r.initial_count,
  createdAt: r.created_at,
  lastCheckAt: r.last_check_at,
  lastNewCount: r.last_new_count,
  totalQueued: r.total_queued,
  lastError: json<ErrorInfo | null>(r.last_error, null),
});

/** Subscriptions, the entries their checks have seen, and the imported download archive. */
export function createSubscriptionStore(db: Db) {
  const all = db.prepare<[], Row>('SELECT * FROM subscriptions ORDER BY created_at, id');
  const one = db.prepare<[string], Row>('SELECT * FROM subscriptions WHERE id = ?');
  const byUrl = db.prepare<[string], Row>('SELECT * FROM subscriptions WHERE url = ?');
  const insert = db.prepare(`INSERT INTO subscriptions (id, url, title, cron, paused, filters, options, retention, initial, initial_count, created_at)
    VALUES (@id, @url, NULL, @cron, 0, @filters, @options, @retention, @initial, @initialCount, @createdAt)`);
  const update = db.prepare('UPDATE subscriptions SET cron = @cron, filters = @filters, options = @options, retention = @retention WHERE id = @id');
  const del = db.prepare<[string]>('DELETE FROM subscriptions WHERE id = ?');
  const setPaused = db.prepare<[number, string]>('UPDATE subscriptions SET paused = ? WHERE id = ?');
  const checked = db.prepare(`UPDATE subscriptions SET last_check_at = @at, last_new_count = @newCount, total_queued = total_queued + @newCount,
    last_error = NULL, title = coalesce(@title, title) WHERE id = @id`);
  const failed = db.prepare('UPDATE subscriptions SET last_check_at = @at, last_error = @error WHERE id = @id');
  const hasEntries = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM subscription_entries WHERE subscription_id = ? LIMIT 1)');
  const known = db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM subscription_entries WHERE subscription_id = ? AND entry_key = ?');
  const record = db.prepare('INSERT OR IGNORE INTO subscription_entries (subscription_id, entry_key, url, title, status, seen_at, rank, upload_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const topRank = db.prepare<[string], { r: number | null }>('SELECT max(rank) AS r FROM subscription_entries WHERE subscription_id = ?');
  // Queued by this subscription, not in the library: candidates for another try if their download failed.
  const unfinished = db.prepare<[string, number], { entry_key: string; url: string; attempts: number }>(`SELECT e.entry_key, e.url, e.attempts FROM subscription_entries e
    WHERE e.subscription_id = ? AND e.status = 'queued' AND NOT EXISTS (SELECT 1 FROM videos v WHERE v.source_url = e.url) ORDER BY e.rank DESC LIMIT ?`);
  const setAttempt = db.prepare<[number, string, string, string]>('UPDATE subscription_entries SET attempts = ?, status = ? WHERE subscription_id = ? AND entry_key = ?');
  const archived = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM download_archive WHERE entry_key = ?');
  const inLibrary = db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM videos WHERE site_id = ? AND lower(site) = ? LIMIT 1');
  const byEntryUrl = db.prepare<[string], { id: string }>("SELECT DISTINCT subscription_id AS id FROM subscription_entries WHERE url = ? AND status = 'queued'");
  const archiveAdd = db.prepare<[string, number]>('INSERT OR IGNORE INTO download_archive (entry_key, added_at) VALUES (?, ?)');
  // A generic video is stored under its link; yt-dlp's archive names it by its own id (the file name).
  const archiveKeys = db.prepare<[], { k: string }>(`SELECT entry_key AS k FROM download_archive
    UNION SELECT lower(site) || ' ' || (CASE WHEN lower(site) = 'generic' THEN coalesce(json_extract(info_json, '$.id'), site_id) ELSE site_id END) AS k FROM videos`);
  // Only videos this subscription's own downloads created (and the user has not claimed), newest
  // published first: by upload date where known, else by where the listing put them.
  const owned = db.prepare<[string], { id: string; added_at: number; keep: number; upload_date: string | null }>(`SELECT v.id, v.added_at, v.keep,
      coalesce(max(e.upload_date), json_extract(v.info_json, '$.upload_date')) AS upload_date, max(e.rank) AS rank
    FROM videos v LEFT JOIN subscription_entries e ON e.subscription_id = v.subscription_id AND e.url = v.source_url
    WHERE v.subscription_id = ? GROUP BY v.id ORDER BY rank DESC, v.added_at DESC, v.id DESC`);

  return {
    list: () => all.all().map(toRecord),
    get: (id: string) => {
      const r = one.get(id);
      return r ? toRecord(r) : null;
    },
    byUrl: (url: string) => {
      const r = byUrl.get(url);
      return r ? toRecord(r) : null;
    },
    insert(s: Pick<SubscriptionRecord, 'id' | 'url' | 'cron' | 'filters' | 'options' | 'retention' | 'initial' | 'initialCount' | 'createdAt'>) {
      insert.run({ ...s, filters: JSON.stringify(s.filters), options: JSON.stringify(s.options), retention: JSON.stringify(s.retention) });
    },
    update(s: Pick<SubscriptionRecord, 'id' | 'cron' | 'filters' | 'options' | 'retention'>) {
      update.run({ id: s.id, cron: s.cron, filters: JSON.stringify(s.filters), options: JSON.stringify(s.options), retention: JSON.stringify(s.retention) });
    },
    remove: (id: string) => del.run(id).changes > 0,
    setPaused: (id: string, paused: boolean) => void setPaused.run(paused ? 1 : 0, id),
    checked: (id: string, o: { at: number; newCount: number; title: string | null }) => void checked.run({ id, ...o }),
    failed: (id: string, at: number, error: ErrorInfo) => void failed.run({ id, at, error: JSON.stringify(error) }),
    hasEntries: (id: string) => (hasEntries.get(id)?.n ?? 0) > 0,
    isKnown: (id: string, key: string) => known.get(id, key) !== undefined,
    /** In an imported archive or already in the library (by site and id). */
    isArchived(key: string): boolean {
      if (archived.get(key)) return true;
      const space = key.indexOf(' ');
      if (space <= 0 || key.startsWith('url ')) return false;
      return inLibrary.get(key.slice(space + 1), key.slice(0, space)) !== undefined;
    },
    /** Decisions newest first; they rank above everything recorded before. */
    recordEntries(id: string, decisions: Array<{ entry: ListedEntry; url: string; status: EntryStatus }>, at: number) {
      const base = (topRank.get(id)?.r ?? 0) + decisions.length;
      decisions.forEach((d, i) => record.run(id, d.entry.key, d.url, d.entry.title, d.status, at, base - i, d.entry.uploadDate));
    },
    unfinished: (id: string, limit: number) => unfinished.all(id, limit).map((r) => ({ key: r.entry_key, url: r.url, attempts: r.attempts })),
    setAttempt: (id: string, key: string, attempts: number, status: EntryStatus) => void setAttempt.run(attempts, status, id, key),
    importArchive(keys: string[], at: number): { added: number; known: number } {
      let added = 0;
      db.transaction(() => {
        for (const k of keys) added += archiveAdd.run(k, at).changes;
      })();
      return { added, known: keys.length - added };
    },
    /** Subscriptions that queued this (normalized) URL. */
    subscriptionsOf: (url: string) => byEntryUrl.all(url).map((r) => r.id),
    archiveKeys: () => archiveKeys.all().map((r) => r.k),
    /** The videos this subscription owns, newest first; `publishedAt` from the upload date when known. */
    videos: (id: string) =>
      owned.all(id).map((r) => ({
        id: r.id,
        addedAt: r.upload_date && /^\d{8}$/.test(r.upload_date) ? Date.UTC(+r.upload_date.slice(0, 4), +r.upload_date.slice(4, 6) - 1, +r.upload_date.slice(6, 8)) : r.added_at,
        keep: r.keep === 1,
      })),
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;
