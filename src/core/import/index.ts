/**
 * Import a folder, and rebuild from disk: a background queue job per import, one at a time, with
 * its status kept here and told (throttled) to the hosts. See run.ts for what one import does.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Db } from '../db/open';
import type { Queue } from '../queue/types';
import type { ImportMode, ImportStatus } from '../../shared/import';
import { VidKeepError } from '../../shared/errors';
import { createRoots } from '../library/roots';
import type { LayoutSetting } from '../library/layout/index';
import { createSubtitleIndex } from '../library/subtitles';
import { createImportStore } from './store';
import { createProber, type Prober } from './probe';
import { runImport } from './run';
import { isMediaName } from './media-kind';
import { inBorrowedSlot } from '../media/slot-lender';

export const IMPORT_JOB = 'library.import';
/** Status goes out at most this often while an import runs (the end always goes out at once). */
const STATUS_MS = 250;

interface ImportPayload {
  folder: string;
  mode: ImportMode;
  rebuild: boolean;
}

export interface ImportsOptions {
  db: Db;
  queue: Queue;
  libraryDir: () => string;
  layout: () => LayoutSetting;
  /** ffprobe's path, or null when it is missing (files without an info json are then skipped). */
  ffprobe: () => string | null;
  now: () => number;
  onStatus: (s: ImportStatus) => void;
  /** New videos; `inLibrary` false for files left where they are in a folder outside the library. */
  onVideos: (ids: string[], inLibrary: boolean) => void;
  importArchive: (keys: string[]) => number;
  /** Tests inject a prober; the real one runs ffprobe. */
  probe?: Prober;
  /** An import runs in a slot of its own, never a download's (slot-lender.ts). */
  borrowSlot?: () => () => void;
}

export interface Imports {
  start(folder: string, mode: ImportMode): ImportStatus;
  /** The running import, else the last one of this launch, else null. */
  status(): ImportStatus | null;
  cancel(): ImportStatus | null;
  /**
   * On an empty database over a library folder that already holds videos: imports the library
   * where it is, by itself. Returns whether it started.
   */
  rebuildIfEmpty(): boolean;
}

const fresh = (jobId: string, p: ImportPayload, now: number): ImportStatus => ({
  jobId, folder: p.folder, mode: p.mode, rebuild: p.rebuild, state: 'scanning', found: 0, done: 0, imported: 0, alreadyKept: 0,
  skipped: 0, archived: 0, current: null, skippedFiles: [], startedAt: now, finishedAt: null,
});

/** Whether a library folder holds anything that looks like a kept video (a quick look, not a scan). */
export function holdsVideos(dir: string, depth = 3): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  for (const n of names) {
    if (n.startsWith('.')) continue;
    if (n.endsWith('.info.json') || isMediaName(n)) return true;
  }
  if (depth === 0) return false;
  return names.some((n) => {
    if (n.startsWith('.')) return false;
    try {
      return statSync(`${dir}/${n}`).isDirectory() && holdsVideos(`${dir}/${n}`, depth - 1);
    } catch {
      return false;
    }
  });
}

export function createImports(o: ImportsOptions): Imports {
  const store = createImportStore(o.db);
  const subs = createSubtitleIndex(o.db);
  let current: ImportStatus | null = null;
  let timer: NodeJS.Timeout | null = null;
  const tell = (final = false) => {
    if (!current) return;
    if (final) {
      if (timer) clearTimeout(timer);
      timer = null;
      o.onStatus({ ...current, skippedFiles: [...current.skippedFiles] });
      return;
    }
    timer ??= setTimeout(() => {
      timer = null;
      if (current) o.onStatus({ ...current, skippedFiles: [...current.skippedFiles] });
    }, STATUS_MS);
  };
  const running = () => current !== null && (current.state === 'scanning' || current.state === 'importing');

  o.queue.register<ImportPayload, ImportStatus>(
    IMPORT_JOB,
    async (ctx) => {
      current = fresh(ctx.jobId, ctx.payload, o.now());
      const st = current;
      tell(true);
      const ffprobe = o.ffprobe();
      try {
        const out = await inBorrowedSlot(o.borrowSlot, ctx.signal, () => runImport({
          folder: ctx.payload.folder,
          mode: ctx.payload.mode,
          rebuild: ctx.payload.rebuild,
          libraryDir: o.libraryDir(),
          layout: o.layout(),
          store,
          roots: createRoots(o.db, o.libraryDir()),
          probe: o.probe ?? (ffprobe ? createProber(ffprobe) : null),
          now: o.now,
          signal: ctx.signal,
          status: st,
          onStatus: () => (st.state === 'done' || st.state === 'cancelled' ? tell(true) : tell()),
          onVideos: o.onVideos,
          importArchive: o.importArchive,
          indexSubtitles: (id, abs, rel) => void subs.index(id, abs, rel),
        }));
        return { ...out, skippedFiles: out.skippedFiles.slice(0, 100) };
      } catch (err) {
        st.state = 'failed';
        st.current = null;
        st.finishedAt = o.now();
        tell(true);
        throw new VidKeepError('invalid-input', `VidKeep cannot use the folder ${ctx.payload.folder}.`, undefined, { reason: 'folder', folder: ctx.payload.folder, detail: err instanceof Error ? err.message : String(err) });
      }
    },
    // An import that stopped half-way is simply run again: what it imported is skipped as kept.
    { defaults: { maxTries: 1, timeoutMs: 24 * 3_600_000, keepResultMs: 24 * 3_600_000 } },
  );

  const enqueue = (p: ImportPayload, jobId: string): ImportStatus => {
    const r = o.queue.enqueue(IMPORT_JOB, p, { jobId, label: p.folder, priority: 5 });
    // The queue may have started it already (a free slot): then the running status is the one.
    if (current?.jobId !== r.jobId) {
      current = fresh(r.jobId, p, o.now());
      tell(true);
    }
    return { ...current, skippedFiles: [...current.skippedFiles] };
  };

  return {
    start(folder, mode) {
      if (running()) return current!;
      let real: string;
      try {
        if (!isAbsolute(folder)) throw new Error('not absolute');
        real = realpathSync(folder);
        if (!statSync(real).isDirectory()) throw new Error('not a folder');
        readdirSync(real);
      } catch {
        throw new VidKeepError('invalid-input', `VidKeep cannot use the folder ${folder}.`, 'Pick a folder you can read, on a drive that is connected.', { reason: 'folder', folder });
      }
      return enqueue({ folder: real, mode, rebuild: false }, `import.${randomUUID()}`);
    },
    status: () => (current ? { ...current, skippedFiles: [...current.skippedFiles] } : null),
    cancel() {
      if (!current || !running()) return current;
      try {
        o.queue.cancel(current.jobId, 'Cancelled by you.');
      } catch {
        // already finished meanwhile
      }
      // A job still queued never runs its handler: its status ends here.
      if (o.queue.get(current.jobId)?.state === 'cancelled' && current.state === 'scanning' && current.found === 0) {
        current.state = 'cancelled';
        current.finishedAt = o.now();
        tell(true);
      }
      return current;
    },
    rebuildIfEmpty() {
      if (running() || store.videoCount() > 0 || !holdsVideos(o.libraryDir())) return false;
      // One id: a rebuild that a crash interrupted is recovered by the queue, never started twice.
      enqueue({ folder: o.libraryDir(), mode: 'in-place', rebuild: true }, 'import.rebuild');
      return true;
    },
  };
}
