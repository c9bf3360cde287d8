/**
 * Subtitle files beside a video: listed as tracks, served as WebVTT, and every line indexed
 * (FTS5, by video and start time) so a phrase finds the moment it is said.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Db } from '../db/open';
import type { SubtitleHit, SubtitleTrack } from '../../shared/types';
import { formatOf, parseSubtitles, toWebVtt, type SubtitleFormat } from './subtitle-format';
import { phraseMatch, phraseWords } from './subtitle-phrase';

/** Larger than any real subtitle file; a bigger one is not read into memory. */
const MAX_BYTES = 8 * 1024 * 1024;
const LANG = /^[A-Za-z0-9_-]{1,20}$/;

export interface SubtitleFile {
  lang: string;
  format: SubtitleFormat;
  abs: string;
}

/** `<stem>.<lang>.vtt|srt|ass|ssa` beside the video, as yt-dlp names them. */
export function subtitleFiles(absVideo: string): SubtitleFile[] {
  const dir = dirname(absVideo);
  const stem = basename(absVideo, extname(absVideo));
  const out: SubtitleFile[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  for (const f of names.sort()) {
    if (!f.startsWith(`${stem}.`)) continue;
    const rest = f.slice(stem.length + 1);
    const m = /^(.+)\.([A-Za-z]+)$/.exec(rest);
    const format = formatOf(f);
    if (!m || !format || !LANG.test(m[1]!) || m[1] === 'live_chat') continue;
    if (!out.some((t) => t.lang === m[1])) out.push({ lang: m[1]!, format, abs: join(dir, f) });
  }
  return out;
}

/**
 * As-you-type phrase: the words in order, then the same with the last one as a prefix. Never FTS
 * syntax. The exact phrase goes first because a prefix of a common word ('dor' -> every 'dor…')
 * makes FTS5 merge thousands of lists, while an exact phrase skips along its rarest word.
 */
export function phraseQuery(text: string): { exact: string; prefix: string | null; words: string[] } | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)?.slice(0, 16);
  if (!words || words.length === 0) return null;
  const exact = `"${words.join(' ')}"`;
  // A one-letter prefix matches nearly every line: wait for the second letter.
  return { exact, prefix: words[words.length - 1]!.length >= 2 ? `${exact}*` : null, words };
}

/** Lines of whole words tested for the cut one before FTS5's prefix query is left to do it (subtitle-phrase.ts). */
const HEAD_BUDGET = 20_000;
/** A cut word this long starts few words: FTS5's prefix query merges little. */
const LONG_CUT = 5;

const toHits = (rows: Array<{ video_id: string; lang: string; start_ms: number; text: string; title: string }>): SubtitleHit[] =>
  rows.map((r) => ({ videoId: r.video_id, title: r.title, lang: r.lang, startSec: r.start_ms / 1000, text: r.text }));

export interface SubtitleIndex {
  /** Replaces what is known of this video's subtitles with the files beside it now. */
  index(videoId: string, absVideo: string, rel: (abs: string) => string): number;
  tracks(videoId: string): SubtitleTrack[];
  /** The library-relative path of one language's file. */
  pathOf(videoId: string, lang: string): string | null;
  search(query: string, limit: number): SubtitleHit[];
}

export async function readAsVtt(abs: string, format: SubtitleFormat): Promise<string | null> {
  try {
    if ((await stat(abs)).size > MAX_BYTES) return null;
    return toWebVtt(parseSubtitles(await readFile(abs, 'utf8'), format));
  } catch {
    return null;
  }
}

export function createSubtitleIndex(db: Db): SubtitleIndex {
  const dropLines = db.prepare<[string]>('DELETE FROM subtitle_lines WHERE video_id = ?');
  const dropTracks = db.prepare<[string]>('DELETE FROM subtitle_tracks WHERE video_id = ?');
  const addTrack = db.prepare<[string, string, string]>('INSERT OR REPLACE INTO subtitle_tracks (video_id, lang, path) VALUES (?, ?, ?)');
  const addLine = db.prepare<[string, string, number, string]>('INSERT INTO subtitle_lines (video_id, lang, start_ms, text) VALUES (?, ?, ?, ?)');
  const listTracks = db.prepare<[string], { lang: string; path: string }>('SELECT lang, path FROM subtitle_tracks WHERE video_id = ? ORDER BY lang');
  const onePath = db.prepare<[string, string], { path: string }>('SELECT path FROM subtitle_tracks WHERE video_id = ? AND lang = ?');
  // FTS hands matches back in rowid order and stops at the limit: no ranking pass over every match.
  const find = db.prepare<[string, number], { video_id: string; lang: string; start_ms: number; text: string; title: string }>(`
    SELECT l.video_id, l.lang, l.start_ms, l.text, v.title
    FROM subtitle_fts f JOIN subtitle_lines l ON l.id = f.rowid JOIN videos v ON v.id = l.video_id
    WHERE subtitle_fts MATCH ? LIMIT ?`);
  const headLines = db.prepare<[string], { id: number; text: string }>('SELECT rowid AS id, text FROM subtitle_fts WHERE subtitle_fts MATCH ?');
  const hitOf = db.prepare<[number], { video_id: string; lang: string; start_ms: number; text: string; title: string }>(
    'SELECT l.video_id, l.lang, l.start_ms, l.text, v.title FROM subtitle_lines l JOIN videos v ON v.id = l.video_id WHERE l.id = ?',
  );
  /**
   * The cut phrase's first `limit` lines, from the lines holding every word but the last (in rowid
   * order, as FTS5 answers). Null past HEAD_BUDGET lines, or at a line only FTS5 can judge.
   */
  const byHead = (words: string[], folded: string[], limit: number): number[] | null => {
    const ids: number[] = [];
    let seen = 0;
    for (const line of headLines.iterate(`"${words.slice(0, -1).join(' ')}"`)) {
      if (++seen > HEAD_BUDGET) return null;
      const m = phraseMatch(line.text, folded);
      if (m === null) return null;
      if (m >= 1 && ids.push(line.id) >= limit) break;
    }
    return ids;
  };
  const hitsOf = (ids: number[]) => ids.flatMap((id) => hitOf.get(id) ?? []);

  const index = db.transaction((videoId: string, files: Array<SubtitleFile & { text: string; path: string }>) => {
    dropLines.run(videoId);
    dropTracks.run(videoId);
    let n = 0;
    for (const f of files) {
      addTrack.run(videoId, f.lang, f.path);
      for (const c of parseSubtitles(f.text, f.format)) {
        addLine.run(videoId, f.lang, c.startMs, c.text.replace(/\n/g, ' '));
        n++;
      }
    }
    return n;
  });

  return {
    index(videoId, absVideo, rel) {
      const files = subtitleFiles(absVideo).flatMap((f) => {
        try {
          if (statSync(f.abs).size > MAX_BYTES) return [];
          return [{ ...f, text: readFileSync(f.abs, 'utf8'), path: rel(f.abs) }];
        } catch {
          return [];
        }
      });
      return index(videoId, files);
    },
    tracks: (videoId) =>
      listTracks.all(videoId).flatMap((t) => {
        const format = formatOf(t.path);
        return format ? [{ lang: t.lang, format }] : [];
      }),
    pathOf: (videoId, lang) => (LANG.test(lang) ? (onePath.get(videoId, lang)?.path ?? null) : null),
    search(query, limit) {
      const q = phraseQuery(query);
      if (!q) return [];
      let rows = find.all(q.exact, limit);
      if (rows.length === 0 && q.prefix) {
        // A short cut word ('dor' of 'dorto') starts many words, whose lists FTS5's prefix query
        // would merge: the lines holding the words before it answer first, when there are few
        // enough. A long one ('chiter') starts few: FTS5's prefix query is the cheaper.
        const folded = phraseWords(q.words);
        const head = folded && folded[folded.length - 1]!.length < LONG_CUT ? byHead(q.words, folded, limit) : null;
        rows = head ? hitsOf(head) : find.all(q.prefix, limit);
      }
      return toHits(rows);
    },
  };
}
