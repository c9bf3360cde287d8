import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
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
let clock = 1_700_000_000_000;

function addVideo(siteId: string, o: { title?: string; uploader?: string; description?: string; duration?: number; site?: string; audio?: boolean; thumb?: boolean } = {}) {
  const site = o.site ?? 'Vimeo';
  mkdirSync(join(lib, site), { recursive: true });
  const file = join(lib, site, `${siteId}.mp4`);
  writeFileSync(file, 'video-bytes');
  writeFileSync(join(lib, site, `${siteId}.info.json`), '{}');
  let thumb: string | null = null;
  if (o.thumb) writeFileSync((thumb = join(lib, site, `${siteId}.jpg`)), 'jpg');
  clock += 1000;
  return library.add({
    info: { id: siteId, extractor_key: site, title: o.title ?? siteId, uploader: o.uploader, description: o.description, duration: o.duration },
    filePath: file,
    thumbnailPath: thumb,
    sourceUrl: `https://example.com/${siteId}`,
    audioOnly: o.audio ?? false,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-lib-'));
  lib = join(dir, 'library');
  trash = join(dir, 'Trash');
  mkdirSync(lib);
  db = openDatabase(join(dir, 'db.sqlite'));
  migrate(db);
  library = createLibrary({ db, libraryDir: lib, now: () => clock, trashDir: trash });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('library add/get/find', () => {
  it('stores a video from its info json and finds it by id, source and URL', () => {
    const v = addVideo('abc', { title: 'Hello', uploader: 'Ann', duration: 12.5 });
    expect(v).toMatchObject({ site: 'Vimeo', siteId: 'abc', title: 'Hello', uploader: 'Ann', durationSec: 12.5, filePath: 'Vimeo/abc.mp4', sizeBytes: 11, missing: false, audioOnly: false });
    expect(library.get(v.id)).toEqual(v);
    expect(library.findBySource('Vimeo', 'abc')?.id).toBe(v.id);
    expect(library.findByUrl('https://example.com/abc')?.id).toBe(v.id);
    expect(library.findBySource('Vimeo', 'nope')).toBeNull();
  });

  it('keeps one row per site+id (a re-download updates it)', () => {
    const a = addVideo('abc', { title: 'Old' });
    const b = addVideo('abc', { title: 'New' });
    expect(b.id).toBe(a.id);
    expect(library.search({ query: '', limit: 10 }).total).toBe(1);
    expect(library.search({ query: 'new', limit: 10 }).total).toBe(1);
    expect(library.search({ query: 'old', limit: 10 }).total).toBe(0);
  });

  it('refuses a file outside the library', () => {
    writeFileSync(join(dir, 'x.mp4'), 'x');
    expect(() => library.add({ info: { id: 'x', extractor_key: 'Vimeo' }, filePath: join(dir, 'x.mp4'), sourceUrl: 'https://e.com/x', audioOnly: false })).toThrowError(expect.objectContaining({ code: 'outside-library' }));
  });

  it('keeps a hostile title as a title', () => {
    const title = `../../etc/passwd \u202Eevil/ 😀 ${'é'.repeat(120)}`;
    const v = addVideo('safe', { title });
    expect(v.title).toBe(title);
    expect(v.filePath).toBe('Vimeo/safe.mp4');
  });
});

describe('library search', () => {
  beforeEach(() => {
    addVideo('v1', { title: 'Catalogue of cats', uploader: 'Zed', duration: 30 });
    addVideo('v2', { title: 'Dog days', uploader: 'amy', description: 'a catapult appears', duration: 300, site: 'Youtube' });
    addVideo('v3', { title: 'Birds', uploader: 'Catherine', duration: 5, audio: true });
    addVideo('v4', { title: 'Élan vital', uploader: 'Bob' });
  });

  it('matches prefixes as you type, over title, uploader and description', () => {
    const ids = (q: string) => library.search({ query: q, limit: 10 }).items.map((v) => v.siteId).sort();
    expect(ids('cat')).toEqual(['v1', 'v2', 'v3']);
    expect(ids('catal')).toEqual(['v1']);
    expect(ids('dog da')).toEqual(['v2']);
    expect(ids('elan')).toEqual(['v4']);
    expect(ids('zzz')).toEqual([]);
  });

  it('lists everything for an empty query, newest first', () => {
    expect(library.search({ query: '  ', limit: 10 }).items.map((v) => v.siteId)).toEqual(['v4', 'v3', 'v2', 'v1']);
  });

  it('treats FTS syntax in the box as text', () => {
    for (const q of ['"', 'AND', 'title:cat', '*', 'NEAR(a b)', "'; DROP TABLE videos; --", '^-+']) {
      expect(() => library.search({ query: q, limit: 10 })).not.toThrow();
    }
    expect(library.search({ query: '', limit: 10 }).total).toBe(4);
  });

  it.each([
    ['title', ['v3', 'v1', 'v2', 'v4']],
    ['duration', ['v2', 'v1', 'v3', 'v4']],
    ['uploader', ['v2', 'v4', 'v3', 'v1']],
    ['added', ['v4', 'v3', 'v2', 'v1']],
  ] as const)('sorts by %s', (sort, order) => {
    expect(library.search({ query: '', limit: 10, sort }).items.map((v) => v.siteId)).toEqual(order);
  });

  it('filters by site and kind', () => {
    expect(library.search({ query: '', limit: 10, site: 'Youtube' }).items.map((v) => v.siteId)).toEqual(['v2']);
    expect(library.search({ query: '', limit: 10, kind: 'audio' }).items.map((v) => v.siteId)).toEqual(['v3']);
    expect(library.search({ query: '', limit: 10, kind: 'video' }).total).toBe(3);
    expect(library.sites()).toEqual(['Vimeo', 'Youtube']);
  });

  it.each(['added', 'title', 'duration', 'uploader'] as const)('pages by cursor through every row once (%s)', (sort) => {
    for (let i = 0; i < 23; i++) addVideo(`p${i}`, { title: `Page ${i % 5}`, duration: i % 3, uploader: i % 2 ? 'same' : undefined });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 20; n++) {
      const page = library.search({ query: '', limit: 4, sort, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(27);
      seen.push(...page.items.map((v) => v.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(27);
    expect(new Set(seen).size).toBe(27);
  });
});

describe('library files', () => {
  it('deletes to the freedesktop trash: video, thumbnail, info json and subtitles', async () => {
    const v = addVideo('del', { thumb: true });
    writeFileSync(join(lib, 'Vimeo', 'del.en.vtt'), 'WEBVTT');
    const keep = addVideo('del2');
    expect(await library.delete(v.id)).toBe(true);
    expect(library.get(v.id)).toBeNull();
    expect(readdirSync(join(lib, 'Vimeo')).sort()).toEqual(['del2.info.json', 'del2.mp4']);
    expect(readdirSync(join(trash, 'files')).sort()).toEqual(['del.en.vtt', 'del.info.json', 'del.jpg', 'del.mp4']);
    const info = readFileSync(join(trash, 'info', 'del.mp4.trashinfo'), 'utf8');
    expect(info).toMatch(/^\[Trash Info\]\nPath=\/.*\/Vimeo\/del\.mp4\nDeletionDate=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\n$/);
    expect(library.get(keep.id)).not.toBeNull();
    expect(await library.delete(v.id)).toBe(false);
  });

  it("uses the system trash when the host has one, and the freedesktop trash when it fails", async () => {
    const sysTrash = join(dir, 'SystemTrash');
    mkdirSync(sysTrash);
    const moved: string[] = [];
    library = createLibrary({
      db,
      libraryDir: lib,
      now: () => clock,
      trashDir: trash,
      trashItem: async (p) => {
        if (p.endsWith('.jpg')) throw new Error('the system trash refused this one');
        const { renameSync } = await import('node:fs');
        renameSync(p, join(sysTrash, p.split('/').pop()!));
        moved.push(p.split('/').pop()!);
      },
    });
    const v = addVideo('sys', { thumb: true });
    expect(await library.delete(v.id)).toBe(true);
    expect(moved.sort()).toEqual(['sys.info.json', 'sys.mp4']);
    expect(readdirSync(sysTrash).sort()).toEqual(['sys.info.json', 'sys.mp4']);
    expect(readdirSync(join(trash, 'files'))).toEqual(['sys.jpg']);
    expect(existsSync(join(lib, 'Vimeo', 'sys.mp4'))).toBe(false);
  });

  it('a subscription owns the rows its downloads create until the user asks for the video by hand', () => {
    const owner = (id: string) => (db.prepare('SELECT subscription_id AS s FROM videos WHERE id = ?').get(id) as { s: string | null }).s;
    mkdirSync(join(lib, 'Vimeo'), { recursive: true });
    const add = (subscriptionId: string | null) => {
      writeFileSync(join(lib, 'Vimeo', 'own.mp4'), 'x');
      return library.add({ info: { id: 'own', extractor_key: 'Vimeo', title: 'Own' }, filePath: join(lib, 'Vimeo', 'own.mp4'), sourceUrl: 'https://example.com/own', audioOnly: false, subscriptionId });
    };
    const v = add('sub-a');
    expect(owner(v.id)).toBe('sub-a');
    add('sub-b');
    expect(owner(v.id)).toBe('sub-a');
    add(null);
    expect(owner(v.id)).toBeNull();
    add('sub-a');
    expect(owner(v.id)).toBeNull();
    const w = addVideo('other');
    db.prepare("UPDATE videos SET subscription_id = 'sub-a' WHERE id = ?").run(w.id);
    library.disown(w.id);
    expect(owner(w.id)).toBeNull();
  });

  it('a kept video is flagged and the flag survives a re-download of the same video', () => {
    const v = addVideo('kp');
    expect(v.keep).toBe(false);
    expect(library.setKeep(v.id, true)?.keep).toBe(true);
    expect(addVideo('kp').keep).toBe(true);
    expect(library.setKeep('nope', true)).toBeNull();
  });

  it('does not overwrite an earlier file of the same name in the trash', async () => {
    const a = addVideo('same');
    await library.delete(a.id);
    const b = addVideo('same');
    await library.delete(b.id);
    expect(readdirSync(join(trash, 'files'))).toEqual(expect.arrayContaining(['same.mp4', 'same.mp4.2']));
  });

  it('unlinks when there is no trash', async () => {
    library = createLibrary({ db, libraryDir: lib, trashDir: null });
    const v = addVideo('gone');
    await library.delete(v.id);
    expect(existsSync(join(lib, 'Vimeo', 'gone.mp4'))).toBe(false);
    expect(existsSync(trash)).toBe(false);
  });

  it('marks vanished files missing, never deletes them, and clears the mark when they return', () => {
    const v = addVideo('m1');
    addVideo('m2');
    unlinkSync(join(lib, 'Vimeo', 'm1.mp4'));
    expect(library.markMissing()).toEqual({ missing: 1, present: 1 });
    expect(library.get(v.id)?.missing).toBe(true);
    expect(library.search({ query: '', limit: 10 }).total).toBe(2);
    writeFileSync(join(lib, 'Vimeo', 'm1.mp4'), 'back');
    library.markMissing();
    expect(library.get(v.id)?.missing).toBe(false);
  });

  it('resolves media inside the library and refuses links that lead out', async () => {
    const v = addVideo('r1', { thumb: true });
    expect(await library.resolveMedia(v.id, 'video')).toMatch(/library\/Vimeo\/r1\.mp4$/);
    expect(await library.resolveMedia(v.id, 'thumb')).toMatch(/r1\.jpg$/);
    expect(await library.resolveMedia('unknown', 'video')).toBeNull();
    const noThumb = addVideo('r2');
    expect(await library.resolveMedia(noThumb.id, 'thumb')).toBeNull();
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    unlinkSync(join(lib, 'Vimeo', 'r1.mp4'));
    symlinkSync(join(dir, 'secret.txt'), join(lib, 'Vimeo', 'r1.mp4'));
    expect(await library.resolveMedia(v.id, 'video')).toBeNull();
    unlinkSync(join(lib, 'Vimeo', 'r1.mp4'));
    expect(await library.resolveMedia(v.id, 'video')).toBeNull();
  });

  it('resolves through a library folder that is itself a symlink', async () => {
    const link = join(dir, 'lib-link');
    symlinkSync(lib, link);
    const viaLink = createLibrary({ db, libraryDir: link, trashDir: null });
    const v = addVideo('s1');
    expect(await viaLink.resolveMedia(v.id, 'video')).toMatch(/Vimeo\/s1\.mp4$/);
  });
});
