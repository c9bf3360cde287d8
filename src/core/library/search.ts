import type { LibrarySort } from '../../shared/types';
import type { SearchQuery } from './types';
import { asciiWords, WORD_MATCH_FN } from './word-match';
import { MATCHED_FN } from './match-set';

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

/** The search box's words (NFKC; letters and digits), at most 16: what both match rules test. */
export function queryWords(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

/**
 * As-you-type FTS5 query: every word must match as a prefix ('cat' finds 'Catalogue'). Words are
 * quoted so FTS syntax in the box (AND, NEAR, quotes, colons) is only ever text.
 */
export function ftsQuery(text: string): string | null {
  const words = queryWords(text);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
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
 * Past this many matches the total reads "20,000+": counting every match of 's' in a million videos
 * alone takes longer than a page should.
 */
export const COUNT_CAP = 20_000;

export type Strategy = 'in' | 'scan';

/**
 * What testing one row costs 'scan' (a random row read, then its text) against what one match
 * costs 'in' (its id, read in rowid order, and a place in the sort): ~4x, measured at a million rows.
 */
const SCAN_COST = 4;

/**
 * How many FTS matches a search reads before it stops counting. 'in' collects the matches and sorts
 * them: its cost grows with the matches. 'scan' walks the sort's index (or a filter's) and tests
 * each row's own text (word-match.ts), stopping after a page: its cost grows with rows / matches.
 * They cost the same near matches = sqrt(SCAN_COST x page x rows), ~28,000 of a million: up to
 * there the matches are read (all of them, so 'in' can sort them), past it the search scans.
 */
export function readCap(limit: number, rows: number): number {
  return Math.max(COUNT_CAP, Math.ceil(Math.sqrt(SCAN_COST * (limit + 1) * rows)));
}

/**
 * 'scan' only when the matches outnumber the read cap (they were not all read). Non-ASCII queries
 * always collect: only FTS5 can test their rows.
 */
export function chooseStrategy(q: SearchQuery, matches: number | null, rows: number): Strategy {
  const words = asciiWords(queryWords(q.query));
  if (matches === null || words === null || words.length === 0) return 'in';
  return matches > readCap(q.limit, rows) ? 'scan' : 'in';
}

/**
 * Sorting the matches costs ~1.1 µs a match; walking the sort index and testing membership ~0.07 µs
 * an index entry, and a page needs about page x rows / matches entries (measured at a million rows,
 * 1,800 and 26,000 matches). Walking wins past matches^2 = 0.065 x page x rows: ~3,600 of a million.
 */
export function walkSortIndex(limit: number, matches: number, rows: number): boolean {
  return matches > 0 && matches * matches > 0.065 * (limit + 1) * rows;
}

export function onlyWatchFilter(q: SearchQuery): boolean {
  return q.watch !== undefined && q.watch !== 'all' && !hasFilters({ ...q, watch: 'all' });
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

/** The FTS matches library.search read before building its query (see buildSearch). */
export interface MatchIds {
  /**
   * The first matches in rowid order (`newestFirst`: from the newest), so every match between the
   * first and the last rowid here is here; all of them when complete.
   */
  ids: readonly number[];
  newestFirst?: boolean;
  complete: boolean;
  /** Rows in the library: with the number of matches, picks whether to walk the sort's index. */
  rows: number;
  /** The token of a match set (match-set.ts) loaded with `ids`: the index walk then tests rowids alone. */
  set?: number;
}

/** Whether a query needs its matches loaded as a match set (see buildSearch). */
export function wantsMatchSet(q: SearchQuery, strategy: Strategy, m: Pick<MatchIds, 'ids' | 'complete' | 'rows'>): boolean {
  if (m.ids.length === 0) return false;
  if (!m.complete) return strategy === 'scan';
  return ((q.sort ?? 'added') !== 'added' || hasFilters(q)) && walkSortIndex(q.limit, m.ids.length, m.rows);
}

/**
 * SQL for one page: filters, the match (see chooseStrategy), keyset after the cursor, ordered by the
 * sort's index. `countSql` counts the filtered matches among the first FTS matches (readCap):
 * exact below the cap, a floor above it. `matchIds` (the first matches, when the caller has read
 * them) spares SQLite evaluating the FTS query again: a long prefix ('documenta') merges every term
 * it starts, each time it is evaluated. With a match set loaded, 'scan' tests rows up to the last
 * match read by membership, and only the newer ones by their text.
 */
export function buildSearch(q: SearchQuery, strategy: Strategy = 'in', matchIds?: MatchIds): BuiltQuery {
  const sort = SORTS[q.sort ?? 'added'];
  const where: string[] = [];
  const params: unknown[] = [];
  const match = ftsQuery(q.query);
  const words = asciiWords(queryWords(q.query));
  const countWhere: string[] = [];
  const countParams: unknown[] = [];
  let json: string | null = null;
  const idsJson = () => (json ??= JSON.stringify(matchIds!.ids));
  // The ids as JSON only when the count is asked for (it is, only under a filter): 28,000 ids take ~2 ms.
  let countIdsAt = -1;
  if (match && matchIds) {
    countWhere.push('v.rowid IN (SELECT value FROM json_each(?))');
    countIdsAt = countParams.push(null) - 1;
  } else if (match) {
    countWhere.push('v.rowid IN (SELECT rowid FROM videos_fts WHERE videos_fts MATCH ? LIMIT ?)');
    countParams.push(match, readCap(q.limit, 0) + 1);
  }
  const cursor = decodeCursor(q.cursor);
  if (match && matchIds?.complete && matchIds.newestFirst && sort.key === 'v.rowid' && !hasFilters(q)) {
    // Newest first, unfiltered, every match read newest first: the page is the next ids in the list.
    const after = cursor ? Number(cursor.k) : Infinity;
    const page: number[] = [];
    for (const r of matchIds.ids) {
      if (r < after) page.push(r);
      if (page.length > q.limit) break;
    }
    where.push('v.rowid IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(page));
  } else if (match && matchIds?.complete && (strategy === 'in' || !words)) {
    // Many matches: walk the sort's index and test each entry against the matches, rather than read
    // and sort every match. By the match set (rowid only) when loaded; else a unary + keeps SQLite
    // from driving the loop by the match list.
    // Newest first walks a filter's index by rowid, which only the match set can test (unfiltered,
    // SQLite reads the matches newest first and stops after a page).
    const walk = walkSortIndex(q.limit, matchIds.ids.length, matchIds.rows) && (sort.key !== 'v.rowid' || matchIds.set !== undefined);
    if (walk && matchIds.set !== undefined) {
      where.push(`${MATCHED_FN}(?, v.rowid)`);
      params.push(matchIds.set);
    } else {
      where.push(`${walk ? '+' : ''}v.rowid IN (SELECT value FROM json_each(?))`);
      params.push(idsJson());
    }
  } else if (match && (strategy === 'in' || !words)) {
    where.push('v.rowid IN (SELECT rowid FROM videos_fts WHERE videos_fts MATCH ?)');
    params.push(match);
  } else if (match) {
    // A row only FTS5 can judge (non-ASCII text) is asked about on its own.
    const byText = `ifnull(${WORD_MATCH_FN}(v.title, v.uploader, v.description, ?), EXISTS (SELECT 1 FROM videos_fts WHERE videos_fts MATCH ? AND rowid = v.rowid))`;
    const last = matchIds?.ids[matchIds.ids.length - 1];
    if (matchIds?.set !== undefined && last !== undefined) {
      // Every match up to (from) the last one read is in the set: those rows are judged by rowid alone.
      where.push(`CASE WHEN v.rowid ${matchIds.newestFirst ? '>=' : '<='} ? THEN ${MATCHED_FN}(?, v.rowid) ELSE ${byText} END`);
      params.push(last, matchIds.set, words!.join(' '), match);
    } else {
      where.push(byText);
      params.push(words!.join(' '), match);
    }
  }
  const filterFrom = where.length;
  const filterParamsFrom = params.length;
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
  countWhere.push(...where.slice(filterFrom));
  countParams.push(...params.slice(filterParamsFrom));
  if (cursor) {
    const cmp = sort.dir === 'DESC' ? '<' : '>';
    where.push(`(${sort.key}, v.id) ${cmp} (?, ?)`);
    params.push(cursor.k, cursor.id);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const cw = countWhere.length ? `WHERE ${countWhere.join(' AND ')}` : '';
  return {
    // Ids and keys only: sorting thousands of matches need not carry every column of each along;
    // the page's rows are read afterwards by rowid.
    sql: `SELECT v.rowid AS rid, v.id AS id, ${sort.key.replace(/ COLLATE NOCASE$/, '')} AS sort_key FROM videos v ${w} ORDER BY ${sort.key} ${sort.dir}, v.id ${sort.dir} LIMIT ?`,
    // Matches under a watch filter alone: each one a seek in the small state index, not a table row.
    countSql: `SELECT count(*) AS n FROM videos v${match && onlyWatchFilter(q) ? ' INDEXED BY videos_by_watch' : ''} ${cw}`,
    params: [...params, q.limit + 1],
    get countParams() {
      if (countIdsAt >= 0) countParams[countIdsAt] = idsJson();
      return countParams;
    },
    sortKey: sort.key,
  };
}
