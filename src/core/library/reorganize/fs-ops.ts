/**
 * The file operations a reorganize uses, injected so tests can force what a real disk does rarely
 * (EXDEV between drives, a file system without hard links) and count what was done.
 */
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, readdir, realpath, rename, rmdir, stat, unlink } from 'node:fs/promises';

export interface FileStat {
  dev: number;
  ino: number;
  size: number;
  isFile: boolean;
}

export interface FsOps {
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Never overwrites: fails with EEXIST when `to` exists. */
  copyExclusive(from: string, to: string): Promise<void>;
  /** Flushes a file's bytes to the disk. */
  fsync(path: string): Promise<void>;
  /** Without following a final symbolic link; null when nothing is there. */
  lstat(path: string): Promise<FileStat | null>;
  /** Follows links; null when nothing is there. */
  stat(path: string): Promise<FileStat | null>;
  mkdirp(path: string): Promise<void>;
  /** Removes an empty folder; false when it is not empty or not there. */
  rmdirIfEmpty(path: string): Promise<boolean>;
  readdir(path: string): Promise<string[]>;
  /** Symbolic links resolved; null when nothing is there. */
  realpath(path: string): Promise<string | null>;
}

const view = (s: { dev: number; ino: number; size: number; isFile(): boolean }): FileStat => ({ dev: s.dev, ino: s.ino, size: s.size, isFile: s.isFile() });
const orNull = async <T>(p: Promise<T>): Promise<T | null> => {
  try {
    return await p;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw err;
  }
};

export const realFs: FsOps = {
  link: (a, b) => link(a, b),
  unlink: (p) => unlink(p),
  rename: (a, b) => rename(a, b),
  copyExclusive: (a, b) => copyFile(a, b, constants.COPYFILE_EXCL),
  async fsync(p) {
    const h = await open(p, 'r+');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  },
  lstat: async (p) => {
    const s = await orNull(lstat(p));
    return s ? view(s) : null;
  },
  stat: async (p) => {
    const s = await orNull(stat(p));
    return s ? view(s) : null;
  },
  mkdirp: async (p) => void (await mkdir(p, { recursive: true })),
  async rmdirIfEmpty(p) {
    try {
      await rmdir(p);
      return true;
    } catch {
      return false;
    }
  },
  readdir: async (p) => (await orNull(readdir(p))) ?? [],
  realpath: (p) => orNull(realpath(p)),
};

/** Errors meaning "this file system has no hard links here": fall back to a journaled rename. */
export const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);
export const errCode = (err: unknown): string => (err as NodeJS.ErrnoException | null)?.code ?? '';
