import type { LibrarySort } from '../../shared/types';
import type { SearchQuery } from './types';

/** Sort key expression (matching an index in 003-library), direction. */
const SORTS: Record<LibrarySort, { key: string; dir: 'ASC' | 'DESC' }> = {
  // Insertion order is the order things were added (added_at is never rewritten), and the rowid
  // is the one order FTS5 hands its matches back in: newest-first search needs no sorting.
  added: { key: 'v.rowid', dir: 'DESC' },
  title: { key: 'v.title COLLATE NOCASE', dir: 'ASC' },
  duration: { key: 'ifnull(v.duration, -1)', dir: 'DESC' },
  uploader: { key: "ifnull(v.uploader, '') COLLATE NOCASE", dir: 'ASC' },
  // A playlist page: the playlist's own order (videos without a place go last).
  playlist: { key: 'ifnull(v.playlist_index, 1e9)', dir: 'ASC' },
};

/** Stored watch_state values (006-watch). */
export const WATCH_STATES = { unwatched: 0, 'in-progress': 1, watched: 2 } as const;

/**
 * As-you-type FTS5 query: every word must match as a prefix ('cat' finds 'Catalogue'). Words are
 * quoted so FTS syntax in the box (AND, NEAR, quotes, colons) is only ever text.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words.slice(0, 16).map((w) => `"${w}"*`).join(' ');
}

interface Cursor {
  k: string | number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.k, c.id])).toString('base64url');
}

export function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'string') return { k: v[0], id: v[1] };
  } catch {
    // fall through: a stale or forged cursor restarts from the first page
  }
  return null;
}

/**
 * Above this share of the library matching, walking the sort index beats sorting the matches.
 * Measured at 100k rows: a word in ~14 % of rows is 20x slower walked (each row probes FTS),
 * one in a third of rows is already faster walked, one in most rows 30x faster.
 */
export const BROAD_SHARE = 0.25;
/** Small libraries always sort their matches: either plan is instant there. */
export const BROAD_MIN = 2000;

/**
 * Walking the sort index with a per-row FTS probe only pays for one broad word without filters
 * (measured at 100k rows): with several words every probe re-reads each word's list, and with
 * filters the planner starts from the filter index instead.
 */
export function chooseStrategy(q: SearchQuery, ftsTotal: number | null, rows: number): 'in' | 'exists' {
  const match = ftsQuery(q.query);
  const broad = ftsTotal !== null && ftsTotal > BROAD_MIN && ftsTotal > rows * BROAD_SHARE;
  return broad && !hasFilters(q) && match !== null && !match.includes(' ') ? 'exists' : 'in';
}

export function hasFilters(q: SearchQuery): boolean {
  return Boolean(q.site) || Boolean(q.subscriptionId) || q.kind === 'audio' || q.kind === 'video' || Boolean(q.uploader) || Boolean(q.playlist) || (q.watch !== undefined && q.watch !== 'all');
}

export interface BuiltQuery {
  sql: string;
  countSql: string;
  params: unknown[];
  countParams: unknown[];
  sortKey: string;
}

/**
 * SQL for one page: filters, FTS match, keyset after the cursor, ordered by the sort's index.
 * 'in' collects the matches first and sorts them (best when few match); 'exists' walks the sort
 * index and probes FTS per row, stopping after one page (best when most rows match, e.g. 'c').
 */
export function buildSearch(q: SearchQuery, strategy: 'in' | 'exists' = 'in'): BuiltQuery {
  const sort = SORTS[q.sort ?? 'added'];
  const where: string[] = [];
  const params: unknown[] = [];
  const match = ftsQuery(q.query);
  if (match) {
    where.push('v.rowid IN (SELECT rowid FROM videos_fts WHERE videos_fts MATCH ?)');
    params.push(match);
  }
  if (match && strategy === 'exists') where[0] = 'EXISTS (SELECT 1 FROM videos_fts WHERE videos_fts MATCH ? AND rowid = v.rowid)';
  if (q.site) {
    where.push('v.site = ?');
    params.push(q.site);
  }
  if (q.subscriptionId) {
    where.push(`v.source_url IN (SELECT url FROM subscription_entries WHERE subscription_id = ? AND status = 'queued')`);
    params.push(q.subscriptionId);
  }
  if (q.watch && q.watch !== 'all') {
    where.push('v.watch_state = ?');
    params.push(WATCH_STATES[q.watch]);
  }
  if (q.uploader) {
    where.push('v.uploader = ?');
    params.push(q.uploader);
  }
  if (q.playlist) {
    where.push('v.playlist = ?');
    params.push(q.playlist);
  }
  if (q.kind === 'audio') where.push('v.audio_only = 1');
  if (q.kind === 'video') where.push('v.audio_only = 0');
  const countParams = params.slice();
  const countWhere = where.slice();
  const cursor = decodeCursor(q.cursor);
  if (cursor) {
    const cmp = sort.dir === 'DESC' ? '<' : '>';
    where.push(`(${sort.key}, v.id) ${cmp} (?, ?)`);
    params.push(cursor.k, cursor.id);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const cw = countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : '';
  return {
    sql: `SELECT v.*, ${sort.key.replace(/ COLLATE NOCASE$/, '')} AS sort_key FROM videos v ${w} ORDER BY ${sort.key} ${sort.dir}, v.id ${sort.dir} LIMIT ?`,
    countSql: `SELECT count(*) AS n FROM videos v ${cw}`,
    params: [...params, q.limit + 1],
    countParams,
    sortKey: sort.key,
  };
}
