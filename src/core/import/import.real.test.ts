// Import a folder through the real core: real SQLite, queue, ffprobe and files; a generated tree
// with good files, files without metadata and garbage of every kind.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeMedia, type Media } from '../../../test/fixtures/media';
import { createCore, type Core } from '../index';
import type { ImportMode, ImportStatus } from '../../shared/import';

let media: Media;
let dir: string;
const cores: Core[] = [];
beforeAll(() => void (media = makeMedia(join(tmpdir(), 'vidkeep-test-media'))), 120_000);
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  rmSync(dir, { recursive: true, force: true });
});

const trashed: string[] = [];
async function core(): Promise<Core> {
  const c = await createCore({
    dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test',
    trashItem: async (p) => {
      trashed.push(p);
      rmSync(p);
    },
  });
  cores.push(c);
  return c;
}

async function importAndWait(c: Core, folder: string, mode: ImportMode, onStatus?: (s: ImportStatus) => void): Promise<ImportStatus> {
  const started = await c.handlers['import.start']({ folder, mode });
  return new Promise((resolve) => {
    const off = c.events.on('import.changed', (s) => {
      if (s.jobId !== started.jobId) return;
      onStatus?.(s);
      if (s.state === 'done' || s.state === 'cancelled' || s.state === 'failed') {
        off();
        resolve(s);
      }
    });
  });
}

const info = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, extractor_key: 'Youtube', title: `Video ${id}`, uploader: 'Harbour Keeper', upload_date: '20240102', description: `About ${id}`, duration: 2, webpage_url: `https://www.youtube.com/watch?v=${id}`, ...extra });

/** The tree of the issue: with and without info json, nested, and garbage of every kind. */
function makeTree(root: string): void {
  mkdirSync(join(root, 'a', 'b'), { recursive: true });
  copyFileSync(media.mp4, join(root, 'a', 'dawn.mp4'));
  writeFileSync(join(root, 'a', 'dawn.info.json'), info('dawn1', { title: 'Lighthouse at dawn', chapters: [{ title: 'Opening', start_time: 0, end_time: 1 }, { title: 'End', start_time: 1, end_time: 2 }] }));
  copyFileSync(media.watch.subtitles.en, join(root, 'a', 'dawn.en.vtt'));
  writeFileSync(join(root, 'a', 'dawn.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  copyFileSync(media.watch.mp4, join(root, 'a', 'b', 'family picnic.mp4'));
  writeFileSync(join(root, 'zero.mp4'), '');
  writeFileSync(join(root, 'random.mp4'), randomBytes(4096));
  writeFileSync(join(root, 'notes.mkv'), 'this is a shopping list, not a video\n');
  copyFileSync(media.mp4, join(root, 'broken.mp4'));
  writeFileSync(join(root, 'broken.info.json'), '{"id": "x", "title": ');
  writeFileSync(join(root, 'cut.mp4'), readFileSync(media.mp4).subarray(0, 2000));
  writeFileSync(join(root, 'cut.info.json'), info('cut1', { format_id: '18', filesize: media.mp4Bytes }));
  writeFileSync(join(dir, 'outside.mp4'), readFileSync(media.mp4));
  symlinkSync(join(dir, 'outside.mp4'), join(root, 'escape.mp4'));
  symlinkSync(dir, join(root, 'up'));
  writeFileSync(join(root, 'archive.txt'), 'youtube kept-elsewhere\n# comment\n');
}

describe('import a folder', () => {
  it('imports good files where they are, lists the rest with reasons, and skips all of it the second time', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vk-import-'));
    const src = join(dir, 'src');
    makeTree(src);
    const c = await core();
    const first = await importAndWait(c, src, 'in-place');
    expect(first).toMatchObject({ state: 'done', found: 7, imported: 2, alreadyKept: 0, archived: 1 });
    const reasons = Object.fromEntries(first.skippedFiles.map((s) => [s.path, s.reason]));
    expect(reasons).toEqual({ 'zero.mp4': 'empty', 'random.mp4': 'notMedia', 'notes.mkv': 'notMedia', 'broken.mp4': 'brokenInfo', 'cut.mp4': 'truncated', 'escape.mp4': 'link' });

    const dawn = c.library.search({ query: 'lighthouse', limit: 10 }).items;
    expect(dawn.map((v) => [v.title, v.uploader, v.durationSec, v.site, v.siteId, v.hasThumbnail])).toEqual([['Lighthouse at dawn', 'Harbour Keeper', 2, 'Youtube', 'dawn1', true]]);
    const picnic = c.library.search({ query: 'picnic', limit: 10 }).items[0]!;
    expect(picnic.site).toBe('Local');
    expect(picnic.durationSec).toBeCloseTo(media.watch.durationSec, 0);
    // Left where it is, in the user's own folder: VidKeep writes nothing there, not even a poster.
    expect(c.queue.get(`poster.${picnic.id}`)).toBeFalsy();
    expect(picnic.hasThumbnail).toBe(false);
    // Playback, chapters and subtitles resolve inside the granted folder; nothing else does.
    expect(await c.resolveMedia('video', dawn[0]!.id)).toBe(join(src, 'a', 'dawn.mp4'));
    const playback = await c.handlers['library.playback']({ videoId: dawn[0]!.id });
    expect(playback.chapters.map((ch) => ch.title)).toEqual(['Opening', 'End']);
    expect(playback.subtitles.map((s) => s.lang)).toEqual(['en']);
    expect(c.library.searchSubtitles('harbour at dawn', 5).map((h) => h.videoId)).toEqual([dawn[0]!.id]);
    c.db.prepare("UPDATE videos SET file_path = '../outside.mp4' WHERE id = ?").run(picnic.id);
    expect(await c.resolveMedia('video', picnic.id)).toBeNull();
    c.db.prepare("UPDATE videos SET file_path = 'a/b/family picnic.mp4' WHERE id = ?").run(picnic.id);
    // A file gone is flagged missing, and back again when it returns.
    rmSync(join(src, 'a', 'b', 'family picnic.mp4'));
    expect(c.library.markMissing()).toEqual({ missing: 1, present: 1 });
    copyFileSync(media.watch.mp4, join(src, 'a', 'b', 'family picnic.mp4'));
    expect(c.library.markMissing()).toEqual({ missing: 0, present: 2 });
    expect(c.subscriptions.exportArchive().text).toContain('youtube kept-elsewhere');

    // "Reorganize library" moves the library's own files; a folder left where it was is the user's.
    await c.handlers['library.reorganize']({});
    await expect.poll(async () => (await c.handlers['library.reorganizeStatus']({})).state, { timeout: 30_000 }).toBe('succeeded');
    expect(await c.handlers['library.reorganizeStatus']({})).toMatchObject({ total: 0, skipped: 0 });
    expect(await c.resolveMedia('video', dawn[0]!.id)).toBe(join(src, 'a', 'dawn.mp4'));

    const second = await importAndWait(c, src, 'in-place');
    expect(second).toMatchObject({ state: 'done', found: 7, imported: 0, alreadyKept: 2 });
    expect(c.library.search({ query: '', limit: 10 }).total).toBe(2);

    // Downloaded again into the library: the row points into the library, no longer the granted folder.
    mkdirSync(join(dir, 'lib', 'Local'), { recursive: true });
    copyFileSync(media.watch.mp4, join(dir, 'lib', 'Local', 'picnic.mp4'));
    c.db.prepare("UPDATE videos SET site_id = 'picnic' WHERE id = ?").run(picnic.id);
    c.library.add({ info: { id: 'picnic', extractor_key: 'Local', title: 'Family picnic' }, filePath: join(dir, 'lib', 'Local', 'picnic.mp4'), sourceUrl: '', audioOnly: false });
    expect(await c.resolveMedia('video', picnic.id)).toBe(join(dir, 'lib', 'Local', 'picnic.mp4'));

    // Delete moves the file in the granted folder, and its side files, to the trash.
    await c.handlers['library.delete']({ videoId: dawn[0]!.id });
    expect(existsSync(join(src, 'a', 'dawn.mp4'))).toBe(false);
    expect(trashed).toEqual(expect.arrayContaining([join(src, 'a', 'dawn.mp4'), join(src, 'a', 'dawn.info.json'), join(src, 'a', 'dawn.en.vtt')]));
  }, 60_000);

  it.skipIf(process.getuid?.() === 0)('lists a file it may not read', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vk-import-'));
    const src = join(dir, 'src');
    mkdirSync(src);
    copyFileSync(media.mp4, join(src, 'locked.mp4'));
    chmodSync(join(src, 'locked.mp4'), 0);
    const s = await importAndWait(await core(), src, 'in-place');
    expect(s.skippedFiles).toEqual([{ path: 'locked.mp4', reason: 'unreadable' }]);
  });

  it.each(['copy', 'move'] as const)('%s: the files land in the library, verified, and a second import skips them', async (mode) => {
    dir = mkdtempSync(join(tmpdir(), 'vk-import-'));
    const src = join(dir, 'src');
    makeTree(src);
    const c = await core();
    const s = await importAndWait(c, src, mode);
    expect(s).toMatchObject({ state: 'done', imported: 2 });
    const dawn = c.library.search({ query: 'lighthouse', limit: 1 }).items[0]!;
    const real = await c.resolveMedia('video', dawn.id);
    // Named by the layout setting (the default: by channel), side files beside it under the same stem.
    const stem = join(dir, 'lib', 'Harbour Keeper', '2024-01-02 Lighthouse at dawn [dawn1]');
    expect(real).toBe(`${stem}.mp4`);
    expect(statSync(real!).size).toBe(media.mp4Bytes);
    expect(existsSync(`${stem}.info.json`)).toBe(true);
    expect(existsSync(`${stem}.en.vtt`)).toBe(true);
    expect(existsSync(`${stem}.jpg`)).toBe(true);
    expect(existsSync(join(src, 'a', 'dawn.mp4'))).toBe(mode === 'copy');
    expect(existsSync(join(src, 'a', 'dawn.info.json'))).toBe(mode === 'copy');
    // Garbage stays where it was, whatever the mode.
    expect(existsSync(join(src, 'random.mp4'))).toBe(true);
    // The file without a picture gets one made from itself (a poster job), beside it in the library.
    const picnic = c.library.search({ query: 'picnic', limit: 1 }).items[0]!;
    expect(picnic.hasThumbnail).toBe(false);
    await vi.waitFor(() => expect(c.library.get(picnic.id)?.hasThumbnail).toBe(true), { timeout: 30_000, interval: 200 });
    expect(c.queue.get(`poster.${picnic.id}`)?.state).toBe('succeeded');
    const poster = await c.resolveMedia('thumb', picnic.id);
    expect(poster?.startsWith(join(dir, 'lib'))).toBe(true);
    expect(readFileSync(poster!).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const again = await importAndWait(c, mode === 'copy' ? src : join(dir, 'lib'), 'in-place');
    expect(again).toMatchObject({ imported: 0, alreadyKept: 2 });
  }, 60_000);

  it('cancel mid-way keeps what was imported; the next import brings the rest', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vk-import-'));
    const src = join(dir, 'many');
    mkdirSync(src);
    // No duration in the info json: every file is probed, slow enough to cancel in between.
    for (let i = 0; i < 100; i++) {
      linkSync(media.mp4, join(src, `v${i}.mp4`));
      writeFileSync(join(src, `v${i}.info.json`), info(`many${i}`, { duration: null }));
    }
    const c = await core();
    let cancelled = false;
    const s = await importAndWait(c, src, 'in-place', (st) => {
      if (!cancelled && st.imported > 0) {
        cancelled = true;
        void c.handlers['import.cancel']({});
      }
    });
    expect(s.state).toBe('cancelled');
    expect(s.imported).toBeGreaterThan(0);
    expect(s.imported).toBeLessThan(100);
    expect(c.library.search({ query: '', limit: 1 }).total).toBe(s.imported);
    const rest = await importAndWait(c, src, 'in-place');
    expect(rest).toMatchObject({ state: 'done', imported: 100 - s.imported, alreadyKept: s.imported });
    expect(c.library.search({ query: '', limit: 1 }).total).toBe(100);
  }, 120_000);

  it('refuses a folder that is not there, with a human reason', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vk-import-'));
    const c = await core();
    expect(() => c.handlers['import.start']({ folder: join(dir, 'nope'), mode: 'in-place' })).toThrow(expect.objectContaining({ code: 'invalid-input', values: expect.objectContaining({ reason: 'folder' }) }));
    expect(() => c.handlers['import.start']({ folder: 'relative/path', mode: 'in-place' })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
