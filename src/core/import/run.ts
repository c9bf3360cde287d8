/**
 * One import: scan the folder, then handle the files in chunks, each chunk's new rows written in
 * one transaction. Stops between chunks when cancelled: what was imported stays imported.
 */
import { realpath, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportMode, ImportStatus } from '../../shared/import';
import type { Roots } from '../library/roots';
import { relInside } from '../library/roots';
import { parseArchive } from '../subscriptions/archive';
import { scanTree } from './scan';
import PQueue from 'p-queue';
import { createExaminer, stemOf, type Examined } from './examine';
import { extOf, SUBTITLE_EXTS } from './media-kind';
import { transfer, freeStem } from './place';
import { plannedStem } from './placement';
import type { LayoutSetting } from '../library/layout/index';
import type { Prober } from './probe';
import type { ImportStore, NewRow } from './store';
import type { Candidate, Skip } from './types';

/** Files one import takes at most; the rest are listed once as too many. */
export const MAX_FILES = 200_000;
const MAX_LISTED = 500;
/** Files handled at once; their rows go in one transaction. Small enough that cancel is quick. */
const CHUNK = 32;

export interface RunImportOptions {
  folder: string;
  mode: ImportMode;
  rebuild: boolean;
  libraryDir: string;
  /** The layout new downloads use: copied and moved files are named by it too. */
  layout: LayoutSetting;
  store: ImportStore;
  roots: Roots;
  probe: Prober | null;
  now: () => number;
  signal: AbortSignal;
  status: ImportStatus;
  /** Called after every change of `status` (the caller throttles). */
  onStatus: () => void;
  /** New videos; `inLibrary` false for files left where they are in a folder outside the library. */
  onVideos: (ids: string[], inLibrary: boolean) => void;
  /** yt-dlp archive lines found in the folder: counted as kept for future downloads. */
  importArchive: (keys: string[]) => number;
  /** Indexes a new video's subtitle files (beside `abs`, paths relative by `rel`). */
  indexSubtitles: (videoId: string, abs: string, rel: (abs: string) => string) => void;
}

/** ffprobe runs at most two at a time: an import must leave the CPU to downloads and playback. */
export function limitProbes(probe: Prober | null, width = 2): Prober | null {
  if (!probe) return null;
  const probes = new PQueue({ concurrency: width });
  // The prober never throws and ends at once when the signal aborts, so a waiting probe needs no signal of its own.
  return (file, signal) => probes.add(() => probe(file, signal));
}

export async function runImport(o: RunImportOptions): Promise<ImportStatus> {
  const st = o.status;
  const folder = await realpath(o.folder);
  const libReal = await realpath(o.libraryDir);
  const inPlace = o.mode === 'in-place';
  // Where the rows' paths are relative to: the library when the folder lies in it, else a granted root.
  let rootId: number | null = null;
  let base = libReal;
  if (inPlace && folder !== libReal && relInside(libReal, folder) === null) {
    rootId = o.roots.grant(folder, o.now());
    base = folder;
  }
  const skip = (s: Skip) => {
    st.skipped++;
    if (st.skippedFiles.length < MAX_LISTED) st.skippedFiles.push(s);
  };
  const shown = (abs: string) => relInside(folder, abs) ?? abs;

  const candidates: Candidate[] = [];
  for await (const batch of scanTree(folder, { signal: o.signal, skipDir: (d) => !inPlace && (d === libReal || relInside(libReal, d) !== null) })) {
    batch.skipped.forEach(skip);
    for (const c of batch.candidates) {
      if (candidates.length < MAX_FILES) candidates.push(c);
      else if (candidates.length === MAX_FILES) skip({ path: shown(c.dir), reason: 'tooMany' });
    }
    for (const a of batch.archives) {
      try {
        st.archived += o.importArchive(parseArchive(await readFile(a, 'utf8')).keys);
      } catch {
        skip({ path: shown(a), reason: 'unreadable' });
      }
    }
    st.found = candidates.length;
    o.onStatus();
  }
  if (o.signal.aborted) return finish(st, 'cancelled', o);
  st.state = 'importing';
  o.onStatus();

  const examine = createExaminer({ probe: limitProbes(o.probe), signal: o.signal, knownFile: (k) => o.store.knownFile(k) });
  for (let i = 0; i < candidates.length; i += CHUNK) {
    if (o.signal.aborted) return finish(st, 'cancelled', o);
    const chunk = candidates.slice(i, i + CHUNK);
    st.current = shown(chunk[0]!.abs);
    o.onStatus();
    const ready: Array<{ row: NewRow; abs: string; file: Examined }> = [];
    await Promise.all(
      chunk.map(async (c) => {
        // Cancelled mid-chunk: what is examined already is still written below; the rest waits.
        if (o.signal.aborted) return;
        if (inPlace) {
          const rel = relInside(base, c.abs);
          if (rel !== null && o.store.keptAtPath(rootId, rel)) return void st.alreadyKept++;
        }
        const ex = await examine(c);
        if (o.signal.aborted && !ex.ok) return;
        if (!ex.ok) {
          if (ex.reason === 'already-kept') st.alreadyKept++;
          else skip({ path: shown(c.abs), reason: ex.reason });
          return;
        }
        const f = ex.file;
        const site = f.meta?.site ?? 'Local';
        const siteId = f.meta?.siteId ?? f.localId!;
        if (o.store.keptSource(site, siteId)) return void st.alreadyKept++;
        let abs = c.abs;
        let thumbAbs = f.thumbName ? join(c.dir, f.thumbName) : null;
        if (!inPlace) {
          const placed = await place(o, c, f, siteId, libReal);
          if (!placed) return skip({ path: shown(c.abs), reason: 'copyFailed' });
          ({ abs, thumbAbs } = placed);
        }
        const rel = relInside(base, abs);
        if (rel === null) return skip({ path: shown(c.abs), reason: 'unreadable' });
        ready.push({
          abs,
          file: f,
          row: {
            site, siteId, title: f.title, uploader: f.meta?.uploader ?? null, description: f.meta?.description ?? null,
            duration: f.durationSec, size: f.size, filePath: rel, thumbnailPath: thumbAbs ? relInside(base, thumbAbs) : null,
            infoJson: f.meta ? JSON.stringify(f.meta.info) : null, sourceUrl: f.meta?.sourceUrl ?? '',
            // A rebuilt library keeps its order: the file's time stands for when it was kept.
            addedAt: o.rebuild ? f.mtimeMs : o.now(), audioOnly: f.audioOnly, rootId: inPlace ? rootId : null, fileKey: f.fileKey,
          },
        });
      }),
    );
    const ids = o.store.insert(ready.map((r) => r.row));
    const added: string[] = [];
    ids.forEach((id, k) => {
      if (id === null) return void st.alreadyKept++;
      added.push(id);
      const r = ready[k]!;
      if (r.file.hasSubtitles) {
        o.indexSubtitles(id, r.abs, (a) => {
          const p = relInside(base, a);
          if (p === null) throw new Error('outside');
          return p;
        });
      }
    });
    st.imported += added.length;
    st.done = Math.min(candidates.length, i + chunk.length);
    if (o.signal.aborted) st.done = st.imported + st.alreadyKept + st.skipped;
    if (added.length > 0) o.onVideos(added, rootId === null);
    o.onStatus();
  }
  return finish(st, 'done', o);
}

function finish(st: ImportStatus, state: 'done' | 'cancelled', o: RunImportOptions): ImportStatus {
  st.state = state;
  st.current = null;
  st.finishedAt = o.now();
  o.onStatus();
  return st;
}

/** Copies or moves the file and its side files into the library; null when the media file failed. */
async function place(o: RunImportOptions, c: Candidate, f: Examined, siteId: string, libReal: string): Promise<{ abs: string; thumbAbs: string | null } | null> {
  const ext = extOf(c.name);
  const stem = stemOf(c.name);
  const subs = [...c.siblings].filter((n) => n !== c.name && n.startsWith(`${stem}.`) && SUBTITLE_EXTS.has(extOf(n)));
  const sides = [...(f.meta ? [`${stem}.info.json`] : []), ...(f.thumbName ? [f.thumbName] : []), ...subs];
  const tail = (n: string) => n.slice(stem.length + 1);
  try {
    const target = await freeStem(libReal, plannedStem(o.layout, f.meta?.info ?? null, ext, { siteId, title: f.title }), [ext, ...sides.map(tail)]);
    const dest = (suffix: string) => join(libReal, ...`${target}.${suffix}`.split('/'));
    await transfer(c.abs, dest(ext), o.mode === 'move' ? 'move' : 'copy');
    for (const n of sides) await transfer(join(c.dir, n), dest(tail(n)), o.mode === 'move' ? 'move' : 'copy').catch(() => undefined);
    return { abs: dest(ext), thumbAbs: f.thumbName ? dest(tail(f.thumbName)) : null };
  } catch {
    return null;
  }
}
