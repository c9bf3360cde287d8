/**
 * Walks a folder tree for media files without ever leaving it: links are never followed (a link
 * can point anywhere), depth and file count are bounded, and a folder that cannot be read is
 * reported, not fatal. Yields folder by folder so a huge tree never sits in memory at once.
 */
import { opendir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isMediaName } from './media-kind';
import type { Candidate, Skip } from './types';

export const MAX_DEPTH = 32;

export interface ScanOptions {
  signal?: AbortSignal;
  maxDepth?: number;
  /** Folders skipped inside the tree (the library's own hidden folders, the trash). */
  skipDir?: (abs: string) => boolean;
}

export interface ScanBatch {
  candidates: Candidate[];
  skipped: Skip[];
  /** Download-archive files found on the way (`*.archive`, `archive.txt`, `download-archive.txt`). */
  archives: string[];
}

const PART = /\.f[0-9]{1,4}\.[a-z0-9]+$/i;
const ARCHIVE_NAME = /^(?:(?:download[-_]?)?archive\.txt|.+\.archive)$/i;
const shown = (root: string, abs: string) => relative(root, abs).split(sep).join('/');

export async function* scanTree(root: string, o: ScanOptions = {}): AsyncGenerator<ScanBatch> {
  const maxDepth = o.maxDepth ?? MAX_DEPTH;
  const stack: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  while (stack.length > 0) {
    if (o.signal?.aborted) return;
    const { dir, depth } = stack.pop()!;
    const batch: ScanBatch = { candidates: [], skipped: [], archives: [] };
    const names = new Set<string>();
    const files: string[] = [];
    const subdirs: string[] = [];
    try {
      for await (const e of await opendir(dir, { bufferSize: 256 })) {
        names.add(e.name);
        const abs = join(dir, e.name);
        // Dirent types come from lstat: a link is a link here, whatever it points to.
        if (e.isSymbolicLink()) {
          if (isMediaName(e.name)) batch.skipped.push({ path: shown(root, abs), reason: 'link' });
        } else if (e.isDirectory()) {
          if (e.name.startsWith('.') || o.skipDir?.(abs)) continue;
          if (depth + 1 > maxDepth) batch.skipped.push({ path: shown(root, abs), reason: 'tooDeep' });
          else subdirs.push(abs);
        } else if (e.isFile()) {
          // `<stem>.f137.mp4`: a part yt-dlp merges and deletes, left behind by an interrupted download.
          if (isMediaName(e.name) && !PART.test(e.name)) files.push(e.name);
          else if (ARCHIVE_NAME.test(e.name)) batch.archives.push(abs);
        } else if (isMediaName(e.name)) {
          batch.skipped.push({ path: shown(root, abs), reason: 'notFile' });
        }
      }
    } catch {
      batch.skipped.push({ path: shown(root, dir) || '.', reason: 'unreadableFolder' });
    }
    for (const name of files.sort()) batch.candidates.push({ abs: join(dir, name), name, dir, siblings: names });
    // Sorted, then reversed onto the stack: folders come out in name order.
    for (const d of subdirs.sort().reverse()) stack.push({ dir: d, depth: depth + 1 });
    yield batch;
  }
}
