import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './open';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'vk-db-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('apply from empty to the latest version', () => {
    const db = openDatabase(join(dir, 'a.db'));
    expect(migrate(db)).toEqual({ from: 0, to: MIGRATIONS.length });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it.each(MIGRATIONS.map((m) => m.version))('apply from every earlier version (%i) to the latest', (v) => {
    const db = openDatabase(join(dir, `v${v}.db`));
    migrate(db, MIGRATIONS.slice(0, v));
    expect(db.pragma('user_version', { simple: true })).toBe(v);
    expect(migrate(db)).toEqual({ from: v, to: MIGRATIONS.length });
    db.close();
  });

  it('rebuild the search index with longer prefixes (011), keeping every video findable, old and new', () => {
    const db = openDatabase(join(dir, 'prefixes.db'));
    migrate(db, MIGRATIONS.slice(0, 10));
    const add = db.prepare(`INSERT INTO videos (id, site, site_id, title, uploader, description, file_path, source_url, added_at) VALUES (?, 'Y', ?, ?, 'Lighthouse Films', 'kept', 'x.mp4', ?, 1)`);
    add.run('a', 'a', 'Northern harbour at dawn', 'https://e/a');
    add.run('b', 'b', 'Frozen kitchen tour', 'https://e/b');
    migrate(db);
    add.run('c', 'c', 'Northern garden', 'https://e/c');
    const find = (q: string) => db.prepare('SELECT v.id FROM videos_fts f JOIN videos v ON v.rowid = f.rowid WHERE videos_fts MATCH ? ORDER BY v.id').pluck().all(q);
    expect(find('"northe"* "har"*')).toEqual(['a']);
    expect(find('"northern"*')).toEqual(['a', 'c']);
    expect(find('"lighthou"* "kitche"*')).toEqual(['b']);
    expect(find('"lighthouse"*')).toEqual(['a', 'b', 'c']);
    expect(() => db.exec("INSERT INTO videos_fts (videos_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'videos_fts'").pluck().get()).toMatch(/prefix = '1 2 3 4 5 6 7 8'/);
    db.close();
  });

  it('refuse a database from a newer VidKeep and leave it untouched', () => {
    const path = join(dir, 'newer.db');
    const db = openDatabase(path);
    migrate(db);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const before = readFileSync(path);
    const again = openDatabase(path);
    expect(() => migrate(again)).toThrowError(/newer VidKeep/);
    again.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('roll back a failing migration as a whole', () => {
    const db = openDatabase(join(dir, 'bad.db'));
    const bad = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'bad', sql: 'CREATE TABLE t(x); INSERT INTO nope VALUES (1);' }];
    expect(() => migrate(db, bad)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('give a clear error for a file that is not a database, and keep the file', () => {
    const path = join(dir, 'junk.db');
    writeFileSync(path, 'this is not sqlite, just some words that fill the header '.repeat(40));
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrowError(/damaged or is not a VidKeep database/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
