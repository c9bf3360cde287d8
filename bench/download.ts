/**
 * 10 downloads at concurrency 2 from the local fixture: VidKeep's core path (createDownloads on the
 * real queue, SQLite, progress parsing, indexing) against bare yt-dlp with the same argv under
 * `xargs -P 2`, in the same run. Anchor: ratioVsBare <= 1.1.
 *   node --import tsx bench/download.ts [--json]
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/core/db/open';
import { migrate } from '../src/core/db/migrate';
import { createLibrary } from '../src/core/library/index';
import { createQueue } from '../src/core/queue/index';
import { defaultSettings } from '../src/core/settings';
import { createDownloads } from '../src/core/downloads/index';
import { buildDownloadArgs } from '../src/core/ytdlp/args';
import { locateTools } from '../src/core/ytdlp/locate';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../src/shared/types';
import type { QueueJob } from '../src/core/queue/types';
import { startMediaServer } from '../test/fixtures/media-server';

const N = 10;
const CONCURRENCY = 2;
const ROUNDS = 3;
const json = process.argv.includes('--json');
const log = (s: string) => {
  if (!json) console.log(s);
};

const root = mkdtempSync(join(tmpdir(), 'vk-bench-'));
const server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media'), host: '127.0.0.1', port: 0 });
const tools = await locateTools({ userDataDir: root });
if (!tools.ytDlp.path) throw new Error('yt-dlp not found');
const urls = (tag: string) => Array.from({ length: N }, (_, i) => `${server.url}/v/${tag}-${i}.mp4`);

async function bare(tag: string): Promise<number> {
  const lib = join(root, `bare-${tag}`);
  mkdirSync(lib);
  // Same argv VidKeep builds, URL last: xargs appends one URL per yt-dlp.
  const argv = buildDownloadArgs({ url: 'X', libraryDir: lib, options: DEFAULT_DOWNLOAD_OPTIONS, ffmpegPath: tools.ffmpeg.path, mode: 'single' }).slice(0, -1);
  const t = performance.now();
  await new Promise<void>((resolve, reject) => {
    const p = execFile('xargs', ['-P', String(CONCURRENCY), '-n', '1', tools.ytDlp.path!, ...argv], { maxBuffer: 64 << 20 }, (err) => (err ? reject(err) : resolve()));
    p.stdin!.end(urls(tag).join('\n'));
  });
  return performance.now() - t;
}

async function vidkeep(tag: string): Promise<number> {
  const dir = join(root, `vk-${tag}`);
  const lib = join(dir, 'library');
  mkdirSync(lib, { recursive: true });
  const db = openDatabase(join(dir, 'vidkeep.db'));
  migrate(db);
  const library = createLibrary({ db, libraryDir: lib, trashDir: null });
  const queue = createQueue({ db, launchId: `bench-${tag}`, maxJobs: CONCURRENCY, perKeyConcurrency: CONCURRENCY });
  const downloads = createDownloads({ queue, library, db, getLibraryDir: () => lib, getTools: () => tools, getSettings: () => defaultSettings(lib), launchId: `bench-${tag}` });
  await queue.start();
  const t = performance.now();
  const ids = downloads.add({ urls: urls(tag) }, DEFAULT_DOWNLOAD_OPTIONS).jobs.map((j) => j.jobId!);
  const final = (j: QueueJob | null) => j !== null && (j.state === 'succeeded' || j.state === 'failed' || j.state === 'cancelled');
  await new Promise<void>((resolve) => {
    const check = () => {
      if (ids.every((id) => final(queue.get(id)))) {
        off();
        resolve();
      }
    };
    // Progress reports come many times a second; only state changes can finish the run.
    const off = queue.on((e) => e.type !== 'progress' && check());
    check();
  });
  const ms = performance.now() - t;
  const failed = ids.filter((id) => queue.get(id)?.state !== 'succeeded');
  if (failed.length) throw new Error(`${failed.length} VidKeep downloads failed: ${JSON.stringify(queue.get(failed[0]!)?.error)}`);
  if (library.search({ query: '', limit: 1 }).total !== N) throw new Error('library does not hold every video');
  await queue.stop();
  db.close();
  return ms;
}

const bareMs: number[] = [];
const vkMs: number[] = [];
try {
  for (let r = 0; r < ROUNDS; r++) {
    bareMs.push(await bare(`b${r}`));
    vkMs.push(await vidkeep(`v${r}`));
    log(`round ${r + 1}: bare ${bareMs.at(-1)!.toFixed(0)} ms, VidKeep ${vkMs.at(-1)!.toFixed(0)} ms`);
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
// Median of interleaved rounds: other work on the machine hits both sides alike.
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const ratio = median(vkMs) / median(bareMs);
log(`median of ${ROUNDS}: bare ${median(bareMs).toFixed(0)} ms, VidKeep ${median(vkMs).toFixed(0)} ms, ratio ${ratio.toFixed(3)} (target <= 1.1)`);
console.log(JSON.stringify({ bench: 'download', downloads: N, concurrency: CONCURRENCY, rounds: ROUNDS, bareMs: bareMs.map(Math.round), vidkeepMs: vkMs.map(Math.round), ratioVsBare: Math.round(ratio * 1000) / 1000, target: 1.1 }));
