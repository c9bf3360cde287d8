import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLibraryFolder, resolveLibraryRoots } from './library-roots';

let dir: string;
let root: string;
let roots: string[];
beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'vk-roots-')));
  root = join(dir, 'videos');
  mkdirSync(join(root, 'kept'), { recursive: true });
  mkdirSync(join(dir, 'elsewhere'));
  mkdirSync(join(dir, 'videos-evil'));
  // Links inside the root: one out of it, one to a folder inside it.
  symlinkSync(join(dir, 'elsewhere'), join(root, 'out-link'));
  symlinkSync(join(root, 'kept'), join(root, 'in-link'));
  symlinkSync('/', join(root, 'to-slash'));
  writeFileSync(join(dir, 'file'), 'x');
  roots = resolveLibraryRoots([root]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('library roots', () => {
  it('refuses every change when no root was given', () => {
    expect(() => checkLibraryFolder(join(root, 'kept'), [])).toThrowError(expect.objectContaining({ code: 'library-folder-locked', message: expect.stringMatching(/only be changed in the desktop app/) }));
  });

  it('allows the root, a folder in it, and one not made yet', () => {
    expect(checkLibraryFolder(root, roots)).toBe(root);
    expect(checkLibraryFolder(join(root, 'kept'), roots)).toBe(join(root, 'kept'));
    expect(checkLibraryFolder(join(root, 'new', 'deeper'), roots)).toBe(join(root, 'new', 'deeper'));
    // A link to a folder inside the root is fine, and what is saved is the real folder.
    expect(checkLibraryFolder(join(root, 'in-link', 'sub'), roots)).toBe(join(root, 'kept', 'sub'));
  });

  it.each([
    ['an absolute path elsewhere', () => join(dir, 'elsewhere')],
    ['the system root', () => '/'],
    ['/etc', () => '/etc'],
    ['a sibling whose name starts like the root', () => join(dir, 'videos-evil')],
    ['a symlink inside the root leading out', () => join(root, 'out-link')],
    ['a folder to be made under a link leading out', () => join(root, 'out-link', 'new')],
    ['a link to / inside the root', () => join(root, 'to-slash', 'etc')],
  ])('refuses %s', (_what, path) => {
    expect(() => checkLibraryFolder(path(), roots)).toThrowError(expect.objectContaining({ code: 'library-folder-locked', message: expect.stringMatching(/outside the folders/) }));
  });

  it.each([
    ['..', () => join(root, '..', 'elsewhere').replace('/elsewhere', '/../elsewhere')],
    ['.. after a link', () => `${root}/out-link/../../etc`],
    ['.. that stays inside', () => `${root}/kept/../kept`],
    ['.', () => `${root}/./kept`],
    ['a relative path', () => 'videos/kept'],
  ])('refuses a path with %s', (_what, path) => {
    expect(() => checkLibraryFolder(path(), roots)).toThrowError(expect.objectContaining({ code: 'library-folder-locked' }));
  });

  it('checks roots at start with a clear message', () => {
    expect(() => resolveLibraryRoots([join(dir, 'missing')])).toThrow(/--library-root .*missing is not a folder/);
    expect(() => resolveLibraryRoots([join(dir, 'file')])).toThrow(/not a folder/);
    symlinkSync(root, join(dir, 'root-link'));
    expect(resolveLibraryRoots([join(dir, 'root-link')])).toEqual([root]);
  });
});
