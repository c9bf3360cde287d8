/**
 * A 10,000-video channel, checked through the real core with real yt-dlp listing an RSS feed from
 * the local fixture. Downloads stay queued (the queue is paused): this measures the check itself.
 *   first   the first check, "everything": lists all 10,000 and queues 10,000 downloads
 *   recheck a later check after 3 new videos: stops at the first known entry
 *   bare    `yt-dlp --flat-playlist -J` on the same feed, the cost of listing it at all (anchor)
 * Figures: wall time of each (median of 3 for recheck and bare), entries the check read, and
 * ratios recheck/bare (the check's own overhead on top of yt-dlp) and recheck/first.
 *   node --import tsx bench/subscriptions.ts [--json] [--entries 10000]
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createCore } from '../src/core/index';
import { CHECK_JOB, CHECK_QUEUE } from '../src/core/subscriptions/index';
import { startMediaServer } from '../test/fixtures/media-server';

const run = promisify(execFile);
const args = process.argv.slice(2);
const json = args.includes('--json');
const ENTRIES = Number(args[args.indexOf('--entries') + 1]) || 10_000;
const log = (s: string) => void (json ? console.error(s) : console.log(s));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const root = mkdtempSync(join(tmpdir(), 'vk-bench-subs-'));
const server = await startMediaServer({ mediaDir: join(root, 'media') });
const entries = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: `ep-${from - i}`, title: `Episode ${from - i}` }));
server.setFeed(entries(ENTRIES, ENTRIES), 'Big channel');
const core = await createCore({ dataDir: join(root, 'data'), libraryDir: join(root, 'lib'), host: 'web', version: 'bench' });
const ytDlp = core.tools().ytDlp.path;
if (!ytDlp) throw new Error('yt-dlp is needed for this benchmark');

/** Runs one check to the end and returns its wall time and result. */
async function check(id: string): Promise<{ ms: number; looked: number; queued: number }> {
  const t0 = performance.now();
  const { jobId } = core.subscriptions.checkNow(id);
  for (;;) {
    const j = core.queue.get(jobId);
    if (j && (j.state === 'succeeded' || j.state === 'failed')) {
      if (j.state === 'failed') throw new Error(`check failed: ${JSON.stringify(j.error)}`);
      const r = j.result as { looked: number; queued: number };
      return { ms: performance.now() - t0, looked: r.looked, queued: r.queued };
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

// Downloads must not start: they go to the default queue, which stays paused.
core.queue.pause('default');
// The subscription's own first check is queued on add; the bench times its own checks instead.
core.queue.pause(CHECK_QUEUE);
const sub = core.subscriptions.add({ url: `${server.url}/feed.xml`, initial: 'all' });
for (const j of core.queue.list({ name: CHECK_JOB, state: 'queued', limit: 10 }).items) core.queue.remove(j.id);
core.queue.resume(CHECK_QUEUE);

log(`first check of ${ENTRIES} entries…`);
const first = await check(sub.id);
const rechecks: Array<{ ms: number; looked: number; queued: number }> = [];
let top = ENTRIES;
for (let i = 0; i < 3; i++) {
  server.setFeed([...entries(top + 3, 3), ...entries(top, top)], 'Big channel');
  top += 3;
  rechecks.push(await check(sub.id));
}
const bare: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  await run(ytDlp, ['--ignore-config', '--flat-playlist', '-J', '--', `${server.url}/feed.xml`], { maxBuffer: 512 * 1024 * 1024 });
  bare.push(performance.now() - t0);
}

const result = {
  entries: ENTRIES,
  firstMs: Math.round(first.ms),
  firstQueued: first.queued,
  firstRead: first.looked,
  recheckMs: Math.round(median(rechecks.map((r) => r.ms))),
  recheckRead: median(rechecks.map((r) => r.looked)),
  recheckQueued: median(rechecks.map((r) => r.queued)),
  bareListMs: Math.round(median(bare)),
  ratioRecheckVsBare: +(median(rechecks.map((r) => r.ms)) / median(bare)).toFixed(2),
  ratioRecheckVsFirst: +(median(rechecks.map((r) => r.ms)) / first.ms).toFixed(3),
};
if (json) console.log(JSON.stringify(result));
else console.table(result);
await core.close();
await server.close();
rmSync(root, { recursive: true, force: true });
