// Both search plans ('in': collect FTS matches and sort; 'scan': walk the sort index and test each
// row's text) must give exactly what a brute-force query gives: the same videos, the same order,
// page after page. Checked on a small random library with awkward text (punctuation, underscores,
// digits, non-ASCII, empty columns, equal titles).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createLibrary, type Library } from './index';
import { buildSearch, COUNT_CAP, ftsQuery, walkSortIndex, type MatchIds, type Strategy } from './search';
import { registerMatchSet, type MatchSet } from './match-set';
import { registerWordMatch, wordsMatch } from './word-match';
import type { SearchQuery } from './types';
import type { Row } from './rows';

const WORDS = ['cat', 'catalogue', 'Cat_nap', 'dog', 'dogma', 'x-ray', 'live', 'LIVE2', '2024', 'café', 'Ünïcode', 'Über', 'Straße', 'Œuvre', 'Ærø', '東京', 'naïve', 'river', 'rivet', 'a', 'b×c'];
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const text = (n: number) => Array.from({ length: 1 + Math.floor(rand() * n) }, () => pick(WORDS)).join(pick([' ', ', ', '.', ' - ', '/']));

let dir: string;
let db: Db;
let library: Library;
let matchSet: MatchSet;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-strategies-'));
  db = openDatabase(join(dir, 'db.sqlite'), { synchronous: 'NORMAL' });
  migrate(db);
  const ins = db.prepare(`INSERT INTO videos (id, site, site_id, title, uploader, description, duration, size, file_path, source_url, added_at, watch_state)
    VALUES (?, ?, ?, ?, ?, ?, ?, 1, 'x.mp4', ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < 800; i++) {
      ins.run(
        `v${Math.floor(rand() * 1e9).toString(36)}${i}`, pick(['Youtube', 'Vimeo']), `s${i}`,
        rand() < 0.1 ? 'same title' : text(4), rand() < 0.2 ? null : text(2), rand() < 0.3 ? null : text(6),
        rand() < 0.1 ? null : Math.floor(rand() * 50), `https://e.com/${i}`, 1e12 + i, Math.floor(rand() * 3),
      );
    }
  })();
  library = createLibrary({ db, libraryDir: dir, trashDir: null });
  matchSet = registerMatchSet(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * How a plan gets its matches, as library.search passes them: 'fts' asks FTS5 in the query; 'ids'
 * reads them once (all of them); 'walk' also walks the sort's index testing each entry against the
 * ids (as JSON), 'set' against a loaded match set; 'partial' reads only the first half (in rowid
 * order, as the read cap stops), loaded as a match set, the rest left to the scan's row test;
 * 'partial-newest' the same from the newest match down; 'ids-newest' all of them, newest first.
 */
type Feed = 'fts' | 'ids' | 'ids-newest' | 'walk' | 'set' | 'partial' | 'partial-newest';

/** Every id, in order, by following the cursor from page to page with one plan. */
function walk(q: Omit<SearchQuery, 'limit' | 'cursor'>, strategy: Strategy, feed: Feed = 'fts'): string[] {
  const out: string[] = [];
  let cursor: string | undefined;
  const newestFirst = feed === 'partial-newest' || feed === 'ids-newest';
  const all = db.prepare(`SELECT rowid FROM videos_fts WHERE videos_fts MATCH ? ORDER BY rowid ${newestFirst ? 'DESC' : ''}`).pluck().all(ftsQuery(q.query)) as number[];
  const partial = feed === 'partial' || feed === 'partial-newest';
  const ids = partial ? all.slice(0, Math.ceil(all.length / 2)) : all;
  for (let guard = 0; guard < 500; guard++) {
    // rows 1: any number of matches is "many", so the sort's index is walked; 1e9: never.
    const matchIds: MatchIds | undefined = feed === 'fts' ? undefined : { ids, complete: !partial, rows: feed === 'walk' || feed === 'set' ? 1 : 1e9, newestFirst };
    if (matchIds && (feed === 'set' || partial)) matchIds.set = matchSet.load(ids);
    const b = buildSearch({ ...q, limit: 37, ...(cursor ? { cursor } : {}) }, strategy, matchIds);
    if (ids.length > 0 && q.sort !== 'added') {
      if (feed === 'walk') expect(b.sql).toContain('+v.rowid IN');
      if (feed === 'set' || (partial && strategy === 'scan' && /^[a-z0-9 ]+$/i.test(q.query))) expect(b.sql).toContain('vk_matched(');
    }
    const rows = db.prepare(b.sql).all(...b.params) as Row[];
    out.push(...rows.slice(0, 37).map((r) => r.id));
    if (rows.length <= 37) return out;
    const last = rows[36]!;
    cursor = Buffer.from(JSON.stringify([last.sort_key, last.id])).toString('base64url');
  }
  throw new Error('paging did not end');
}

const KEYS = { added: 'v.rowid DESC', title: 'v.title COLLATE NOCASE ASC, v.id ASC', duration: 'ifnull(v.duration, -1) DESC, v.id DESC', uploader: "ifnull(v.uploader, '') COLLATE NOCASE ASC, v.id ASC" } as const;

/** The truth: FTS5 decides what matches, SQLite sorts everything. */
function bruteForce(q: Omit<SearchQuery, 'limit' | 'cursor'>): string[] {
  const where = ['v.rowid IN (SELECT rowid FROM videos_fts WHERE videos_fts MATCH ?)'];
  const params: unknown[] = [ftsQuery(q.query)];
  if (q.watch && q.watch !== 'all') {
    where.push('v.watch_state = ?');
    params.push({ unwatched: 0, 'in-progress': 1, watched: 2 }[q.watch]);
  }
  if (q.site) {
    where.push('v.site = ?');
    params.push(q.site);
  }
  const sql = `SELECT v.id FROM videos v WHERE ${where.join(' AND ')} ORDER BY ${KEYS[(q.sort ?? 'added') as keyof typeof KEYS]}`;
  return (db.prepare(sql).all(...params) as Array<{ id: string }>).map((r) => r.id);
}

describe('search plans agree with a brute-force query', () => {
  const queries = ['c', 'ca', 'cat', 'catal', 'cat nap', 'nap', 'x', 'ray', 'x ray', 'live2', 'live 2', '2024', 'riv', 'rive', 'dog cat', 'a', 'b c', 'café', 'cafe', 'caf', 'unicode', 'ünï', 'uber', 'strasse', 'stra', 'uvre', 'oeuvre', 'aero', 'ae', 'naive', '東京', 'same ti', 'zzz'];
  it.each(['added', 'title', 'duration', 'uploader'] as const)('sorted by %s, every query, unfiltered and filtered', (sort) => {
    let compared = 0;
    for (const query of queries) {
      for (const filter of [{}, { watch: 'unwatched' as const }, { site: 'Vimeo', watch: 'watched' as const }]) {
        const q = { query, sort, ...filter };
        const truth = bruteForce(q);
        expect(walk(q, 'in'), `${query} by ${sort} (in)`).toEqual(truth);
        expect(walk(q, 'in', 'ids'), `${query} by ${sort} (in, ids read once)`).toEqual(truth);
        expect(walk(q, 'in', 'ids-newest'), `${query} by ${sort} (in, ids read once, newest first)`).toEqual(truth);
        expect(walk(q, 'in', 'walk'), `${query} by ${sort} (in, sort index walked)`).toEqual(truth);
        expect(walk(q, 'in', 'set'), `${query} by ${sort} (in, sort index walked with a match set)`).toEqual(truth);
        expect(walk(q, 'scan'), `${query} by ${sort} (scan)`).toEqual(truth);
        expect(walk(q, 'scan', 'partial'), `${query} by ${sort} (scan, half the matches read)`).toEqual(truth);
        expect(walk(q, 'scan', 'partial-newest'), `${query} by ${sort} (scan, the newest half read)`).toEqual(truth);
        compared += truth.length;
      }
    }
    expect(compared).toBeGreaterThan(2500);
  });
});

describe('walking the sort index', () => {
  it('pays off only for many matches in a big library', () => {
    expect(walkSortIndex(200, 1_800, 1_000_000)).toBe(false);
    expect(walkSortIndex(200, 26_000, 1_000_000)).toBe(true);
    expect(walkSortIndex(200, 3_000, 100_000)).toBe(true);
    expect(walkSortIndex(200, 0, 1_000_000)).toBe(false);
  });
});

describe('word match (the row test of the scan plan)', () => {
  it('agrees with FTS5 on ASCII text and leaves anything else to FTS5', () => {
    registerWordMatch(db);
    expect(wordsMatch('Cat_nap, x-ray', ['nap', 'ray', 'x'])).toBe(1);
    expect(wordsMatch('catalogue', ['alog'])).toBe(0);
    expect(wordsMatch('Über café', ['caf', 'uber'])).toBe(1);
    expect(wordsMatch('Straße', ['strass'])).toBeNull();
    expect(wordsMatch('東京 river', ['riv'])).toBeNull();
    const rows = db.prepare('SELECT rowid, title, uploader, description FROM videos').all() as Array<{ rowid: number; title: string; uploader: string | null; description: string | null }>;
    for (const words of [['cat'], ['nap'], ['x', 'ray'], ['live2'], ['2'], ['riv', 'dog'], ['uber'], ['unicode'], ['cafe'], ['c'], ['stra'], ['uvre'], ['b'], ['naive']]) {
      const fts = new Set((db.prepare('SELECT rowid FROM videos_fts WHERE videos_fts MATCH ?').all(ftsQuery(words.join(' '))) as Array<{ rowid: number }>).map((r) => r.rowid));
      for (const r of rows) {
        const m = wordsMatch(`${r.title} ${r.uploader ?? ''} ${r.description ?? ''}`, words);
        if (m !== null) expect(m === 1, `${words.join(' ')} in #${r.rowid}`).toBe(fts.has(r.rowid));
      }
    }
  });
});

describe('totals', () => {
  it('are exact up to the cap, and a floor ("at least") past it', () => {
    expect(library.search({ query: 'cat', limit: 5 }).total).toBe(bruteForce({ query: 'cat' }).length);
    expect(library.search({ query: 'cat', limit: 5 }).totalAtLeast).toBeUndefined();
    expect(library.search({ query: 'cat', limit: 5, watch: 'unwatched' }).total).toBe(bruteForce({ query: 'cat', watch: 'unwatched' }).length);
    const big = mkdtempSync(join(tmpdir(), 'vk-cap-'));
    const d = openDatabase(join(big, 'db.sqlite'), { synchronous: 'NORMAL' });
    try {
      migrate(d);
      const ins = d.prepare(`INSERT INTO videos (id, site, site_id, title, file_path, source_url, added_at, watch_state) VALUES (?, 'Y', ?, ?, 'x', ?, ?, ?)`);
      d.transaction(() => {
        for (let i = 0; i < COUNT_CAP + 50; i++) ins.run(`id${i}`, `s${i}`, `match ${i}`, `u${i}`, i, i % 2);
      })();
      const lib = createLibrary({ db: d, libraryDir: big, trashDir: null });
      const page = lib.search({ query: 'match', limit: 10, sort: 'title' });
      expect(page).toMatchObject({ total: COUNT_CAP, totalAtLeast: true });
      expect(page.items.map((v) => v.title)).toEqual(bruteForceTitles(d, 10));
      const unwatched = lib.search({ query: 'mat', limit: 10, watch: 'unwatched' });
      expect(unwatched.totalAtLeast).toBe(true);
      expect(unwatched.total).toBeGreaterThan(COUNT_CAP / 2 - 10);
      expect(unwatched.total).toBeLessThanOrEqual((COUNT_CAP + 50) / 2);
      expect(lib.search({ query: 'match 2005', limit: 10 })).toMatchObject({ total: 1 });
    } finally {
      d.close();
      rmSync(big, { recursive: true, force: true });
    }
  });
});

function bruteForceTitles(d: Db, n: number): string[] {
  return (d.prepare('SELECT title FROM videos ORDER BY title COLLATE NOCASE, id LIMIT ?').all(n) as Array<{ title: string }>).map((r) => r.title);
}
