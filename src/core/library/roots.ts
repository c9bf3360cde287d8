/**
 * Folders a video's paths are relative to: the library itself, or a folder the user imported
 * "where it is" (a granted import root, 010-import). Every read of a file resolves inside one of
 * these on real paths, so a stored path can never reach anything else on the disk.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import { realpath } from 'node:fs/promises';
import type { Db } from '../db/open';

export interface Roots {
  /** The folder a row's paths are relative to: the library for null, else the granted folder (null when unknown). */
  base(rootId: number | null): string | null;
  /** Grants a folder (a real, absolute path); the same folder keeps its id. */
  grant(realPath: string, at: number): number;
  /** `abs` relative to the given root with '/' separators, or null when it is not inside it. */
  relTo(rootId: number | null, abs: string): string | null;
  /** The real path of a root-relative path, only when it stays inside that root's real path. */
  inside(rootId: number | null, p: string): Promise<string | null>;
  absolute(rootId: number | null, p: string): string | null;
}

export function relInside(root: string, abs: string): string | null {
  const r = relative(root, abs);
  if (r === '' || r.startsWith('..') || isAbsolute(r)) return null;
  return r.split(sep).join('/');
}

export function createRoots(db: Db, libraryDir: string): Roots {
  const byId = db.prepare<[number], { path: string }>('SELECT path FROM import_roots WHERE id = ?');
  const byPath = db.prepare<[string], { id: number }>('SELECT id FROM import_roots WHERE path = ?');
  const add = db.prepare<[string, number]>('INSERT OR IGNORE INTO import_roots (path, added_at) VALUES (?, ?)');
  const cache = new Map<number, string | null>();
  const base = (rootId: number | null): string | null => {
    if (rootId === null) return libraryDir;
    if (!cache.has(rootId)) cache.set(rootId, byId.get(rootId)?.path ?? null);
    return cache.get(rootId)!;
  };
  const absolute = (rootId: number | null, p: string) => {
    const b = base(rootId);
    return b === null ? null : join(b, ...p.split('/'));
  };
  return {
    base,
    absolute,
    grant(realPath, at) {
      add.run(realPath, at);
      return byPath.get(realPath)!.id;
    },
    relTo(rootId, abs) {
      const b = base(rootId);
      return b === null ? null : relInside(b, abs);
    },
    async inside(rootId, p) {
      const b = base(rootId);
      const abs = absolute(rootId, p);
      if (b === null || abs === null) return null;
      try {
        const [real, realRoot] = await Promise.all([realpath(abs), realpath(b)]);
        return real.startsWith(realRoot + sep) ? real : null;
      } catch {
        return null;
      }
    },
  };
}
