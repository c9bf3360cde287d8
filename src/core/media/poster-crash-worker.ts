// Child process for poster-crash.test.ts: downloads one link with the real queue, yt-dlp and ffmpeg.
// `node --import tsx poster-crash-worker.ts <db> <library> <url> hold|run`
//   hold: the poster job blocks once started and prints "poster-started" (the test then SIGKILLs it)
//   run:  starts the queue (recovering what a killed launch left) and prints "poster-done <state>"
import { dirname } from 'node:path';
import { openDatabase } from '../db/open';
import { migrate } from '../db/migrate';
import { createLibrary } from '../library/index';
import { createQueue } from '../queue/index';
import { defaultSettings } from '../settings';
import { locateTools } from '../ytdlp/locate';
import { normalizeUrl } from '../ytdlp/url';
import { makePosterFrame } from '../ytdlp/media-probe';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { createDownloads, downloadJobId, MEDIA_CONCURRENCY, MEDIA_QUEUE } from '../downloads/index';

const [dbPath, lib, url, mode] = process.argv.slice(2) as [string, string, string, 'hold' | 'run'];
const db = openDatabase(dbPath);
migrate(db);
const library = createLibrary({ db, libraryDir: lib, trashDir: null });
const queue = createQueue({ db, maxJobs: 2, perQueueConcurrency: { [MEDIA_QUEUE]: MEDIA_CONCURRENCY }, log: () => {} });
const tools = await locateTools({ userDataDir: dirname(dbPath) });
const hold = {
  probeDuration: () => {
    process.stdout.write('poster-started\n');
    return new Promise<number | null>(() => {});
  },
  makePosterFrame,
};
const downloads = createDownloads({
  queue,
  library,
  db,
  getLibraryDir: () => lib,
  getTools: () => tools,
  getSettings: () => ({ ...defaultSettings(lib), maxConcurrent: 2 }),
  launchId: queue.launchId,
  ...(mode === 'hold' ? { media: hold } : {}),
});

const posterId = `${downloadJobId(normalizeUrl(url))}.poster`;
queue.on(() => {
  const p = queue.get(posterId);
  if (mode === 'run' && p && (p.state === 'succeeded' || p.state === 'failed' || p.state === 'cancelled')) {
    void queue.stop().then(() => {
      db.close();
      process.stdout.write(`poster-done ${p.state}\n`);
      process.exit(0);
    });
  }
});
if (mode === 'hold') downloads.add({ urls: [url] }, DEFAULT_DOWNLOAD_OPTIONS);
await queue.start();
