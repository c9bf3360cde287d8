import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createLibrary, type Library } from './index';

let dir: string;
let lib: string;
let trash: string;
let db: Db;
let library: Library;

function add(site: string, id: string, sourceUrl: string, file = `${id}.mp4`) {
  mkdirSync(join(lib, site), { recursive: true });
  writeFileSync(join(lib, site, file), sourceUrl);
  return library.add({ info: { id, extractor_key: site, title: id }, filePath: join(lib, site, file), sourceUrl, audioOnly: false });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-ident-'));
  lib = join(dir, 'library');
  trash = join(dir, 'Trash');
  mkdirSync(lib);
  db = openDatabase(join(dir, 'db.sqlite'));
  migrate(db);
  library = createLibrary({ db, libraryDir: lib, trashDir: trash });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('video identity', () => {
  it('direct links with the same file name on different hosts are different videos', () => {
    const a = add('Generic', 'clip', 'https://a.example/clip.mp4', 'a.example_clip.mp4');
    const b = add('Generic', 'clip', 'https://b.example/clip.mp4', 'b.example_clip.mp4');
    expect(b.id).not.toBe(a.id);
    expect(library.get(a.id)).toMatchObject({ sourceUrl: 'https://a.example/clip.mp4', filePath: 'Generic/a.example_clip.mp4' });
    expect(library.get(b.id)).toMatchObject({ sourceUrl: 'https://b.example/clip.mp4', filePath: 'Generic/b.example_clip.mp4' });
    // A generic id names no video by itself; the link does.
    expect(library.findBySource('Generic', 'clip')).toBeNull();
    expect(library.findByUrl('https://b.example/clip.mp4')?.id).toBe(b.id);
    // The same link again is the same video (one row, same id).
    expect(add('Generic', 'clip', 'https://a.example/clip.mp4', 'a.example_clip.mp4').id).toBe(a.id);
    expect(library.search({ query: '', limit: 10 }).total).toBe(2);
  });

  it('a site video is one video whatever link brought it', () => {
    const a = add('Youtube', 'abc123', 'https://www.youtube.com/watch?v=abc123');
    expect(library.findBySource('Youtube', 'abc123')?.id).toBe(a.id);
    expect(add('Youtube', 'abc123', 'https://youtu.be/abc123').id).toBe(a.id);
  });

  it('ids are random, not derived from the site and id (another page cannot compute them)', () => {
    const a = add('Youtube', 'same', 'https://www.youtube.com/watch?v=same');
    const dir2 = mkdtempSync(join(tmpdir(), 'vk-ident2-'));
    try {
      const db2 = openDatabase(join(dir2, 'db.sqlite'));
      migrate(db2);
      mkdirSync(join(dir2, 'lib', 'Youtube'), { recursive: true });
      writeFileSync(join(dir2, 'lib', 'Youtube', 'same.mp4'), 'x');
      const other = createLibrary({ db: db2, libraryDir: join(dir2, 'lib'), trashDir: null });
      const b = other.add({ info: { id: 'same', extractor_key: 'Youtube' }, filePath: join(dir2, 'lib', 'Youtube', 'same.mp4'), sourceUrl: 'https://www.youtube.com/watch?v=same', audioOnly: false });
      db2.close();
      expect(a.id).toMatch(/^[0-9a-f]{24}$/);
      expect(b.id).toMatch(/^[0-9a-f]{24}$/);
      expect(b.id).not.toBe(a.id);
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});

describe('permanent delete', () => {
  it('a permanent delete frees the space; a plain delete goes to the trash', async () => {
    const a = add('Vimeo', 'gone', 'https://vimeo.com/gone');
    writeFileSync(join(lib, 'Vimeo', 'gone.info.json'), '{}');
    const b = add('Vimeo', 'trashed', 'https://vimeo.com/trashed');
    expect(await library.delete(a.id, { permanent: true })).toBe(true);
    expect(existsSync(join(lib, 'Vimeo', 'gone.mp4'))).toBe(false);
    expect(existsSync(join(lib, 'Vimeo', 'gone.info.json'))).toBe(false);
    expect(existsSync(join(trash, 'files'))).toBe(false);
    expect(await library.delete(b.id)).toBe(true);
    expect(readdirSync(join(trash, 'files'))).toEqual(['trashed.mp4']);
    expect(library.get(a.id)).toBeNull();
  });
});
