import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createLibrary, type Library } from './index';
import { createDiskUsage } from './disk-usage';

let dir: string;
let lib: string;
let db: Db;
let library: Library;

function addVideo(id: string, bytes: number, uploader: string | null) {
  mkdirSync(join(lib, 'Site'), { recursive: true });
  const file = join(lib, 'Site', `${id}.mp4`);
  writeFileSync(file, Buffer.alloc(bytes, 1));
  return library.add({ info: { id, extractor_key: 'Site', title: id, uploader }, filePath: file, thumbnailPath: null, sourceUrl: `https://example.com/${id}`, audioOnly: false });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-disk-'));
  lib = join(dir, 'library');
  mkdirSync(lib);
  db = openDatabase(join(dir, 'db.sqlite'));
  migrate(db);
  library = createLibrary({ db, libraryDir: lib, trashDir: null });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('library disk usage', () => {
  it('sums the videos kept, per channel, and asks the drive of the library folder', () => {
    const asked: string[] = [];
    const usage = createDiskUsage(db, () => lib, (d) => (asked.push(d), 123_456_789));
    expect(usage()).toEqual({ usedBytes: 0, freeBytes: 123_456_789, channelBytes: null });
    addVideo('a', 1000, 'Harbour & Co');
    addVideo('b', 2500, 'Harbour & Co');
    addVideo('c', 400, 'Other');
    addVideo('d', 7, null);
    expect(usage()).toEqual({ usedBytes: 3907, freeBytes: 123_456_789, channelBytes: null });
    expect(usage('Harbour & Co').channelBytes).toBe(3500);
    expect(usage('No such channel').channelBytes).toBe(0);
    expect(asked.every((d) => d === lib)).toBe(true);
  });

  it('reads the real drive when nothing is injected, and null when it cannot', () => {
    expect(createDiskUsage(db, () => lib)().freeBytes).toBeGreaterThan(0);
    expect(createDiskUsage(db, () => join(dir, 'gone'))().freeBytes).toBeNull();
  });
});
