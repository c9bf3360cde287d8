// Seeds the library benches straight into SQLite (through the real schema and its triggers), so a
// million rows take a minute rather than an hour of per-video adds and file writes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/core/db/open';
import { migrate } from '../src/core/db/migrate';

// Deterministic synthetic metadata: a fixed seed gives the same library on every run.
let seed = 0x9e3779b9;
export const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
export const ADJ = ['quiet', 'golden', 'stormy', 'hidden', 'ancient', 'electric', 'frozen', 'lazy', 'wild', 'urban', 'coastal', 'midnight', 'northern', 'crimson', 'gentle', 'rapid', 'silent', 'vintage', 'cosmic', 'rustic'];
export const NOUN = ['harbour', 'sunrise', 'mountain', 'river', 'guitar', 'kitchen', 'garden', 'railway', 'lighthouse', 'market', 'forest', 'bridge', 'festival', 'workshop', 'village', 'desert', 'orchestra', 'canyon', 'island', 'library'];
export const WHAT = ['timelapse', 'tutorial', 'walkthrough', 'documentary', 'review', 'live session', 'vlog', 'lecture', 'highlights', 'cover', 'recipe', 'tour', 'interview', 'build log', 'field recording'];
const SITES = ['Youtube', 'Vimeo', 'Twitch', 'SoundCloud', 'Dailymotion', 'Generic'];
const CHANNELS = Array.from({ length: 800 }, (_, i) => `${pick(ADJ)} ${pick(NOUN)} ${['studio', 'films', 'club', 'lab', 'channel'][i % 5]}`);

const INSERT_VIDEO = `INSERT INTO videos (id, site, site_id, title, uploader, description, duration, size, file_path, source_url, added_at, audio_only, watch_state, position, played_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * `rows` videos, all pointing at one real (empty) file so the host's start-up check finds them
 * present. Watch states: 60 % unwatched, 10 % in progress, 30 % watched.
 */
export function seedVideos(dbPath: string, libraryDir: string, rows: number): { ms: number; ids: string[] } {
  mkdirSync(join(libraryDir, 'Generic'), { recursive: true });
  writeFileSync(join(libraryDir, 'Generic', 'clip.mp4'), '');
  const db = openDatabase(dbPath);
  migrate(db);
  const insert = db.prepare(INSERT_VIDEO);
  const ids: string[] = [];
  const t0 = performance.now();
  let t = Date.UTC(2020, 0, 1);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const site = pick(SITES);
      const id = randomBytes(12).toString('hex');
      const r = rand();
      const state = r < 0.6 ? 0 : r < 0.7 ? 1 : 2;
      const duration = Math.floor(rand() * 3600) + 10;
      insert.run(
        id, site, `vid${i}`, `${pick(ADJ)} ${pick(NOUN)} ${pick(WHAT)} ${i}`, pick(CHANNELS),
        `A ${pick(ADJ)} look at the ${pick(NOUN)}, filmed near the ${pick(NOUN)}.`, duration, Math.floor(rand() * 5e8),
        'Generic/clip.mp4', `https://${site.toLowerCase()}.example/watch/${i}`, (t += 60_000), site === 'SoundCloud' ? 1 : 0,
        state, state === 1 ? Math.floor(duration * rand() * 0.8) + 5 : 0, state === 0 ? null : t,
      );
      if (i < 20_000) ids.push(id);
    }
  });
  for (let i = 0; i < rows; i += 10_000) batch(i, Math.min(rows, i + 10_000));
  db.pragma('optimize');
  db.close();
  return { ms: performance.now() - t0, ids };
}

/** A spoken-language-like vocabulary: a few very common words, a long tail of rare ones. */
const SYL = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'dor', 'an', 'is', 'un', 'pe', 'ro', 'chi', 'mar', 'te', 'bo', 'lin', 'qua', 'es'];
export const VOCAB = Array.from({ length: 6000 }, (_, i) => {
  let w = '';
  let n = i + 7;
  do {
    w += SYL[n % SYL.length];
    n = Math.floor(n / SYL.length);
  } while (n > 0);
  return w;
});
/** Zipf-ish: low indexes (common words) far more often. */
const word = () => VOCAB[Math.floor(rand() ** 3 * VOCAB.length)]!;
export const line = () => Array.from({ length: 5 + Math.floor(rand() * 8) }, word).join(' ');

/** `videos` videos with `lines` subtitle lines each (English), indexed by the real triggers. */
export function seedSubtitles(dbPath: string, libraryDir: string, videos: number, lines: number): { ms: number; samples: string[] } {
  const { ids } = seedVideos(dbPath, libraryDir, videos);
  const db = openDatabase(dbPath);
  const track = db.prepare('INSERT INTO subtitle_tracks (video_id, lang, path) VALUES (?, ?, ?)');
  const add = db.prepare('INSERT INTO subtitle_lines (video_id, lang, start_ms, text) VALUES (?, ?, ?, ?)');
  const samples: string[] = [];
  const t0 = performance.now();
  const batch = db.transaction((vids: string[]) => {
    for (const id of vids) {
      track.run(id, 'en', 'Generic/clip.en.vtt');
      for (let k = 0; k < lines; k++) {
        const text = line();
        // At least ~200 samples however small the seed (the smoke run seeds 1,000 lines).
        if (samples.length < 5000 && rand() < Math.max(0.001, 200 / (videos * lines))) samples.push(text);
        add.run(id, 'en', k * 2500, text);
      }
    }
  });
  for (let i = 0; i < ids.length; i += 20) batch(ids.slice(i, i + 20));
  db.exec("INSERT INTO subtitle_fts (subtitle_fts) VALUES ('optimize')");
  db.close();
  return { ms: performance.now() - t0, samples };
}
