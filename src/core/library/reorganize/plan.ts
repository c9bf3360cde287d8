/**
 * Where one video's files go: its side files found beside it, a free name picked (never another
 * file's), and how each will be placed (a hard link on the same drive, else a copy).
 */
import { posix, sep } from 'node:path';
import { numberedStem } from '../layout/index';
import type { FsOps } from './fs-ops';
import type { FileRef, MoveFile } from './journal';

/** yt-dlp's and VidKeep's side files of `<stem>.<ext>`: the text after the stem. */
const SIDE = /^(?:\.info\.json|\.nfo|-thumb\.jpg|\.(?:jpg|jpeg|png|webp)|\.[A-Za-z0-9_-]{1,20}\.(?:vtt|srt|ass|ssa|ttml|lrc))$/;
const MAX_NAME_BYTES = 255;
const MAX_TRIES = 50;

export interface PlanInput {
  videoId: string;
  filePath: string;
  thumbnailPath: string | null;
  subtitles: Array<{ lang: string; path: string }>;
  /** Where the layout puts the video (library-relative, with its extension). */
  target: string;
}

export type Plan = { kind: 'unchanged' } | { kind: 'skip'; reason: SkipReason } | { kind: 'move'; files: MoveFile[] };
export type SkipReason = 'missing' | 'not-a-file' | 'bad-target' | 'bad-source' | 'no-free-name';

export interface PlanDeps {
  fs: FsOps;
  abs: (rel: string) => string;
  /** The library folder with links resolved: no file may come from or go to a place outside it. */
  rootReal: string;
  /** A folder's names (the engine caches them per batch: a flat library is one huge folder). */
  listDir: (rel: string) => Promise<Iterable<string>>;
  /** Names a pending move holds, and names other videos' rows point at. */
  taken: (rel: string) => boolean;
}

/** A library-relative path that cannot lead out of the library or name a folder itself. */
export function isSafeRel(p: string): boolean {
  if (p.length === 0 || p.length > 4096 || p.startsWith('/') || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((c) => c !== '' && c !== '.' && c !== '..' && Buffer.byteLength(c) <= MAX_NAME_BYTES);
}

const splitExt = (name: string): { stem: string; ext: string } => {
  const ext = posix.extname(name);
  return ext && ext !== name ? { stem: name.slice(0, -ext.length), ext } : { stem: name, ext: '' };
};

/** Shortens a stem (whole code points) so `stem + suffix` fits one file name. */
export function fitStem(stem: string, suffix: string): string {
  const room = MAX_NAME_BYTES - Buffer.byteLength(suffix);
  let out = stem;
  while (Buffer.byteLength(out) > room && out.length > 0) out = Array.from(out).slice(0, -1).join('');
  return out.trimEnd().replace(/[. ]+$/, '') || '_';
}

interface Part {
  from: string;
  /** The text after the stem in the new name. */
  suffix: string;
  ref: FileRef;
}

async function partsOf(d: PlanDeps, i: PlanInput): Promise<Part[]> {
  const dir = posix.dirname(i.filePath);
  const { stem, ext } = splitExt(posix.basename(i.filePath));
  const parts: Part[] = [{ from: i.filePath, suffix: ext, ref: { kind: 'file' } }];
  const has = (from: string) => parts.some((p) => p.from === from);
  const add = (from: string, ref: FileRef, fallbackSuffix: string) => {
    const name = posix.basename(from);
    const suffix = posix.dirname(from) === dir && name.startsWith(stem) && SIDE.test(name.slice(stem.length)) ? name.slice(stem.length) : fallbackSuffix;
    if (parts.some((p) => p.suffix === suffix)) return; // two files cannot share one new name
    parts.push({ from, suffix, ref });
  };
  if (i.thumbnailPath && isSafeRel(i.thumbnailPath) && (await d.fs.lstat(d.abs(i.thumbnailPath)))?.isFile) add(i.thumbnailPath, { kind: 'thumb' }, splitExt(i.thumbnailPath).ext);
  for (const s of i.subtitles) {
    if (has(s.path) || !isSafeRel(s.path) || !(await d.fs.lstat(d.abs(s.path)))?.isFile) continue;
    add(s.path, { kind: 'sub', lang: s.lang }, `.${s.lang}${splitExt(s.path).ext}`);
  }
  for (const name of [...(await d.listDir(dir))].sort()) {
    const rel = dir === '.' ? name : `${dir}/${name}`;
    if (!name.startsWith(stem) || has(rel) || !SIDE.test(name.slice(stem.length))) continue;
    if (!(await d.fs.lstat(d.abs(rel)))?.isFile) continue;
    add(rel, { kind: 'side' }, name.slice(stem.length));
  }
  return parts;
}

const within = (d: PlanDeps, real: string | null) => real !== null && (real === d.rootReal || real.startsWith(d.rootReal + sep));

/**
 * The drive of the nearest folder that exists at or above `rel`'s folder, or null when that folder
 * leads out of the library (a symbolic link to elsewhere): nothing is moved there.
 */
async function deviceOf(d: PlanDeps, rel: string): Promise<number | null> {
  for (let dir = posix.dirname(rel); ; dir = posix.dirname(dir)) {
    const at = d.abs(dir === '.' ? '' : dir);
    const s = await d.fs.stat(at);
    if (s) return within(d, await d.fs.realpath(at)) ? s.dev : null;
    if (dir === '.' || dir === '/') return null;
  }
}

export async function planMove(d: PlanDeps, i: PlanInput): Promise<Plan> {
  if (!isSafeRel(i.filePath)) return { kind: 'skip', reason: 'bad-source' };
  if (!isSafeRel(i.target) || !splitExt(posix.basename(i.target)).ext) return { kind: 'skip', reason: 'bad-target' };
  if (i.target === i.filePath) return { kind: 'unchanged' };
  const src = await d.fs.lstat(d.abs(i.filePath));
  if (!src) return { kind: 'skip', reason: 'missing' };
  if (!src.isFile) return { kind: 'skip', reason: 'not-a-file' };
  // A folder on the way may be a link to elsewhere: never move a file in from outside the library.
  if (!within(d, await d.fs.realpath(d.abs(posix.dirname(i.filePath) === '.' ? '' : posix.dirname(i.filePath))))) return { kind: 'skip', reason: 'bad-source' };
  const dev = await deviceOf(d, i.target);
  if (dev === null) return { kind: 'skip', reason: 'bad-target' };
  const parts = await partsOf(d, i);
  const own = new Set(parts.map((p) => p.from));
  const tdir = posix.dirname(i.target);
  const base = splitExt(posix.basename(i.target)).stem;
  const longest = parts.reduce((a, p) => (Buffer.byteLength(p.suffix) > Buffer.byteLength(a) ? p.suffix : a), '');
  for (let n = 1; n <= MAX_TRIES; n++) {
    // " (n)" goes before a trailing " [id]", as new downloads name theirs (layout's numberedStem).
    const stem = fitStem(n === 1 ? base : numberedStem(base, n), longest);
    const names = parts.map((p) => (tdir === '.' ? '' : `${tdir}/`) + stem + p.suffix);
    if (names.every((to, k) => to === parts[k]!.from)) return { kind: 'unchanged' };
    let free = true;
    for (const to of names) {
      // A name this video's own files hold now is freed by this very move.
      if (own.has(to)) continue;
      if (d.taken(to) || (await d.fs.lstat(d.abs(to)))) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    const mode = dev === src.dev ? 'link' : 'copy';
    const tmpId = i.videoId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
    return {
      kind: 'move',
      files: parts.map((p, k) => ({ from: p.from, to: names[k]!, temp: `${tdir === '.' ? '' : `${tdir}/`}.vk-move-${tmpId}-${k}.tmp`, mode, ref: p.ref })),
    };
  }
  return { kind: 'skip', reason: 'no-free-name' };
}
