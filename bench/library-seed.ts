// Seeds the library benches straight into SQLite, so a million videos and twenty million subtitle
// lines take minutes rather than hours of per-video adds and file writes. The schema comes from the
// real migrations; the bulk rows go in with the indexes and triggers set aside, then the indexes are
// recreated from their own stored SQL, the FTS tables rebuilt from their content tables and the
// watch counts recounted: the same database the triggers would have built, row for row
// (test/bench-library-seed.test.ts checks it with FTS5's integrity-check and the app's own search).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../src/core/db/open';
import { migrate } from '../src/core/db/migrate';
import { MIGRATIONS } from '../src/core/db/migrations/index';

/** A small deterministic generator: the same seed gives the same library (and queries) every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
export const pickWith = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export const ADJ = ['quiet', 'golden', 'stormy', 'hidden', 'ancient', 'electric', 'frozen', 'lazy', 'wild', 'urban', 'coastal', 'midnight', 'northern', 'crimson', 'gentle', 'rapid', 'silent', 'vintage', 'cosmic', 'rustic'];
export const NOUN = ['harbour', 'sunrise', 'mountain', 'river', 'guitar', 'kitchen', 'garden', 'railway', 'lighthouse', 'market', 'forest', 'bridge', 'festival', 'workshop', 'village', 'desert', 'orchestra', 'canyon', 'island', 'library'];
export const WHAT = ['timelapse', 'tutorial', 'walkthrough', 'documentary', 'review', 'live session', 'vlog', 'lecture', 'highlights', 'cover', 'recipe', 'tour', 'interview', 'build log', 'field recording'];
const SITES = ['Youtube', 'Vimeo', 'Twitch', 'SoundCloud', 'Dailymotion', 'Generic'];
const channelNames = (r: () => number) => Array.from({ length: 800 }, (_, i) => `${pickWith(r, ADJ)} ${pickWith(r, NOUN)} ${['studio', 'films', 'club', 'lab', 'channel'][i % 5]}`);

const INSERT_VIDEO = `INSERT INTO videos (id, site, site_id, title, uploader, description, duration, size, file_path, source_url, added_at, audio_only, watch_state, position, played_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Rows per transaction: big enough that commits do not count, small enough to keep memory flat. */
const BATCH = 50_000;

/** The triggers whose work bulk() redoes: the FTS indexes (rebuild) and the watch counts (recount). */
const REBUILT_BY_BULK = new Set(['videos_ai', 'videos_ad', 'videos_au', 'video_counts_ai', 'video_counts_ad', 'video_counts_au', 'subtitle_lines_ai', 'subtitle_lines_ad']);

/**
 * Sets aside the indexes and triggers of `tables` (keeping their SQL), runs `fill`, then puts them
 * back and rebuilds what they would have maintained: each external-content FTS table from its
 * content table, and the watch-state counts. Primary keys and UNIQUE constraints stay in place.
 */
function bulk(db: Db, tables: string[], fts: string[], fill: () => void, on = true): void {
  if (!on) return fill();
  const marks = tables.map(() => '?').join(', ');
  const kept = db
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN (${marks}) AND sql IS NOT NULL`)
    .all(...tables) as Array<{ type: 'index' | 'trigger'; name: string; sql: string }>;
  const unknown = kept.filter((k) => k.type === 'trigger' && !REBUILT_BY_BULK.has(k.name));
  // A trigger this loader does not know keeps something it would not rebuild: fail, never seed a different database.
  if (unknown.length > 0) throw new Error(`bench seed: teach bulk() what trigger ${unknown.map((k) => k.name).join(', ')} maintains`);
  for (const k of kept) db.exec(`DROP ${k.type.toUpperCase()} "${k.name}"`);
  fill();
  for (const k of kept.filter((x) => x.type === 'index')) db.exec(k.sql);
  for (const t of fts) db.exec(`INSERT INTO ${t} (${t}) VALUES ('rebuild')`);
  if (tables.includes('videos')) db.exec('UPDATE video_counts SET n = (SELECT count(*) FROM videos WHERE videos.watch_state = video_counts.watch_state)');
  for (const k of kept.filter((x) => x.type === 'trigger')) db.exec(k.sql);
}

/** The real schema, opened for a bulk load: nothing here has to survive a crash (the cache is renamed into place only when done). */
function openForSeeding(dbPath: string): Db {
  mkdirSync(dirname(dbPath), { recursive: true });
  const db = openDatabase(dbPath, { synchronous: 'NORMAL' });
  migrate(db);
  // Not OFF: better-sqlite3's defensive mode refuses it. MEMORY never writes a journal file, and a
  // bulk load writes new pages, so there is little to keep in it.
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MB
  db.pragma('temp_store = MEMORY');
  return db;
}

/** Back to what the app opens (WAL), with the statistics the app's `PRAGMA optimize` keeps. */
function finish(db: Db): void {
  db.pragma('optimize=0x10002');
  db.pragma('journal_mode = WAL');
  db.close();
}

/**
 * `rows` videos, all pointing at one real (empty) file so the host's start-up check finds them
 * present. Watch states: 60 % unwatched, 10 % in progress, 30 % watched. Returns the first ids.
 */
export interface SeedOptions {
  seed?: number;
  /** false: every row through the triggers, as the app adds them (the reference the tests compare with). */
  bulk?: boolean;
}

export function seedVideos(dbPath: string, libraryDir: string, rows: number, o: SeedOptions = {}): { ms: number; ids: string[] } {
  mkdirSync(join(libraryDir, 'Generic'), { recursive: true });
  writeFileSync(join(libraryDir, 'Generic', 'clip.mp4'), '');
  const rand = prng(o.seed ?? 0x9e3779b9);
  const pick = <T>(xs: readonly T[]) => pickWith(rand, xs);
  const channels = channelNames(rand);
  const t0 = performance.now();
  const db = openForSeeding(dbPath);
  const insert = db.prepare(INSERT_VIDEO);
  const ids: string[] = [];
  let t = Date.UTC(2020, 0, 1);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const site = pick(SITES);
      // Random like the app's ids (identity.ts), but from the seed: the same library every time.
      const id = (rand().toString(16).slice(2, 14) + rand().toString(16).slice(2, 14)).padEnd(24, '0');
      const r = rand();
      const state = r < 0.6 ? 0 : r < 0.7 ? 1 : 2;
      const duration = Math.floor(rand() * 3600) + 10;
      insert.run(
        id, site, `vid${i}`, `${pick(ADJ)} ${pick(NOUN)} ${pick(WHAT)} ${i}`, pick(channels),
        `A ${pick(ADJ)} look at the ${pick(NOUN)}, filmed near the ${pick(NOUN)}.`, duration, Math.floor(rand() * 5e8),
        'Generic/clip.mp4', `https://${site.toLowerCase()}.example/watch/${i}`, (t += 60_000), site === 'SoundCloud' ? 1 : 0,
        state, state === 1 ? Math.floor(duration * rand() * 0.8) + 5 : 0, state === 0 ? null : t,
      );
      if (i < 20_000) ids.push(id);
    }
  });
  bulk(db, ['videos'], ['videos_fts'], () => {
    for (let i = 0; i < rows; i += BATCH) batch(i, Math.min(rows, i + BATCH));
  }, o.bulk);
  finish(db);
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

/** `videos` videos with `lines` subtitle lines each (English), and ~200+ of those lines as samples for queries. */
export function seedSubtitles(dbPath: string, libraryDir: string, videos: number, lines: number, o: SeedOptions = {}): { ms: number; samples: string[] } {
  const t0 = performance.now();
  const seed = o.seed ?? 0x85ebca6b;
  const { ids } = seedVideos(dbPath, libraryDir, videos, { ...o, seed });
  const rand = prng(seed ^ 0x5bd1e995);
  // Zipf-ish: low indexes (common words) far more often.
  const word = () => VOCAB[Math.floor(rand() ** 3 * VOCAB.length)]!;
  const line = () => Array.from({ length: 5 + Math.floor(rand() * 8) }, word).join(' ');
  const db = openForSeeding(dbPath);
  const track = db.prepare('INSERT INTO subtitle_tracks (video_id, lang, path) VALUES (?, ?, ?)');
  const add = db.prepare('INSERT INTO subtitle_lines (video_id, lang, start_ms, text) VALUES (?, ?, ?, ?)');
  const samples: string[] = [];
  const share = Math.max(0.001, 200 / (videos * lines));
  const batch = db.transaction((vids: string[]) => {
    for (const id of vids) {
      track.run(id, 'en', 'Generic/clip.en.vtt');
      for (let k = 0; k < lines; k++) {
        const text = line();
        if (samples.length < 5000 && rand() < share) samples.push(text);
        add.run(id, 'en', k * 2500, text);
      }
    }
  });
  const per = Math.max(1, Math.floor(BATCH * 4 / lines));
  bulk(db, ['subtitle_lines'], ['subtitle_fts'], () => {
    for (let i = 0; i < ids.length; i += per) batch(ids.slice(i, i + per));
  }, o.bulk);
  finish(db);
  return { ms: performance.now() - t0, samples };
}

/** Bump when what the generator writes changes: cached copies of the old data are then ignored. */
export const SEED_FORMAT = 1;

/**
 * The cache folder for one set of seed parameters, in the OS temp dir. Keyed by the parameters, the
 * generator's format and the migrations: a schema change or a different generator seeds afresh.
 */
export function cacheDir(kind: string, params: Record<string, number>): string {
  const h = createHash('sha256');
  h.update(`format ${SEED_FORMAT}\0`);
  for (const m of MIGRATIONS) h.update(`${m.version}\0${m.sql}\0`);
  const tag = Object.entries(params).map(([k, v]) => `${k}${v}`).join('-');
  return join(tmpdir(), 'vidkeep-bench-library', `${kind}-${tag}-${h.digest('hex').slice(0, 12)}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns `dir` seeded by `seed(partialDir)`, seeding only when no finished copy is there. The copy
 * is built beside it and renamed into place, so an interrupted run never leaves a half-seeded cache.
 */
export function cached<T>(dir: string, seed: (into: string) => T): { dir: string; seeded: T | null } {
  if (existsSync(join(dir, '.done'))) return { dir, seeded: null };
  const partial = `${dir}.partial-${process.pid}`;
  // What an interrupted run left (its process gone): gigabytes nobody will finish.
  const parent = dirname(dir);
  const stem = basename(dir).replace(/-[0-9a-f]{12}$/, '');
  const stale = new RegExp(`^${stem.replace(/[^A-Za-z0-9]/g, '\\$&')}-[0-9a-f]{12}$`);
  if (existsSync(parent)) {
    for (const f of readdirSync(parent)) {
      const m = f.startsWith(`${basename(dir)}.partial-`) ? Number(f.slice(basename(dir).length + 9)) : NaN;
      if (Number.isInteger(m) && !alive(m)) rmSync(join(parent, f), { recursive: true, force: true });
      // The same seed under an older schema or generator (another hash): never read again.
      if (stale.test(f) && f !== basename(dir)) rmSync(join(parent, f), { recursive: true, force: true });
    }
  }
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const seeded = seed(partial);
  writeFileSync(join(partial, '.done'), '');
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { dir, seeded };
}
