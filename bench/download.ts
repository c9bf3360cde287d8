/**
 * 10 downloads at concurrency 2 from the local fixture (direct links: no duration, no thumbnail):
 * VidKeep's core path (createDownloads on the real queue, SQLite, progress parsing, indexing)
 * against bare yt-dlp with the same argv, 2 at a time, in the same run, rounds interleaved.
 * Reports the time until every video is playable (in the library, with its file), the anchor
 * (ratioVsBare <= 1.1), and separately the time until every poster job is done.
 *   node --import tsx bench/download.ts [--json] [--profile] [--flags]
 * --profile adds per-download step medians (claim → spawn → yt-dlp exit → succeeded recorded).
 * --flags adds a bare round with yt-dlp's minimal argv, pricing VidKeep's flags (info json, prints…).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/core/db/open';
import { migrate } from '../src/core/db/migrate';
import { createLibrary } from '../src/core/library/index';
import { createQueue } from '../src/core/queue/index';
import { defaultSettings } from '../src/core/settings';
import { createDownloads, MEDIA_CONCURRENCY, MEDIA_QUEUE, POSTER_JOB } from '../src/core/downloads/index';
import { buildDownloadArgs, OUTPUT_TEMPLATE } from '../src/core/ytdlp/args';
import { locateTools } from '../src/core/ytdlp/locate';
import { spawn as nodeSpawn } from 'node:child_process';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../src/shared/types';
import type { QueueJob } from '../src/core/queue/types';
import { startMediaServer } from '../test/fixtures/media-server';

const N = 10;
const CONCURRENCY = 2;
const ROUNDS = 3;
const json = process.argv.includes('--json');
const profile = process.argv.includes('--profile');
const flags = process.argv.includes('--flags');
const log = (s: string) => {
  if (!json) console.log(s);
};

const root = mkdtempSync(join(tmpdir(), 'vk-bench-'));
const server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media'), host: '127.0.0.1', port: 0 });
const tools = await locateTools({ userDataDir: root });
if (!tools.ytDlp.path) throw new Error('yt-dlp not found');
const urls = (tag: string) => Array.from({ length: N }, (_, i) => `${server.url}/v/${tag}-${i}.mp4`);

/** One bare yt-dlp; resolves when it exited (code 0) with its output drained. */
function ytdlp(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // Detached like VidKeep's: with the kernel's autogroups (on by default) a process in a session of
    // its own gets a CPU share of its own, so on a busy machine the two sides must be started alike.
    const child = nodeSpawn(tools.ytDlp.path!, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bare yt-dlp exited with ${code}`))));
  });
}

/** yt-dlp as a user would type it: the same folder layout, none of VidKeep's other flags. */
const minimalArgs = (url: string, lib: string) => ['--ignore-config', '-P', lib, '-o', OUTPUT_TEMPLATE, '--', url];
// The argv VidKeep runs by default, embedded metadata included (Settings' default): the same yt-dlp work on both sides.
const vidkeepArgs = (url: string, lib: string) => buildDownloadArgs({ url, libraryDir: lib, options: DEFAULT_DOWNLOAD_OPTIONS, ffmpegPath: tools.ffmpeg.path, mode: 'single', embedMetadata: defaultSettings(lib).embedMetadata });

async function bare(tag: string, argv = vidkeepArgs): Promise<number> {
  const lib = join(root, `bare-${tag}`);
  mkdirSync(lib);
  const pending = urls(tag);
  const t = performance.now();
  // `CONCURRENCY` at a time, like `xargs -P`, each with the argv VidKeep builds for that link.
  const worker = async () => {
    for (let url = pending.shift(); url !== undefined; url = pending.shift()) await ytdlp(argv(url, lib));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return performance.now() - t;
}

interface Round {
  playableMs: number;
  postersMs: number;
  /** Per download, ms: queue start → yt-dlp spawned, spawned → exited, exited → success recorded. */
  steps: { preSpawn: number[]; ytdlp: number[]; post: number[] };
}

async function vidkeep(tag: string): Promise<Round> {
  const dir = join(root, `vk-${tag}`);
  const lib = join(dir, 'library');
  mkdirSync(lib, { recursive: true });
  const db = openDatabase(join(dir, 'vidkeep.db'));
  migrate(db);
  const library = createLibrary({ db, libraryDir: lib, trashDir: null });
  // As core builds it: `maxConcurrent` download slots, media jobs in their own queue.
  const queue = createQueue({ db, launchId: `bench-${tag}`, maxJobs: CONCURRENCY, perKeyConcurrency: CONCURRENCY, perQueueConcurrency: { [MEDIA_QUEUE]: MEDIA_CONCURRENCY }, log: () => {} });
  const spawnedAt: number[] = [];
  const exitedAt: number[] = [];
  const spawn = ((cmd: string, args: string[], opts: object) => {
    spawnedAt.push(performance.now());
    const child = nodeSpawn(cmd, args, opts);
    child.once('exit', () => exitedAt.push(performance.now()));
    return child;
  }) as unknown as typeof nodeSpawn;
  const downloads = createDownloads({
    queue, library, db,
    getLibraryDir: () => lib,
    getTools: () => tools,
    getSettings: () => ({ ...defaultSettings(lib), maxConcurrent: CONCURRENCY }),
    launchId: `bench-${tag}`,
    ...(profile ? { spawn } : {}),
  });
  const startedAt = new Map<string, number>();
  const doneAt = new Map<string, number>();
  queue.on((e) => {
    if (e.type === 'started' && e.job.name !== POSTER_JOB) startedAt.set(e.job.id, performance.now());
    if (e.type === 'succeeded' && e.job.name !== POSTER_JOB) doneAt.set(e.job.id, performance.now());
  });
  await queue.start();
  const t = performance.now();
  const ids = downloads.add({ urls: urls(tag) }, DEFAULT_DOWNLOAD_OPTIONS).jobs.map((j) => j.jobId!);
  const final = (j: QueueJob | null) => j !== null && (j.state === 'succeeded' || j.state === 'failed' || j.state === 'cancelled');
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (done()) {
          off();
          resolve();
        }
      };
      // Progress reports come many times a second; only state changes can finish the run.
      const off = queue.on((e) => e.type !== 'progress' && check());
      check();
    });
  await until(() => ids.every((id) => final(queue.get(id))));
  const playableMs = performance.now() - t;
  const failed = ids.filter((id) => queue.get(id)?.state !== 'succeeded');
  if (failed.length) throw new Error(`${failed.length} VidKeep downloads failed: ${JSON.stringify(queue.get(failed[0]!)?.error)}`);
  const videos = library.search({ query: '', limit: N }).items;
  if (videos.length !== N) throw new Error('library does not hold every video');
  for (const v of videos) if (!(await library.resolveMedia(v.id, 'video'))) throw new Error(`${v.id} has no playable file`);
  await until(() => ids.every((id) => final(queue.get(`${id}.poster`))));
  const postersMs = performance.now() - t;
  if (!library.search({ query: '', limit: N }).items.every((v) => v.hasThumbnail && v.durationSec !== null)) throw new Error('a poster job left a video without poster or duration');
  await queue.stop();
  db.close();
  // Spawns and exits pair up in order only per slot; medians over all downloads are what we report.
  const starts = ids.map((id) => startedAt.get(id)!).sort((a, b) => a - b);
  const ends = ids.map((id) => doneAt.get(id)!).sort((a, b) => a - b);
  const steps = {
    preSpawn: spawnedAt.map((s, i) => s - starts[i]!),
    ytdlp: spawnedAt.map((s, i) => (exitedAt[i] ?? s) - s),
    post: exitedAt.map((x, i) => ends[i]! - x),
  };
  return { playableMs, postersMs, steps };
}

const bareMs: number[] = [];
const minimalMs: number[] = [];
const rounds: Round[] = [];
try {
  for (let r = 0; r < ROUNDS; r++) {
    bareMs.push(await bare(`b${r}`));
    if (flags) minimalMs.push(await bare(`m${r}`, minimalArgs));
    rounds.push(await vidkeep(`v${r}`));
    const v = rounds.at(-1)!;
    log(`round ${r + 1}: bare ${bareMs.at(-1)!.toFixed(0)} ms${flags ? ` (minimal argv ${minimalMs.at(-1)!.toFixed(0)} ms)` : ''}, VidKeep all playable ${v.playableMs.toFixed(0)} ms, posters done ${v.postersMs.toFixed(0)} ms`);
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
// Median of interleaved rounds: other work on the machine hits both sides alike.
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const playableMs = rounds.map((r) => r.playableMs);
const postersMs = rounds.map((r) => r.postersMs);
const ratio = median(playableMs) / median(bareMs);
const postersRatio = median(postersMs) / median(bareMs);
const r3 = (n: number) => Math.round(n * 1000) / 1000;
log(`median of ${ROUNDS}: bare ${median(bareMs).toFixed(0)} ms, all playable ${median(playableMs).toFixed(0)} ms (ratio ${ratio.toFixed(3)}, target <= 1.1), posters done ${median(postersMs).toFixed(0)} ms (ratio ${postersRatio.toFixed(3)})`);
const stepMedians = profile
  ? Object.fromEntries((['preSpawn', 'ytdlp', 'post'] as const).map((k) => [k, Math.round(median(rounds.flatMap((r) => r.steps[k])))]))
  : undefined;
if (stepMedians) log(`per-download step medians (ms): ${JSON.stringify(stepMedians)}; bare yt-dlp per download ~${Math.round((median(bareMs) * CONCURRENCY) / N)} ms`);
console.log(
  JSON.stringify({
    bench: 'download',
    downloads: N,
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    bareMs: bareMs.map(Math.round),
    playableMs: playableMs.map(Math.round),
    postersDoneMs: postersMs.map(Math.round),
    ratioVsBare: r3(ratio),
    postersRatioVsBare: r3(postersRatio),
    target: 1.1,
    ...(stepMedians ? { stepMediansMs: stepMedians } : {}),
    ...(flags ? { bareMinimalArgvMs: minimalMs.map(Math.round), flagsRatio: r3(median(bareMs) / median(minimalMs)) } : {}),
  }),
);
