/** A real temp library (SQLite + files) for the reorganize tests and the crash worker. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { openDatabase, type Db } from '../../db/open';
import { migrate } from '../../db/migrate';
import { createLibrary } from '../index';
import type { Library } from '../types';

export interface KitVideo {
  id: string;
  title: string;
  uploader: string;
  /** Library-relative path it was added at. */
  file: string;
}

export interface Kit {
  db: Db;
  lib: string;
  library: Library;
  /** Writes `<file>` (+ side files) with distinct bytes and adds it like a finished download. */
  add(file: string, opts?: { title?: string; uploader?: string; sides?: string[]; thumb?: string | null; bytes?: number }): KitVideo;
  paths(id: string): { file: string; thumb: string | null; subs: Array<{ lang: string; path: string }> };
}

export const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file under `root`, library-relative with '/' separators. */
export function listFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(root, p));
    else out.push(relative(root, p).split(sep).join('/'));
  }
  return out.sort();
}

export function listDirs(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const p = join(dir, e.name);
    out.push(relative(root, p).split(sep).join('/'), ...listDirs(root, p));
  }
  return out.sort();
}

/** `fast`: synchronous=NORMAL, for in-process tests that kill no process (the crash test keeps FULL). */
export function openKit(dbPath: string, lib: string, opts: { fast?: boolean } = {}): Kit {
  mkdirSync(lib, { recursive: true });
  const db = openDatabase(dbPath, opts.fast ? { synchronous: 'NORMAL' } : {});
  migrate(db);
  const library = createLibrary({ db, libraryDir: lib, trashDir: null });
  const abs = (rel: string) => join(lib, ...rel.split('/'));
  const write = (rel: string, text: string, pad: number) => {
    mkdirSync(dirname(abs(rel)), { recursive: true });
    writeFileSync(abs(rel), text + '.'.repeat(pad));
  };
  let n = 0;
  return {
    db,
    lib,
    library,
    add(file, o = {}) {
      n++;
      const siteId = `v${n}-${file.length}`;
      const title = o.title ?? `Video ${n}`;
      const uploader = o.uploader ?? 'Some Channel';
      write(file, `video ${file}`, o.bytes ?? 0);
      const stem = file.slice(0, file.lastIndexOf('.'));
      for (const s of o.sides ?? ['.info.json']) write(`${stem}${s}`, s.endsWith('.vtt') ? `WEBVTT\n\n00:00.000 --> 00:01.000\nline of ${file}\n` : `side ${s} of ${file}`, 0);
      const thumb = o.thumb === undefined ? null : o.thumb;
      if (thumb) write(thumb, `thumb of ${file}`, 0);
      const v = library.add({
        info: { id: siteId, extractor_key: 'Test', title, uploader, upload_date: '20240102', channel_id: 'UC1' },
        filePath: abs(file),
        thumbnailPath: thumb ? abs(thumb) : null,
        sourceUrl: `https://example.com/${siteId}`,
        audioOnly: false,
      });
      return { id: v.id, title, uploader, file };
    },
    paths(id) {
      const r = db.prepare('SELECT file_path, thumbnail_path FROM videos WHERE id = ?').get(id) as { file_path: string; thumbnail_path: string | null };
      const subs = db.prepare('SELECT lang, path FROM subtitle_tracks WHERE video_id = ? ORDER BY lang').all(id) as Array<{ lang: string; path: string }>;
      return { file: r.file_path, thumb: r.thumbnail_path, subs };
    },
  };
}

export const exists = (p: string): boolean => {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
};
