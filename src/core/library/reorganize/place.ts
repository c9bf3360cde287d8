/**
 * Placing, rolling back and finishing one journaled move. Every step is safe to repeat after a
 * crash at any point: each checks what is on disk before acting, and nothing is ever overwritten
 * (hard links and exclusive copies fail rather than replace; a rename only goes to a name checked
 * free, and only on file systems without links).
 */
import { dirname, posix } from 'node:path';
import { errCode, NO_LINKS, type FsOps } from './fs-ops';
import type { MoveEntry, MoveFile } from './journal';

/** The new name is taken by a file that is not ours: the move is rolled back and planned again. */
export class NameTaken extends Error {
  constructor(readonly path: string) {
    super(`${path} is taken`);
    this.name = 'NameTaken';
  }
}

/** The copy on the other drive does not match the original (a full or failing disk). */
export class CopyMismatch extends Error {
  constructor(readonly path: string) {
    super(`copy of ${path} does not match its size`);
    this.name = 'CopyMismatch';
  }
}

export interface PlaceDeps {
  fs: FsOps;
  abs: (rel: string) => string;
  /** Saves a changed mode in the journal before the step that depends on it. */
  saveFiles: (files: MoveFile[]) => void;
}

const same = async (fs: FsOps, a: string, b: string): Promise<boolean> => {
  const [x, y] = await Promise.all([fs.lstat(a), fs.lstat(b)]);
  return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
};

/** Links `from` to `to`; true when it is (or already was) there, throws NameTaken for a stranger. */
async function linkTo(fs: FsOps, from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (err) {
    if (errCode(err) === 'EEXIST' && (await same(fs, from, to))) return;
    if (errCode(err) === 'EEXIST') throw new NameTaken(to);
    throw err;
  }
}

async function copyVia(d: PlaceDeps, f: MoveFile, files: MoveFile[]): Promise<void> {
  const { fs } = d;
  const from = d.abs(f.from);
  const temp = d.abs(f.temp);
  const to = d.abs(f.to);
  const src = await fs.stat(from);
  if (!src) throw Object.assign(new Error(`${f.from} is gone`), { code: 'ENOENT' });
  const placed = await fs.lstat(to);
  // Already linked from the temp copy by an earlier run of this move.
  if (placed && f.mode === 'copy' && (await same(fs, temp, to))) return;
  if (placed && f.mode === 'copy-rename' && !(await fs.lstat(temp))) return;
  if (placed) throw new NameTaken(f.to);
  // A partial copy from a killed run is ours (its name is journaled): start it over.
  if (await fs.lstat(temp)) await fs.unlink(temp);
  await fs.copyExclusive(from, temp);
  await fs.fsync(temp);
  const copied = await fs.stat(temp);
  if (!copied || copied.size !== src.size) {
    await fs.unlink(temp).catch(() => undefined);
    throw new CopyMismatch(f.from);
  }
  if (f.mode === 'copy') {
    try {
      await linkTo(fs, temp, to);
      return;
    } catch (err) {
      if (!NO_LINKS.has(errCode(err))) throw err;
      f.mode = 'copy-rename';
      d.saveFiles(files);
    }
  }
  if (await fs.lstat(to)) throw new NameTaken(f.to);
  await fs.rename(temp, to);
}

/** Puts every file at its new name while the old names stay; the database is not touched. */
export async function place(d: PlaceDeps, entry: MoveEntry): Promise<void> {
  const { fs } = d;
  for (const f of entry.files) {
    await fs.mkdirp(dirname(d.abs(f.to)));
    if (f.mode === 'link') {
      try {
        await linkTo(fs, d.abs(f.from), d.abs(f.to));
        continue;
      } catch (err) {
        const code = errCode(err);
        if (code !== 'EXDEV' && !NO_LINKS.has(code)) throw err;
        // Another drive (or a bind mount): copy. No hard links here: a journaled rename.
        f.mode = code === 'EXDEV' ? 'copy' : 'rename';
        d.saveFiles(entry.files);
      }
    }
    if (f.mode === 'rename') {
      const to = await fs.lstat(d.abs(f.to));
      const from = await fs.lstat(d.abs(f.from));
      if (to && !from) continue; // renamed by an earlier run of this move
      if (to) throw new NameTaken(f.to);
      await fs.rename(d.abs(f.from), d.abs(f.to));
      continue;
    }
    await copyVia(d, f, entry.files);
  }
}

/** Undoes a move the database never saw: only what is provably ours goes, old names stay. */
export async function rollback(d: PlaceDeps, entry: MoveEntry): Promise<void> {
  const { fs } = d;
  for (const f of [...entry.files].reverse()) {
    const from = d.abs(f.from);
    const to = d.abs(f.to);
    const temp = d.abs(f.temp);
    if (f.mode === 'link') {
      if (await same(fs, from, to)) await fs.unlink(to);
    } else if (f.mode === 'copy') {
      if (await fs.lstat(temp)) {
        if (await same(fs, temp, to)) await fs.unlink(to);
        await fs.unlink(temp);
      }
    } else if (f.mode === 'copy-rename') {
      if (await fs.lstat(temp)) await fs.unlink(temp);
      // The temp copy was renamed into place; the original still exists, so this is a copy.
      else if ((await fs.lstat(to)) && (await fs.lstat(from))) await fs.unlink(to);
    } else if (!(await fs.lstat(from)) && (await fs.lstat(to))) {
      await fs.rename(to, from);
    }
  }
  await pruneDirs(d, entry.files.map((f) => f.to));
}

/**
 * After a rollback, when the video was deleted meanwhile (its row is gone and its files went to the
 * trash): the copies or links this move made at the new names go too, or they would be strays.
 * A renamed file was put back by the rollback; the trash is where the original bytes are now.
 */
export async function discardOrphan(d: PlaceDeps, entry: MoveEntry): Promise<void> {
  const { fs } = d;
  for (const f of entry.files) {
    if (f.mode === 'rename') continue;
    if (await fs.lstat(d.abs(f.temp))) await fs.unlink(d.abs(f.temp));
    if (!(await fs.lstat(d.abs(f.from))) && (await fs.lstat(d.abs(f.to)))) await fs.unlink(d.abs(f.to));
  }
  await pruneDirs(d, entry.files.map((f) => f.to));
}

/** After the commit: the old names (and temp copies) go, once the new name is certainly there. */
export async function finish(d: PlaceDeps, entry: MoveEntry): Promise<void> {
  const { fs } = d;
  for (const f of entry.files) {
    const to = await fs.lstat(d.abs(f.to));
    if (!to) continue; // never remove the only copy, whatever the journal says
    if (f.mode === 'copy' && (await fs.lstat(d.abs(f.temp)))) await fs.unlink(d.abs(f.temp));
    if (f.mode !== 'rename' && (await fs.lstat(d.abs(f.from)))) await fs.unlink(d.abs(f.from));
  }
  await pruneDirs(d, entry.files.map((f) => f.from));
}

/** Removes folders a move left empty, walking up but never to the library root (`.`). */
export async function pruneDirs(d: PlaceDeps, relFiles: string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const rel of relFiles) {
    for (let dir = posix.dirname(rel); dir !== '.' && dir !== '/' && dir !== ''; dir = posix.dirname(dir)) dirs.add(dir);
  }
  // Deepest first, so a parent is tried after its children went.
  for (const dir of [...dirs].sort((a, b) => b.split('/').length - a.split('/').length)) await d.fs.rmdirIfEmpty(d.abs(dir));
}
