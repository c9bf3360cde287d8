import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReorganizer, type ReorganizeProgress, type Subject } from './engine';
import { realFs, type FsOps } from './fs-ops';
import { exists, listDirs, listFiles, openKit, sha, type Kit } from './test-kit';

let dir: string;
let kit: Kit;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-reorg-'));
  kit = openKit(join(dir, 'db.sqlite'), join(dir, 'library'));
});
afterEach(() => {
  kit.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in layout: `<uploader>/<title> [<id>].<ext>` (the real one is tested in layout.test.ts). */
const byChannel = (v: Subject) => `${String(v.info.uploader)}/${v.title} [${String(v.info.id)}].${v.ext}`;
const abs = (rel: string) => join(kit.lib, ...rel.split('/'));

/** realFs with every call counted, and a hook to fail or hold a call. */
function spyFs(hook?: (op: keyof FsOps, args: string[]) => void): FsOps & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const out = { calls } as FsOps & { calls: Record<string, number> };
  for (const k of Object.keys(realFs) as Array<keyof FsOps>) {
    (out as unknown as Record<string, unknown>)[k] = async (...args: string[]) => {
      calls[k] = (calls[k] ?? 0) + 1;
      hook?.(k, args);
      return (realFs[k] as (...a: string[]) => Promise<unknown>)(...args);
    };
  }
  return out;
}
const fail = (code: string) => Object.assign(new Error(code), { code });

function seedFull() {
  const v = kit.add('Test/abc.mp4', { title: 'First video', sides: ['.info.json', '.en.vtt', '.de.srt', '.nfo', '-thumb.jpg'], thumb: 'Test/abc.webp', bytes: 5000 });
  const before = new Map(listFiles(kit.lib).map((f) => [f.replace(/^Test\/abc/, ''), sha(abs(f))]));
  return { v, before };
}

function expectMovedWhole(v: { id: string }, before: Map<string, string>) {
  const stem = 'Some Channel/First video [v1-12]';
  const p = kit.paths(v.id);
  expect(p.file).toBe(`${stem}.mp4`);
  expect(p.thumb).toBe(`${stem}.webp`);
  expect(p.subs).toEqual([
    { lang: 'de', path: `${stem}.de.srt` },
    { lang: 'en', path: `${stem}.en.vtt` },
  ]);
  // Every file moved with the video, byte for byte; nothing left behind, the empty folder removed.
  expect(listFiles(kit.lib)).toEqual([...before.keys()].map((s) => `${stem}${s}`).sort());
  for (const [suffix, hash] of before) expect(sha(abs(`${stem}${suffix}`))).toBe(hash);
  expect(listDirs(kit.lib)).toEqual(['Some Channel']);
  expect(kit.db.prepare('SELECT count(*) AS n FROM library_moves').get()).toEqual({ n: 0 });
}

describe('reorganize', () => {
  it('moves a video and all its side files on the same drive with hard links, then removes the old folder', async () => {
    const { v, before } = seedFull();
    const fs = spyFs();
    const progress: ReorganizeProgress[] = [];
    const changed: string[] = [];
    const r = await createReorganizer({ db: kit.db, root: kit.lib, fs }).run({ target: byChannel, onProgress: (p) => progress.push(p), onChange: (ids) => changed.push(...ids) });
    expect(r).toMatchObject({ total: 1, moved: 1, unchanged: 0, skippedCount: 0, cancelled: false });
    expectMovedWhole(v, before);
    expect(fs.calls.link).toBe(7);
    expect(fs.calls.copyExclusive ?? 0).toBe(0);
    expect(progress.at(-1)).toEqual({ done: 1, total: 1, moved: 1, skipped: 0, current: null });
    expect(progress.some((p) => p.current === 'First video')).toBe(true);
    expect(changed).toEqual([v.id]);
    expect(exists(kit.lib)).toBe(true);
  });

  it('copies, flushes and checks across drives (EXDEV), then deletes the originals and the temp copies', async () => {
    const { v, before } = seedFull();
    const fs = spyFs((op, [from]) => {
      if (op === 'link' && !from!.includes('.vk-move-')) throw fail('EXDEV');
    });
    const r = await createReorganizer({ db: kit.db, root: kit.lib, fs }).run({ target: byChannel });
    expect(r.moved).toBe(1);
    expectMovedWhole(v, before);
    expect(fs.calls.copyExclusive).toBe(7);
    expect(fs.calls.fsync).toBe(7);
  });

  it('without hard links (FAT), renames under the journal', async () => {
    const { v, before } = seedFull();
    const fs = spyFs((op) => {
      if (op === 'link') throw fail('EPERM');
    });
    expect((await createReorganizer({ db: kit.db, root: kit.lib, fs }).run({ target: byChannel })).moved).toBe(1);
    expectMovedWhole(v, before);
    expect(fs.calls.rename).toBe(7);
  });

  it('a copy whose size does not match is thrown away and the video stays where it was', async () => {
    const v = kit.add('Test/big.mp4', { bytes: 4000 });
    const fs = spyFs((op) => {
      if (op === 'link') throw fail('EXDEV');
    });
    // The other disk lost bytes under the copy.
    const truncating = { ...fs, fsync: async (p: string) => writeFileSync(p, 'short') };
    const r = await createReorganizer({ db: kit.db, root: kit.lib, fs: truncating }).run({ target: byChannel });
    expect(r.skipped).toEqual([{ videoId: v.id, title: v.title, reason: 'copy-failed' }]);
    expect(kit.paths(v.id).file).toBe('Test/big.mp4');
    expect(listFiles(kit.lib)).toEqual(['Test/big.info.json', 'Test/big.mp4']);
    expect(readFileSync(abs('Test/big.mp4'), 'utf8')).toMatch(/^video Test\/big.mp4\.{4000}$/);
  });

  it('never overwrites: a stranger at the new name, or two videos with one name, get free names', async () => {
    const a = kit.add('Test/a.mp4', { title: 'Same' });
    const b = kit.add('Test/b.mp4', { title: 'Same' });
    const sameTarget = (v: Subject) => `Some Channel/Same.${v.ext}`;
    // A file the user put there.
    const stranger = 'Some Channel/Same.mp4';
    mkdirSync(abs('Some Channel'));
    writeFileSync(abs(stranger), 'not a video of VidKeep');
    const r = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: sameTarget });
    expect(r.moved).toBe(2);
    expect(readFileSync(abs(stranger), 'utf8')).toBe('not a video of VidKeep');
    expect([kit.paths(a.id).file, kit.paths(b.id).file].sort()).toEqual(['Some Channel/Same (2).mp4', 'Some Channel/Same (3).mp4']);
    expect(exists(abs('Some Channel/Same (2).info.json'))).toBe(true);
    // Run again: everything is where the layout (and its free names) put it; nothing moves.
    const again = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: sameTarget });
    expect(again).toMatchObject({ moved: 0, unchanged: 2 });
    expect([kit.paths(a.id).file, kit.paths(b.id).file].sort()).toEqual(['Some Channel/Same (2).mp4', 'Some Channel/Same (3).mp4']);
  });

  it('skips a video whose file is missing, with the reason, and leaves its row untouched', async () => {
    const gone = kit.add('Test/gone.mp4');
    const kept = kit.add('Test/kept.mp4');
    rmSync(abs('Test/gone.mp4'));
    const r = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: byChannel });
    expect(r.moved).toBe(1);
    expect(r.skipped).toEqual([{ videoId: gone.id, title: gone.title, reason: 'missing' }]);
    expect(kit.paths(gone.id).file).toBe('Test/gone.mp4');
    expect(exists(abs('Test/gone.info.json'))).toBe(true);
    expect(kit.paths(kept.id).file).toMatch(/^Some Channel\//);
  });

  it.each([
    ['a parent folder', '../escape.mp4'],
    ['an absolute path', '/etc/x.mp4'],
    ['a parent inside', 'a/../../b.mp4'],
    ['NUL', 'a\0b.mp4'],
    ['a backslash', '..\\..\\x.mp4'],
    ['an empty folder name', 'a//b.mp4'],
    ['a 300-byte name', `${'é'.repeat(150)}.mp4`],
    ['no extension', 'Some Channel/video'],
  ])('refuses a target with %s and moves nothing', async (_, target) => {
    const v = kit.add('Test/t.mp4');
    const before = listFiles(kit.lib);
    const r = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: () => target });
    expect(r.skipped).toEqual([{ videoId: v.id, title: v.title, reason: 'bad-target' }]);
    expect(listFiles(kit.lib)).toEqual(before);
    expect(listFiles(dir).filter((f) => !f.startsWith('library/') && !f.startsWith('db.sqlite'))).toEqual([]);
  });

  it('keeps hostile titles readable inside the library (long names shortened by whole characters)', async () => {
    const titles = ['Ünïcödé 日本語 🎬', '\u202Egnp.exe', 'x'.repeat(250), `${'😀'.repeat(70)}`];
    const vs = titles.map((title, i) => kit.add(`Test/h${i}.mp4`, { title, sides: ['.info.json', '.en.vtt'] }));
    const r = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: (v) => `Chan/${v.title}.${v.ext}` });
    expect(r.moved + r.skippedCount).toBe(4);
    for (const v of vs) {
      const p = kit.paths(v.id).file;
      expect(exists(abs(p))).toBe(true);
      for (const c of listFiles(kit.lib)) for (const part of c.split('/')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
    }
    // 250 x's + ".mp4" would fit, but ".info.json" would not: every file of it shares the shorter stem.
    const long = kit.paths(vs[2]!.id).file;
    expect(long).toBe(`Chan/${'x'.repeat(245)}.mp4`);
  });

  it('stops between videos when cancelled; a new run carries on', async () => {
    for (let i = 0; i < 5; i++) kit.add(`Test/c${i}.mp4`);
    const ctl = new AbortController();
    const r = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: byChannel, batchSize: 2, signal: ctl.signal, onProgress: (p) => p.moved === 2 && ctl.abort() });
    expect(r).toMatchObject({ moved: 2, cancelled: true });
    const rest = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: byChannel, batchSize: 2 });
    expect(rest).toMatchObject({ moved: 3, unchanged: 2, cancelled: false });
  });

  it('never moves into or out of a folder that is a link to elsewhere', async () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    const v = kit.add('Test/s.mp4');
    symlinkSync(outside, abs('Some Channel'));
    const r = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: byChannel });
    expect(r.skipped).toEqual([{ videoId: v.id, title: v.title, reason: 'bad-target' }]);
    expect(listFiles(outside)).toEqual([]);
    // And a video whose stored folder leads out is left alone, not pulled in.
    writeFileSync(join(outside, 'o.mp4'), 'outside bytes');
    kit.db.prepare('UPDATE videos SET file_path = ? WHERE id = ?').run('Some Channel/o.mp4', v.id);
    const again = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: () => 'Inside/o.mp4' });
    expect(again.skipped).toEqual([{ videoId: v.id, title: v.title, reason: 'bad-source' }]);
    expect(readFileSync(join(outside, 'o.mp4'), 'utf8')).toBe('outside bytes');
    expect(exists(abs('Inside'))).toBe(false);
  });

  it('a video deleted while its files are being placed leaves no stray copy behind', async () => {
    const v = kit.add('Test/d.mp4', { sides: ['.info.json', '.en.vtt'] });
    let deleted = false;
    const fs = spyFs((op) => {
      if (op === 'link' && !deleted) {
        deleted = true;
        void kit.library.delete(v.id, { permanent: true });
      }
    });
    const r = await createReorganizer({ db: kit.db, root: kit.lib, fs }).run({ target: byChannel });
    expect(r.skipped).toEqual([{ videoId: v.id, title: v.title, reason: 'missing' }]);
    expect(kit.library.get(v.id)).toBeNull();
    expect(listFiles(kit.lib)).toEqual([]);
    expect(kit.db.prepare('SELECT count(*) AS n FROM library_moves').get()).toEqual({ n: 0 });
  });

  it('a row that changed before the commit keeps its old paths, and the new names are undone', async () => {
    const v = kit.add('Test/e.mp4', { sides: ['.info.json', '.en.vtt'] });
    let links = 0;
    const fs = spyFs((op) => {
      // Downloaded again elsewhere just as the last file was linked: the row now points there.
      if (op === 'link' && ++links === 3) kit.db.prepare("UPDATE videos SET file_path = 'Test/e-again.mp4' WHERE id = ?").run(v.id);
    });
    const r = await createReorganizer({ db: kit.db, root: kit.lib, fs }).run({ target: byChannel });
    expect(r.skipped).toEqual([{ videoId: v.id, title: v.title, reason: 'changed' }]);
    expect(kit.paths(v.id).file).toBe('Test/e-again.mp4');
    expect(listFiles(kit.lib)).toEqual(['Test/e.en.vtt', 'Test/e.info.json', 'Test/e.mp4']);
  });

  it('a full disk stops the run with a clear error, and the video stays where it was', async () => {
    const v = kit.add('Test/f.mp4', { bytes: 1000 });
    const fs = spyFs((op) => {
      if (op === 'link') throw fail('EXDEV');
      if (op === 'copyExclusive') throw fail('ENOSPC');
    });
    await expect(createReorganizer({ db: kit.db, root: kit.lib, fs }).run({ target: byChannel })).rejects.toMatchObject({ code: 'no-space' });
    expect(kit.paths(v.id).file).toBe('Test/f.mp4');
    expect(listFiles(kit.lib)).toEqual(['Test/f.info.json', 'Test/f.mp4']);
    expect(kit.db.prepare('SELECT count(*) AS n FROM library_moves').get()).toEqual({ n: 0 });
  });

  it('keeps a journaled move whose files are not in this folder (another drive, unplugged) for later', async () => {
    const v = kit.add('Test/k.mp4');
    const files = [{ from: 'Elsewhere/x.mp4', to: 'Chan/x.mp4', temp: 'Chan/.vk-move-x-0.tmp', mode: 'link', ref: { kind: 'file' } }];
    kit.db.prepare("INSERT INTO library_moves (video_id, state, files, created_at) VALUES ('gone-drive', 'committed', ?, 0)").run(JSON.stringify(files));
    const r = await createReorganizer({ db: kit.db, root: kit.lib }).run({ target: byChannel });
    expect(r.moved).toBe(1);
    expect(kit.paths(v.id).file).toMatch(/^Some Channel\//);
    expect(kit.db.prepare('SELECT video_id FROM library_moves').all()).toEqual([{ video_id: 'gone-drive' }]);
  });
});
