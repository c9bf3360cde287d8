/**
 * "Reorganize library": walks every video in batches and moves it (with its side files) to where
 * the layout puts it. Crash safety rests on three rules:
 *  1. the move is journaled (library_moves) before any file is touched;
 *  2. the database switches to the new paths in one transaction with the journal's 'committed',
 *     and only once every new name exists (old names stay until then);
 *  3. recovery() rolls back what was not committed and finishes what was, before any path is read.
 * So the database points at a file that exists at every instant, except in the one case with no
 * hard links (a journaled rename), where recovery runs at start-up before anything reads paths.
 */
import { join, posix } from 'node:path';
import type { Db } from '../../db/open';
import { realFs, type FsOps } from './fs-ops';
import { createJournal, type MoveEntry } from './journal';
import { CopyMismatch, discardOrphan, finish, NameTaken, place, rollback, type PlaceDeps } from './place';
import { VidKeepError } from '../../../shared/errors';
import { planMove, type PlanDeps, type SkipReason } from './plan';
import { numberedStem } from '../layout/index';

export interface Subject {
  id: string;
  title: string;
  /** Library-relative path of the video file now. */
  filePath: string;
  /** Its extension, without the dot. */
  ext: string;
  info: Record<string, unknown>;
}

export type MoveSkipReason = SkipReason | 'changed' | 'copy-failed' | 'error';

export interface ReorganizeProgress {
  done: number;
  total: number;
  moved: number;
  skipped: number;
  current: string | null;
}

export interface ReorganizeResult {
  /** Videos looked at (all of them unless cancelled). */
  done: number;
  total: number;
  moved: number;
  unchanged: number;
  skipped: Array<{ videoId: string; title: string; reason: MoveSkipReason }>;
  skippedCount: number;
  cancelled: boolean;
}

export interface ReorganizeOptions {
  db: Db;
  /** The library folder (absolute). */
  root: string;
  /** Where the layout puts a video: library-relative, '/' separators, with its extension. */
  target: (v: Subject) => string;
  fs?: FsOps;
  now?: () => number;
  signal?: AbortSignal;
  batchSize?: number;
  onProgress?: (p: ReorganizeProgress) => void;
  /** Videos whose paths changed (once per batch). */
  onChange?: (videoIds: string[]) => void;
}

interface Row {
  rowid: number;
  id: string;
  title: string;
  file_path: string;
  thumbnail_path: string | null;
  info_json: string | null;
  missing: number;
}

const MAX_LISTED_SKIPS = 200;
/** The info json fields naming reads (layout's fieldsFromInfo): an info json can be megabytes. */
const NAMING_KEYS = ['extractor_key', 'extractor', 'id', 'title', 'fulltitle', 'uploader', 'channel', 'uploader_id', 'channel_id', 'upload_date', 'release_date', 'timestamp', 'release_timestamp'];
const NAMING_INFO = `CASE WHEN json_valid(info_json) THEN json_object(${NAMING_KEYS.map((k) => `'${k}', json_extract(info_json, '$.${k}')`).join(', ')}) END`;

/** Whether a video already sits where the layout puts it (or at a numbered free name of it). */
export function isInPlace(filePath: string, target: string): boolean {
  if (filePath === target) return true;
  const dot = target.lastIndexOf('.');
  const slash = target.lastIndexOf('/');
  const [dir, stem, ext] = [target.slice(0, slash + 1), target.slice(slash + 1, dot), target.slice(dot)];
  if (!filePath.startsWith(dir) || !filePath.endsWith(ext) || filePath.slice(dir.length).includes('/')) return false;
  const have = filePath.slice(dir.length, filePath.length - ext.length);
  for (let n = 2; n <= 50; n++) if (have === numberedStem(stem, n)) return true;
  return false;
}

function parseInfo(json: string | null): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function createReorganizer(o: Pick<ReorganizeOptions, 'db' | 'root' | 'fs' | 'now'>) {
  const { db } = o;
  const fs = o.fs ?? realFs;
  const abs = (rel: string) => (rel === '' ? o.root : join(o.root, ...rel.split('/')));
  const journal = createJournal(db, o.now ?? Date.now);
  const deps = (entry: MoveEntry): PlaceDeps => ({ fs, abs, saveFiles: (files) => journal.update(entry.videoId, files) });
  const row = db.prepare<[string], { file_path: string; thumbnail_path: string | null }>('SELECT file_path, thumbnail_path FROM videos WHERE id = ?');
  const setPaths = db.prepare<[string, string | null, string]>('UPDATE videos SET file_path = ?, thumbnail_path = ?, missing = 0 WHERE id = ?');
  const setSub = db.prepare<[string, string, string, string]>('UPDATE subtitle_tracks SET path = ? WHERE video_id = ? AND lang = ? AND path = ?');
  const subsOf = db.prepare<[string], { lang: string; path: string }>('SELECT lang, path FROM subtitle_tracks WHERE video_id = ?');
  const pathTaken = db.prepare<[string, string, string], { n: number }>('SELECT 1 AS n FROM videos WHERE (file_path = ? OR thumbnail_path = ?) AND id <> ? AND root_id IS NULL LIMIT 1');
  // Videos imported where they lie (root_id, 010-import) are in the user's own folders, not the library's to move.
  const batch = db.prepare<[number, number], Row>(`SELECT rowid, id, title, file_path, thumbnail_path, missing, ${NAMING_INFO} AS info_json FROM videos WHERE rowid > ? AND root_id IS NULL ORDER BY rowid LIMIT ?`);
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM videos WHERE root_id IS NULL');

  /** The database switches to the new paths, if the row is still the one that was planned. */
  const commit = db.transaction((entry: MoveEntry): boolean => {
    const r = row.get(entry.videoId);
    const file = entry.files.find((f) => f.ref.kind === 'file')!;
    if (!r || r.file_path !== file.from) return false;
    const thumb = entry.files.find((f) => f.ref.kind === 'thumb' && f.from === r.thumbnail_path);
    setPaths.run(file.to, thumb ? thumb.to : r.thumbnail_path, entry.videoId);
    for (const f of entry.files) if (f.ref.kind === 'sub') setSub.run(f.to, entry.videoId, f.ref.lang, f.from);
    journal.setCommitted(entry.videoId);
    return true;
  });

  /** Rolls a move back; when its video was deleted meanwhile, what the move made goes too. */
  async function undo(entry: MoveEntry): Promise<void> {
    await rollback(deps(entry), entry);
    if (!row.get(entry.videoId)) await discardOrphan(deps(entry), entry);
  }

  /** Finishes committed moves and rolls back the rest; run before anything reads paths. */
  async function recover(): Promise<number> {
    const pending = journal.pending();
    for (const entry of pending) {
      // None of the video's names is here: another library folder (its drive unplugged, or the
      // default used meanwhile). The entry waits for its folder rather than be dropped unfinished.
      const file = entry.files.find((f) => f.ref.kind === 'file');
      if (file && !(await fs.lstat(abs(file.from))) && !(await fs.lstat(abs(file.to))) && !(await fs.lstat(abs(file.temp)))) continue;
      if (entry.state === 'committed') await finish(deps(entry), entry);
      else await undo(entry);
      journal.remove(entry.videoId);
    }
    return pending.length;
  }

  /** One video: 'moved', 'unchanged', or why it was skipped. */
  async function moveOne(r: Row, target: string, ctx: Pick<PlanDeps, 'rootReal' | 'listDir'>, moved: (files: MoveEntry['files']) => void): Promise<'moved' | 'unchanged' | MoveSkipReason> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = journal.claimed();
      const plan = await planMove(
        { fs, abs, ...ctx, taken: (rel) => claimed.has(rel) || pathTaken.get(rel, rel, r.id) !== undefined },
        { videoId: r.id, filePath: r.file_path, thumbnailPath: r.thumbnail_path, subtitles: subsOf.all(r.id), target },
      );
      if (plan.kind !== 'move') return plan.kind === 'unchanged' ? 'unchanged' : plan.reason;
      const entry: MoveEntry = { videoId: r.id, state: 'placing', files: plan.files };
      journal.begin(entry);
      const d = deps(entry);
      try {
        await place(d, entry);
      } catch (err) {
        await undo(entry);
        journal.remove(entry.videoId);
        if (err instanceof NameTaken) continue; // a file appeared under the chosen name: pick again
        if (err instanceof CopyMismatch) return 'copy-failed';
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return 'missing';
        // A full disk stops the whole job (the next video would fail the same way); a file the
        // system refuses (permissions, a locked file) is only this video's problem.
        if (code === 'ENOSPC' || code === 'EDQUOT') throw new VidKeepError('no-space', 'The disk holding your library is full; the video being moved stays where it was.', 'Free some space, then reorganize again.');
        if (!code) throw err;
        return 'error';
      }
      if (!commit(entry)) {
        // Deleted or downloaded again while its files were being placed: leave it as it is now.
        await undo(entry);
        journal.remove(entry.videoId);
        return 'changed';
      }
      await finish(d, entry);
      journal.remove(entry.videoId);
      moved(entry.files);
      return 'moved';
    }
    return 'no-free-name';
  }

  const subjectOf = (v: Row): Subject => {
    const dot = v.file_path.lastIndexOf('.');
    return { id: v.id, title: v.title, filePath: v.file_path, ext: dot > v.file_path.lastIndexOf('/') ? v.file_path.slice(dot + 1) : '', info: parseInfo(v.info_json) };
  };

  /** How many videos a run would move now (no file is looked at: the count for a confirmation). */
  function preview(target: (v: Subject) => string): { total: number; toMove: number } {
    let toMove = 0;
    let total = 0;
    for (let after = 0; ; ) {
      const rows = batch.all(after, 1000);
      if (rows.length === 0) break;
      for (const v of rows) {
        total++;
        after = v.rowid;
        if (v.missing === 1) continue;
        try {
          if (!isInPlace(v.file_path, target(subjectOf(v)))) toMove++;
        } catch {
          // counted as staying: the run skips it with its reason
        }
      }
    }
    return { total, toMove };
  }

  async function run(r: Pick<ReorganizeOptions, 'target' | 'signal' | 'batchSize' | 'onProgress' | 'onChange'>): Promise<ReorganizeResult> {
    await recover();
    const rootReal = await fs.realpath(o.root);
    if (!rootReal) throw new VidKeepError('invalid-input', `VidKeep cannot use the library folder ${o.root}.`, 'Check that its drive is connected, then try again.', { reason: 'folder', folder: o.root });
    // A folder's names, read once per batch; names this run moved out are dropped as it goes.
    let dirs = new Map<string, Set<string>>();
    const listDir = async (rel: string) => {
      let names = dirs.get(rel);
      if (!names) dirs.set(rel, (names = new Set(await fs.readdir(abs(rel === '.' ? '' : rel)))));
      return names;
    };
    const forget = (files: MoveEntry['files']) => {
      for (const f of files) dirs.get(posix.dirname(f.from))?.delete(posix.basename(f.from));
    };
    const result: ReorganizeResult = { done: 0, total: count.get()!.n, moved: 0, unchanged: 0, skipped: [], skippedCount: 0, cancelled: false };
    let done = 0;
    let after = 0;
    const size = r.batchSize ?? 100;
    const report = (current: string | null) => r.onProgress?.({ done, total: result.total, moved: result.moved, skipped: result.skippedCount, current });
    const skip = (v: Row, reason: MoveSkipReason) => {
      result.skippedCount++;
      if (result.skipped.length < MAX_LISTED_SKIPS) result.skipped.push({ videoId: v.id, title: v.title, reason });
    };
    report(null);
    for (;;) {
      const rows = batch.all(after, size);
      if (rows.length === 0) break;
      dirs = new Map();
      const changed: string[] = [];
      for (const v of rows) {
        report(v.title);
        if (r.signal?.aborted) {
          result.cancelled = true;
          break;
        }
        after = v.rowid;
        done++;
        if (v.missing === 1) {
          skip(v, 'missing');
          continue;
        }
        let target: string;
        try {
          target = r.target(subjectOf(v));
        } catch {
          skip(v, 'bad-target');
          continue;
        }
        const outcome = await moveOne(v, target, { rootReal, listDir }, forget);
        if (outcome === 'moved') {
          result.moved++;
          changed.push(v.id);
        } else if (outcome === 'unchanged') result.unchanged++;
        else skip(v, outcome);
      }
      if (changed.length > 0) r.onChange?.(changed);
      if (result.cancelled) break;
    }
    result.done = done;
    report(null);
    return result;
  }

  return { recover, run, preview };
}
export type Reorganizer = ReturnType<typeof createReorganizer>;
