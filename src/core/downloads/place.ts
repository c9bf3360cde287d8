import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { Db } from '../db/open';
import type { LayoutSetting } from '../../shared/layout';
import { fieldsFromInfo, numberedStem, planPath } from '../library/layout/index';

/**
 * Moving a finished download from yt-dlp's id-named staging place to its readable path (issue 14).
 * Crash-safe by a journal: the planned moves are committed before any file moves, and the journal
 * row goes in the same transaction that indexes the video. A run after a kill finds the journal,
 * finishes (or confirms) the moves and indexes the file where it really is.
 */

/** One journal per download job, in the key-value table the queue already keeps its own state in. */
const journalKey = (jobId: string) => `download.place.${jobId}`;

export interface Placement {
  /** Absolute path of the video file, where it is now. */
  file: string;
  /** [from, to] library-relative pairs, video file first. */
  moves: Array<[string, string]>;
}

const SUB_EXTS = new Set(['vtt', 'srt', 'ass', 'ssa', 'ttml', 'lrc', 'json3', 'srv1', 'srv2', 'srv3']);
const THUMB_EXTS = new Set(['jpg', 'jpeg', 'webp', 'png']);

/**
 * The side files of `<stem>.<ext>` among a folder's names: `<stem>.info.json`, `<stem>.<thumb>`,
 * `<stem>.<lang>.<sub>`. A language holds no dot, so another video "<stem>.en" is never taken.
 */
export function sideFileSuffixes(stem: string, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (!name.startsWith(`${stem}.`)) continue;
    const rest = name.slice(stem.length + 1);
    const parts = rest.split('.');
    if (rest === 'info.json' || (parts.length === 1 && THUMB_EXTS.has(parts[0]!.toLowerCase()))) out.push(`.${rest}`);
    else if (parts.length === 2 && /^[A-Za-z0-9_-]{1,35}$/u.test(parts[0]!) && SUB_EXTS.has(parts[1]!.toLowerCase())) out.push(`.${rest}`);
  }
  return out;
}

const taken = (p: string): boolean => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/** The real folder must sit inside the real library: a symlinked uploader folder cannot lead out. */
function insideReal(dir: string, libraryDir: string): boolean {
  const root = realpathSync(libraryDir);
  const real = realpathSync(dir);
  return real === root || real.startsWith(root + sep);
}

export interface PlaceInput {
  db: Db;
  jobId: string;
  libraryDir: string;
  layout: LayoutSetting;
  /** Absolute path yt-dlp reported. */
  file: string;
  info: Record<string, unknown>;
  dayIndex: number;
  /** Kept after the planned stem (a clip's ".clip-2-7.5"), so a clip never takes its video's name. */
  stemSuffix?: string;
  /** Hears the journal committed (0) and each finished rename (the crash test kills the process there). */
  onMoved?: (done: number) => void;
}

/** Plans and journals the moves, then moves. Anything unexpected leaves the files where yt-dlp put them. */
export function placeDownload(i: PlaceInput): Placement {
  const ext = extname(i.file).slice(1);
  const fromDir = dirname(i.file);
  const fromStem = basename(i.file, extname(i.file));
  const suffixes = [`.${ext}`, ...sideFileSuffixes(fromStem, readdirSync(fromDir))];
  const planned = planPath(i.layout, fieldsFromInfo(i.info, ext, i.dayIndex));
  const relDir = dirname(planned) === '.' ? '' : dirname(planned);
  const baseStem = basename(planned, extname(planned)) + (i.stemSuffix ?? '');
  const toDir = join(i.libraryDir, relDir);
  try {
    mkdirSync(toDir, { recursive: true });
    if (!insideReal(toDir, i.libraryDir)) return stay(i.file);
  } catch {
    return stay(i.file);
  }
  // Never overwrite: the first stem under which none of this video's files exist yet.
  let stem = baseStem;
  for (let n = 2; suffixes.some((s) => taken(join(toDir, stem + s))); n++) {
    if (n > 999) return stay(i.file);
    stem = numberedStem(baseStem, n);
  }
  const rel = (p: string) => relative(i.libraryDir, p).split(sep).join('/');
  const moves = suffixes.map((s): [string, string] => [rel(join(fromDir, fromStem + s)), rel(join(toDir, stem + s))]);
  if (moves[0]![0] === moves[0]![1]) return stay(i.file);
  i.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(journalKey(i.jobId), JSON.stringify(moves));
  i.onMoved?.(0);
  return { file: finishMoves(i.libraryDir, moves, i.onMoved), moves };
}

const stay = (file: string): Placement => ({ file, moves: [] });

/** Does what is left of the moves (each one is a rename, or already done); returns where the video file is. */
function finishMoves(libraryDir: string, moves: Array<[string, string]>, onMoved?: (done: number) => void): string {
  const abs = (r: string) => join(libraryDir, ...r.split('/'));
  let video = '';
  for (const [index, [from, to]] of moves.entries()) {
    let at = abs(to);
    if (existsSync(abs(from)) && !taken(abs(to))) {
      try {
        renameSync(abs(from), abs(to));
        onMoved?.(index + 1);
      } catch {
        at = abs(from);
      }
    } else if (existsSync(abs(from))) {
      at = abs(from); // something took the name meanwhile: the file stays, still found
    }
    if (index === 0) video = at;
    // The video could not move: its side files stay beside it.
    if (index === 0 && at === abs(from)) break;
  }
  return video;
}

/**
 * A journal left by a run that was killed after planning: its moves are finished now. Returns the
 * video file when it exists (the caller indexes it without downloading again), else null.
 */
export function resumePlacement(db: Db, libraryDir: string, jobId: string): Placement | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(journalKey(jobId));
  if (!row) return null;
  let moves: Array<[string, string]>;
  try {
    moves = JSON.parse(row.value) as Array<[string, string]>;
  } catch {
    clearPlacement(db, jobId);
    return null;
  }
  const file = finishMoves(libraryDir, moves);
  if (!existsSync(file)) {
    clearPlacement(db, jobId);
    return null;
  }
  return { file, moves };
}

/** Called inside the transaction that indexes the video: from then on the database holds the path. */
export function clearPlacement(db: Db, jobId: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(journalKey(jobId));
}

/** Media-server episode number: 1 + this uploader's kept videos of that day (other than this one). */
export function dayIndexFor(db: Db, info: Record<string, unknown>): number {
  const f = fieldsFromInfo(info, 'x');
  if (!f.uploadDate || !f.uploader) return 1;
  const row = db
    .prepare<[string, string, string], { n: number }>(
      "SELECT count(*) AS n FROM videos WHERE uploader = ? AND json_extract(info_json, '$.upload_date') = ? AND site_id <> ?",
    )
    .get(f.uploader, f.uploadDate, f.siteId);
  return 1 + (row?.n ?? 0);
}
