// Issue 19: a yt-dlp that takes 1.5 s to exit after SIGTERM, and Retry right after Cancel. The
// download's next run may start only once the previous yt-dlp is gone; meanwhile it is "stopping".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { createQueue } from '../queue/index';
import type { Queue } from '../queue/types';
import { createDownloads } from './index';
import { createHarness, type Harness } from './harness.test-kit';

let h: Harness;
let queue: Queue | null = null;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await queue?.stop();
  queue = null;
  await h.close();
});

async function until(ok: () => boolean, ms = 8_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a download that is slow to stop', () => {
  it('Retry right after Cancel runs yt-dlp again only after the first one has exited', async () => {
    const lock = join(h.dir, 'job.lock');
    const starts = join(h.dir, 'starts.log');
    // Stands in for yt-dlp: holds a per-job lock while alive and notes any second holder.
    const bin = join(h.dir, 'slow-ytdlp');
    writeFileSync(
      bin,
      `#!${process.execPath}
const fs = require('node:fs');
const lock = ${JSON.stringify(lock)};
fs.appendFileSync(${JSON.stringify(starts)}, 'start\\n');
if (fs.existsSync(lock)) fs.appendFileSync(lock + '.overlap', 'x');
fs.writeFileSync(lock, String(process.pid));
process.on('SIGTERM', () => setTimeout(() => { fs.rmSync(lock, { force: true }); process.exit(143); }, 1500));
setInterval(() => console.log('[download]   1.0% of 10.00MiB at 1.00MiB/s ETA 00:09'), 200);
`,
    );
    chmodSync(bin, 0o755);
    queue = createQueue({ db: h.db, launchId: 'test-launch', log: () => {} });
    const downloads = createDownloads({ ...h.options({ getTools: () => ({ ytDlp: { ...h.tools.ytDlp, found: true, path: bin }, ffmpeg: h.tools.ffmpeg }) }), queue });
    const id = downloads.add({ urls: [`${h.server.url}/v/slow-to-stop.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS).jobs[0]!.jobId!;
    await queue.start();
    await until(() => existsSync(lock));
    expect(queue.cancel(id).stopping).toBe(true);
    expect(queue.retry(id)).toMatchObject({ state: 'queued', stopping: true });
    await until(() => readFileSync(starts, 'utf8') === 'start\nstart\n' && existsSync(lock));
    expect(existsSync(`${lock}.overlap`)).toBe(false);
    expect(queue.get(id)?.state).toBe('active');
    queue.cancel(id);
    await until(() => queue!.get(id)?.stopping === undefined);
    expect(existsSync(lock)).toBe(false);
  }, 30_000);
});
