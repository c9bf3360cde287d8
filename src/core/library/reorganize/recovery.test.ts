import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReorganizer, type Subject } from './engine';
import { realFs, type FsOps } from './fs-ops';
import { listDirs, listFiles, openKit, sha, type Kit } from './test-kit';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  template = null;
});

const target = (v: Subject) => `${String(v.info.uploader)}/${v.title}.${v.ext}`;
const fail = (code: string) => Object.assign(new Error(code), { code });
type Mode = 'same drive' | 'other drive' | 'no hard links';

/**
 * realFs that stops for good at call number `stopAt` (the call is never made): what a kill -9
 * between two file operations leaves. `mode` makes links fail the way another drive or FAT does.
 */
function dyingFs(stopAt: number, mode: Mode): { fs: FsOps; calls: () => number; died: Promise<void> } {
  let n = 0;
  let die = () => {};
  const died = new Promise<void>((r) => (die = r));
  const fs = {} as Record<string, unknown>;
  for (const k of Object.keys(realFs) as Array<keyof FsOps>) {
    fs[k] = (...args: string[]) => {
      if (n++ === stopAt) {
        die();
        return new Promise(() => {});
      }
      if (k === 'link' && mode === 'no hard links') return Promise.reject(fail('EPERM'));
      if (k === 'link' && mode === 'other drive' && !args[0]!.includes('.vk-move-')) return Promise.reject(fail('EXDEV'));
      return (realFs[k] as (...a: string[]) => Promise<unknown>)(...args);
    };
  }
  return { fs: fs as unknown as FsOps, calls: () => n, died };
}

let template: { dir: string; id: string; hashes: Map<string, string> } | null = null;

/** A library with one video and its side files (copied from one made once: migrations are slow). */
function seed(): { kit: Kit; id: string; hashes: Map<string, string> } {
  if (!template) {
    const dir = mkdtempSync(join(tmpdir(), 'vk-reorg-tpl-'));
    dirs.push(dir);
    const kit = openKit(join(dir, 'db.sqlite'), join(dir, 'library'));
    const v = kit.add('Test/a.mp4', { title: 'A', sides: ['.info.json', '.en.vtt'], thumb: 'Test/a.jpg', bytes: 3000 });
    const hashes = new Map(listFiles(kit.lib).map((f) => [f.slice('Test/a'.length), sha(join(kit.lib, f))]));
    kit.db.close();
    template = { dir, id: v.id, hashes };
  }
  const dir = mkdtempSync(join(tmpdir(), 'vk-reorg-rec-'));
  dirs.push(dir);
  cpSync(template.dir, dir, { recursive: true });
  return { kit: openKit(join(dir, 'db.sqlite'), join(dir, 'library'), { fast: true }), id: template.id, hashes: template.hashes };
}

/** The database points at files that exist, with the original bytes, whatever was interrupted. */
function expectConsistent(kit: Kit, id: string, hashes: Map<string, string>) {
  const p = kit.paths(id);
  const stem = p.file.slice(0, -'.mp4'.length);
  for (const [suffix, hash] of hashes) expect(sha(join(kit.lib, `${stem}${suffix}`))).toBe(hash);
  expect(sha(join(kit.lib, p.thumb!))).toBe(hashes.get('.jpg'));
  expect(sha(join(kit.lib, p.subs[0]!.path))).toBe(hashes.get('.en.vtt'));
}

describe('a reorganize killed between any two file operations', () => {
  it.each<Mode>(['same drive', 'other drive', 'no hard links'])('%s: recovery leaves the database on existing files, and the next run completes', async (mode) => {
    // How many operations one whole move takes here.
    const probe = seed();
    const full = dyingFs(Number.MAX_SAFE_INTEGER, mode);
    await createReorganizer({ db: probe.kit.db, root: probe.kit.lib, fs: full.fs }).run({ target });
    const total = full.calls();
    probe.kit.db.close();
    expect(total).toBeGreaterThan(20);

    for (let stopAt = 0; stopAt < total; stopAt++) {
      const { kit, id, hashes } = seed();
      const dying = dyingFs(stopAt, mode);
      void createReorganizer({ db: kit.db, root: kit.lib, fs: dying.fs }).run({ target });
      await dying.died;
      // Without hard links a rename runs ahead of the database; recovery (at start-up) puts it right.
      if (mode !== 'no hard links') expectConsistent(kit, id, hashes);
      const again = createReorganizer({ db: kit.db, root: kit.lib });
      await again.recover();
      expect(kit.db.prepare('SELECT count(*) AS n FROM library_moves').get()).toEqual({ n: 0 });
      expectConsistent(kit, id, hashes);
      // Rolled back or finished: each file is at exactly one of its two names, no temp copy.
      expect(listFiles(kit.lib).filter((f) => f.includes('.vk-move-'))).toEqual([]);
      expect(listFiles(kit.lib)).toHaveLength(hashes.size);
      await again.run({ target });
      expect(kit.paths(id).file).toBe('Some Channel/A.mp4');
      expect(listFiles(kit.lib)).toEqual([...hashes.keys()].map((s) => `Some Channel/A${s}`).sort());
      expect(listDirs(kit.lib)).toEqual(['Some Channel']);
      expectConsistent(kit, id, hashes);
      kit.db.close();
    }
  });
});
