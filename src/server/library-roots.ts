import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { VidKeepError } from '../shared/errors';

/**
 * The folders given with `--library-root`, as real paths. Checked once at start: a root that is
 * missing or not a folder is the operator's mistake, told at once rather than at the first change.
 */
export function resolveLibraryRoots(dirs: readonly string[]): string[] {
  return dirs.map((dir) => {
    try {
      const real = realpathSync(resolve(dir));
      if (!statSync(real).isDirectory()) throw new Error('not a folder');
      return real;
    } catch {
      throw new VidKeepError('invalid-input', `--library-root ${dir} is not a folder on this computer.`, 'Create it first, or give another folder.');
    }
  });
}

const inside = (path: string, root: string) => {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/**
 * Where a browser may move the library: only a folder under one of the roots, checked on real
 * paths so a symlink inside a root cannot lead out of it. Returns the real path to use (the part
 * that does not exist yet is appended to its real parent), so the folder saved is the one checked.
 */
export function checkLibraryFolder(requested: string, roots: readonly string[]): string {
  if (roots.length === 0) {
    throw new VidKeepError('library-folder-locked', 'The library folder can only be changed in the desktop app.', 'To allow it here, start VidKeep with --library-root <folder>; then any folder inside that one can be picked.', { reason: 'desktopOnly' });
  }
  const where = roots.join(', ');
  if (!isAbsolute(requested)) throw new VidKeepError('library-folder-locked', `${requested} is not a full path.`, `Pick a folder inside ${where}.`, { reason: 'notFull', folder: requested, roots: where });
  // ".." after a symlink means the link's parent to the system but not to path.resolve: refuse it outright.
  if (requested.split(/[\\/]+/).some((part) => part === '..' || part === '.')) {
    throw new VidKeepError('library-folder-locked', 'A library folder path cannot contain "." or ".." parts.', `Pick a folder inside ${where}.`, { reason: 'dots', roots: where });
  }
  let existing = resolve(requested);
  const missing: string[] = [];
  for (;;) {
    try {
      existing = realpathSync(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) break;
      missing.unshift(existing.slice(parent.length).replace(/^[\\/]+/, ''));
      existing = parent;
    }
  }
  const real = missing.length ? join(existing, ...missing) : existing;
  if (!roots.some((root) => inside(real, root))) {
    throw new VidKeepError('library-folder-locked', `${requested} is outside the folders this VidKeep may use for the library (${where}).`, 'Pick a folder inside one of them, or change the library in the desktop app.', { reason: 'outside', folder: requested, roots: where });
  }
  return real;
}
