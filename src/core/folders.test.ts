import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFolder } from './folders';

describe('ensureFolder', () => {
  it('creates missing levels and accepts an existing folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'vk-folders-'));
    const deep = join(root, 'a', 'b', 'c');
    expect(ensureFolder(deep)).toBe(true);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(ensureFolder(deep)).toBe(true);
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses relative paths, files, and places that cannot hold a folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'vk-folders-'));
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    expect(ensureFolder('Videos')).toBe(false);
    expect(ensureFolder(file)).toBe(false);
    expect(ensureFolder(join(file, 'below'))).toBe(false);
    // Node's own recursive mkdir never returns here; this must answer at once.
    expect(ensureFolder('/proc/vidkeep-cannot-exist/deeper')).toBe(false);
    rmSync(root, { recursive: true, force: true });
  });
});
