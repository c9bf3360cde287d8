/**
 * Copy or move an imported file (and its side files) into the library. A copy is checked by size
 * before it counts; a move is a rename, or across drives a copy, a check, then the delete. The
 * target never overwrites anything: an existing name gets " (2)", " (3)"… before the extension.
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { numberedStem } from '../library/layout/index';

export type Transfer = 'copy' | 'move';

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** A library-relative stem (no extension) nothing else uses yet, given the extensions to come. */
export async function freeStem(libraryDir: string, stem: string, exts: string[]): Promise<string> {
  for (let i = 1; i < 1000; i++) {
    // " (2)" goes before a trailing " [id]", as a download's does.
    const s = i === 1 ? stem : numberedStem(stem, i);
    const taken = await Promise.all(exts.map((e) => exists(join(libraryDir, ...`${s}.${e}`.split('/')))));
    if (!taken.some(Boolean)) return s;
  }
  throw new Error('no free name');
}

/** Copies (exclusively: never over an existing file) and verifies the size, else removes the copy and throws. */
async function copyVerified(from: string, to: string): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_EXCL);
  const [a, b] = await Promise.all([stat(from), stat(to)]);
  if (a.size !== b.size) {
    await unlink(to).catch(() => undefined);
    throw new Error(`copy of ${from} is ${b.size} bytes, not ${a.size}`);
  }
}

export async function transfer(from: string, to: string, how: Transfer): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  if (how === 'copy') return copyVerified(from, to);
  if (await exists(to)) throw new Error(`${to} exists`);
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await copyVerified(from, to);
    await unlink(from);
  }
}
