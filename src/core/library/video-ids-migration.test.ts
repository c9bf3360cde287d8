import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { createLibrary } from './index';

/** How ids were made before: anyone could compute them from a site and an id. */
const oldId = (site: string, siteId: string) => createHash('sha256').update(`${site}\0${siteId}`).digest('hex').slice(0, 16);

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-rekey-'));
  db = openDatabase(join(dir, 'db.sqlite'));
  migrate(db, MIGRATIONS.filter((m) => m.version < 5));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertVideo = (site: string, siteId: string, url: string, title: string) =>
  db
    .prepare('INSERT INTO videos (id, site, site_id, title, file_path, source_url, added_at) VALUES (?, ?, ?, ?, ?, ?, 1)')
    .run(oldId(site, siteId), site, siteId, title, `${site}/${siteId}.mp4`, url);
const insertJob = (id: string, result: unknown) =>
  db
    .prepare(`INSERT INTO jobs (id, name, queue, state, payload, run_at, max_tries, timeout_ms, keep_ms, keep_failed_ms, created_at, result) VALUES (?, 'download', 'default', 'succeeded', '{}', 0, 3, 0, 0, 0, 0, ?)`)
    .run(id, result === null ? null : JSON.stringify(result));

describe('migration: random video ids', () => {
  it('gives every kept video a random id, keeps the job history pointing at it, and keys generic videos by link', () => {
    insertVideo('Youtube', 'abc', 'https://www.youtube.com/watch?v=abc', 'Kittens at play');
    insertVideo('Generic', 'clip', 'https://a.example/clip.mp4', 'Clip A');
    insertJob('j1', { videoId: oldId('Youtube', 'abc') });
    insertJob('j2', { alreadyKept: oldId('Generic', 'clip') });
    insertJob('j3', { expanded: 3, playlistTitle: null });
    insertJob('j4', null);
    insertJob('j5', { videoId: 'not-a-video' });

    migrate(db);

    const rows = db.prepare('SELECT id, site, site_id FROM videos ORDER BY site').all() as Array<{ id: string; site: string; site_id: string }>;
    expect(rows.map((r) => r.id)).not.toContain(oldId('Youtube', 'abc'));
    expect(rows.map((r) => r.id)).not.toContain(oldId('Generic', 'clip'));
    for (const r of rows) expect(r.id).toMatch(/^[0-9a-f]{24}$/);
    const [generic, youtube] = rows;
    expect(generic).toMatchObject({ site: 'Generic', site_id: 'https://a.example/clip.mp4' });
    expect(youtube).toMatchObject({ site: 'Youtube', site_id: 'abc' });
    const result = (id: string) => {
      const r = db.prepare('SELECT result FROM jobs WHERE id = ?').get(id) as { result: string | null };
      return r.result === null ? null : JSON.parse(r.result);
    };
    expect(result('j1')).toEqual({ videoId: youtube!.id });
    expect(result('j2')).toEqual({ alreadyKept: generic!.id });
    expect(result('j3')).toEqual({ expanded: 3, playlistTitle: null });
    expect(result('j4')).toBeNull();
    expect(result('j5')).toEqual({ videoId: 'not-a-video' });

    // The library works on the migrated rows: search (FTS by rowid), get, and the same link again.
    const lib = join(dir, 'lib');
    mkdirSync(join(lib, 'Generic'), { recursive: true });
    const library = createLibrary({ db, libraryDir: lib, trashDir: null });
    expect(library.search({ query: 'kitt', limit: 10 }).items.map((v) => v.id)).toEqual([youtube!.id]);
    expect(library.findByUrl('https://a.example/clip.mp4')?.id).toBe(generic!.id);
    writeFileSync(join(lib, 'Generic', 'clip.mp4'), 'x');
    const again = library.add({ info: { id: 'clip', extractor_key: 'Generic' }, filePath: join(lib, 'Generic', 'clip.mp4'), sourceUrl: 'https://a.example/clip.mp4', audioOnly: false });
    expect(again.id).toBe(generic!.id);
    expect(library.search({ query: '', limit: 10 }).total).toBe(2);
  });
});
