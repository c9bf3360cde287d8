// The library bench seeds its million rows with indexes and triggers set aside; these check that the
// result is the database the app itself would hold, and that the app's own search finds the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src/core/db/open';
import { createLibrary } from '../src/core/library/index';
import { cached, seedSubtitles, seedVideos } from '../bench/library-seed';

let dir: string;
const ROWS = 3000;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-seed-'));
  seedVideos(join(dir, 'bulk', 'db.sqlite'), join(dir, 'lib'), ROWS);
  seedVideos(join(dir, 'app', 'db.sqlite'), join(dir, 'lib'), ROWS, { bulk: false });
  seedSubtitles(join(dir, 'subs', 'db.sqlite'), join(dir, 'lib'), 6, 300);
  seedSubtitles(join(dir, 'subs-app', 'db.sqlite'), join(dir, 'lib'), 6, 300, { bulk: false });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (name: string) => openDatabase(join(dir, name, 'db.sqlite'), { readonly: true });
const all = (db: Db, sql: string, ...p: unknown[]) => db.prepare(sql).all(...p);

describe('bench seed (bulk) = the database the triggers build', () => {
  it('has the same schema, rows, watch counts and FTS answers as rows added one by one through the triggers', () => {
    const [a, b] = [open('bulk'), open('app')];
    try {
      const schema = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name";
      expect(all(a, schema)).toEqual(all(b, schema));
      expect(all(a, 'SELECT rowid, * FROM videos ORDER BY rowid')).toEqual(all(b, 'SELECT rowid, * FROM videos ORDER BY rowid'));
      expect(all(a, 'SELECT * FROM video_counts ORDER BY watch_state')).toEqual(all(b, 'SELECT * FROM video_counts ORDER BY watch_state'));
      expect((a.prepare('SELECT sum(n) AS n FROM video_counts').get() as { n: number }).n).toBe(ROWS);
      for (const q of ['"quiet"*', '"lig"*', '"harbour" "tour"', '"2999"', '"studio"*']) {
        const hits = all(a, 'SELECT rowid FROM videos_fts WHERE videos_fts MATCH ? ORDER BY rowid', q);
        expect(hits.length).toBeGreaterThan(0);
        expect(hits).toEqual(all(b, 'SELECT rowid FROM videos_fts WHERE videos_fts MATCH ? ORDER BY rowid', q));
      }
    } finally {
      a.close();
      b.close();
    }
  });

  it('passes FTS5 integrity-check against the content tables (the index holds exactly the rows)', () => {
    for (const name of ['bulk', 'subs']) {
      const db = openDatabase(join(dir, name, 'db.sqlite'));
      try {
        expect(() => db.exec("INSERT INTO videos_fts (videos_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
        if (name === 'subs') expect(() => db.exec("INSERT INTO subtitle_fts (subtitle_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
      } finally {
        db.close();
      }
    }
  });

  it('is found by the app\'s own search, filters and totals', () => {
    const db = openDatabase(join(dir, 'bulk', 'db.sqlite'));
    try {
      const library = createLibrary({ db, libraryDir: join(dir, 'lib'), trashDir: null });
      const row = db.prepare('SELECT id, title FROM videos WHERE rowid = 1234').get() as { id: string; title: string };
      const page = library.search({ query: row.title, limit: 10 });
      expect(page.items.map((v) => v.id)).toEqual([row.id]);
      expect(library.search({ query: '', limit: 1 }).total).toBe(ROWS);
      const unwatched = (db.prepare('SELECT count(*) AS n FROM videos WHERE watch_state = 0').get() as { n: number }).n;
      expect(unwatched).toBeGreaterThan(0);
      expect(library.search({ query: '', limit: 1, watch: 'unwatched' }).total).toBe(unwatched);
      // A video added by the app afterwards lands in the same index as the seeded ones.
      expect(library.search({ query: 'quiet', limit: 500 }).items.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('seeds subtitle lines the app finds by phrase, like lines added one by one', () => {
    const [a, b] = [openDatabase(join(dir, 'subs', 'db.sqlite')), open('subs-app')];
    try {
      expect(all(a, 'SELECT * FROM subtitle_lines ORDER BY id')).toEqual(all(b, 'SELECT * FROM subtitle_lines ORDER BY id'));
      const line = a.prepare('SELECT video_id, text, start_ms FROM subtitle_lines WHERE id = 777').get() as { video_id: string; text: string; start_ms: number };
      const library = createLibrary({ db: a, libraryDir: join(dir, 'lib'), trashDir: null });
      const hits = library.searchSubtitles(line.text, 2000);
      expect(hits).toContainEqual(expect.objectContaining({ videoId: line.video_id, startSec: line.start_ms / 1000, text: line.text }));
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('bench seed cache', () => {
  it('seeds once per folder, builds beside it, and sweeps what a dead run or an older schema left', () => {
    const target = join(dir, 'cache', 'videos-rows50-aaaaaaaaaaaa');
    const older = join(dir, 'cache', 'videos-rows50-bbbbbbbbbbbb');
    const other = join(dir, 'cache', 'videos-rows60-bbbbbbbbbbbb');
    seedVideos(join(older, 'data', 'vidkeep.db'), join(older, 'library'), 5);
    seedVideos(join(other, 'data', 'vidkeep.db'), join(other, 'library'), 5);
    let calls = 0;
    const seed = (into: string) => {
      calls++;
      return seedVideos(join(into, 'data', 'vidkeep.db'), join(into, 'library'), 50);
    };
    // A run that was killed half-way (no such process): its partial copy goes.
    const stale = `${target}.partial-999999999`;
    seedVideos(join(stale, 'data', 'vidkeep.db'), join(stale, 'library'), 5);
    const first = cached(target, seed);
    expect(first.seeded).not.toBeNull();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(older)).toBe(false);
    const again = cached(target, seed);
    expect(again.seeded).toBeNull();
    expect(calls).toBe(1);
    expect(readdirSync(join(dir, 'cache')).sort()).toEqual(['videos-rows50-aaaaaaaaaaaa', 'videos-rows60-bbbbbbbbbbbb']);
    expect(existsSync(join(target, 'data', 'vidkeep.db'))).toBe(true);
  });
});
