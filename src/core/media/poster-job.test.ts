import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { createQueue } from '../queue/index';
import type { Queue, QueueJob } from '../queue/types';
import { defaultSettings } from '../settings';
import { makePosterFrame, probeDuration } from '../ytdlp/media-probe';
import { createDownloads, type Downloads } from '../downloads/index';
import type { DownloadsOptions } from '../downloads/types';
import { createHarness, downloadsAtOnce, settled as settledIn, type Harness } from '../downloads/harness.test-kit';
import { createPosterHandler, MEDIA_CONCURRENCY, MEDIA_QUEUE, POSTER_JOB, type MediaTools } from './poster-job';
import { createSlotLender } from './slot-lender';

let h: Harness;
let queue: Queue;
let downloads: Downloads;

beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await queue.stop();
  await h.close();
});

/** The real queue as core builds it: `maxConcurrent` download slots, media jobs in their own queue (no per-site cap: every link here is on one host). */
async function setup(maxConcurrent: number, extra: Partial<DownloadsOptions> = {}): Promise<DownloadsOptions> {
  queue = createQueue({ db: h.db, launchId: 'test-launch', maxJobs: maxConcurrent, perKeyConcurrency: 10, perQueueConcurrency: { [MEDIA_QUEUE]: MEDIA_CONCURRENCY }, shutdownGraceMs: 1000, log: () => {} });
  const o = { ...h.options({ getSettings: () => ({ ...defaultSettings(h.lib), maxConcurrent }), ...extra }), queue };
  downloads = createDownloads(o);
  await queue.start();
  return o;
}


/** Real ffprobe and ffmpeg, held back until `open()`. */
function held() {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const media: MediaTools = {
    probeDuration: async (...a) => {
      await gate;
      return probeDuration(...a);
    },
    makePosterFrame,
  };
  return { media, open };
}

const add = (names: string[]) => downloads.add({ urls: names.map((n) => `${h.server.url}/v/${n}.mp4`) }, DEFAULT_DOWNLOAD_OPTIONS).jobs.map((j) => j.jobId!);
const videoOf = (j: QueueJob) => (j.result as { videoId: string }).videoId;
const settled = (jobId: string) => settledIn(queue, jobId);
const isJpeg = (p: string) => readFileSync(p).subarray(0, 2).toString('hex') === 'ffd8';

// Posters run at background priority: on a machine busy with other work they wait for idle CPU.
describe('poster job chained to a download (real queue, yt-dlp, ffmpeg)', { timeout: 480_000 }, () => {
  it('the video is in the library and playable before its poster; the chained job fills it in and says so', async () => {
    const hold = held();
    await setup(2, { media: hold.media });
    const [jobId] = add(['no-thumb']);
    const dl = await settled(jobId!);
    expect(dl.state).toBe('succeeded');
    const id = videoOf(dl);
    expect(h.library.get(id)).toMatchObject({ durationSec: null, hasThumbnail: false, missing: false });
    expect(h.library.search({ query: '', limit: 10 }).items.map((v) => v.id)).toContain(id);
    // The whole clip, plus the title yt-dlp wrote into it (embedded metadata, on by default).
    const size = statSync((await h.library.resolveMedia(id, 'video'))!).size;
    expect(size).toBeGreaterThanOrEqual(h.server.media.mp4Bytes);
    expect(size).toBeLessThan(h.server.media.mp4Bytes + 4096);
    expect(h.libraryChanges).toEqual([id]);
    const poster = queue.get(`${jobId}.poster`)!;
    expect(poster).toMatchObject({ name: POSTER_JOB, queue: MEDIA_QUEUE, state: 'active' });

    hold.open();
    expect((await settled(poster.id)).state).toBe('succeeded');
    const v = h.library.get(id)!;
    expect(v.hasThumbnail).toBe(true);
    expect(v.durationSec).toBeCloseTo(h.server.media.durationSec, 0);
    const thumb = (await h.library.resolveMedia(id, 'thumb'))!;
    expect(thumb).toBe(join(h.lib, v.filePath.replace(/\.mp4$/, '.jpg')));
    expect(isJpeg(thumb)).toBe(true);
    expect(JSON.parse((h.db.prepare('SELECT info_json AS j FROM videos WHERE id = ?').get(id) as { j: string }).j).duration).toBeCloseTo(h.server.media.durationSec, 0);
    expect(h.libraryChanges).toEqual([id, id]);
    expect(readdirSync(join(h.lib, 'Generic')).filter((f) => f.includes('vkpart'))).toEqual([]);
  });

  it('never holds a download slot: later downloads run while a poster waits, and downloads stay within their cap', async () => {
    const hold = held();
    await setup(1, { media: hold.media });
    const most = downloadsAtOnce(queue);
    const ids = add(['slot-a', 'slot-b', 'slot-c']);
    // With the poster inside the download (or in a download slot) this would wait for ever.
    const jobs = await Promise.all(ids.map(settled));
    expect(jobs.map((j) => j.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(queue.get(`${ids[0]}.poster`)?.state).toBe('active');
    expect(most()).toBe(1);

    hold.open();
    const posters = await Promise.all(ids.map((id) => settled(`${id}.poster`)));
    expect(posters.map((p) => p.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(jobs.map((j) => h.library.get(videoOf(j))?.hasThumbnail)).toEqual([true, true, true]);
    // Every borrowed slot was given back: two more downloads still run one at a time.
    const more = await Promise.all(add(['slot-d', 'slot-e']).map(settled));
    expect(more.map((j) => j.state)).toEqual(['succeeded', 'succeeded']);
    expect(most()).toBe(1);
  });

  it('a poster cancelled while it runs gives its slot back at once, even if ffmpeg never returns', async () => {
    const hold = held(); // never opened: the handler stays stuck in ffprobe
    await setup(1, { media: hold.media });
    const [first] = add(['cancel-poster']);
    await settled(first!);
    const poster = `${first}.poster`;
    expect(queue.get(poster)?.state).toBe('active');
    queue.cancel(poster);
    const most = downloadsAtOnce(queue);
    const jobs = await Promise.all(add(['after-cancel-a', 'after-cancel-b']).map(settled));
    expect(jobs.map((j) => j.state)).toEqual(['succeeded', 'succeeded']);
    expect(most()).toBe(1);
  });

  it('a poster that cannot be made fails on its own: the video stays, plays, and keeps its duration', async () => {
    await setup(2);
    // No frame can be made (as with a broken file); quick retries for the test.
    const failing: MediaTools = { probeDuration, makePosterFrame: () => Promise.resolve(null) };
    queue.register(POSTER_JOB, createPosterHandler({ db: h.db, library: () => h.library, getTools: () => h.tools, launchId: 'test-launch', borrowSlot: createSlotLender(queue, () => 2).borrow, media: failing, retryDelayMs: 10 }));
    const [jobId] = add(['poster-fails']);
    const dl = await settled(jobId!);
    const poster = await settled(`${jobId}.poster`);
    expect(dl.state).toBe('succeeded');
    expect(poster).toMatchObject({ state: 'failed', tries: 2, error: { code: 'internal', message: 'VidKeep could not make a poster frame from this video; it still plays.' } });
    const id = videoOf(dl);
    expect(h.library.get(id)).toMatchObject({ missing: false, hasThumbnail: false });
    expect(h.library.get(id)?.durationSec).toBeCloseTo(h.server.media.durationSec, 0);
    expect(h.library.search({ query: 'poster', limit: 10 }).items.map((v) => v.id)).toEqual([id]);
    expect(existsSync((await h.library.resolveMedia(id, 'video'))!)).toBe(true);
    // Added, then the duration the first try found; the second try had nothing new to say.
    expect(h.libraryChanges).toEqual([id, id]);
  });

  it.each(['before', 'after'] as const)('a video deleted %s its poster frame was made leaves no poster behind and is not retried', async (when) => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let made!: (file: string | null) => void;
    const frame = new Promise<string | null>((r) => (made = r));
    const media: MediaTools =
      when === 'before'
        ? { probeDuration: (...a) => gate.then(() => probeDuration(...a)), makePosterFrame }
        : { probeDuration, makePosterFrame: async (...a) => {
            made(await makePosterFrame(...a));
            await gate;
            return frame;
          } };
    await setup(2, { media });
    const [jobId] = add([`deleted-${when}`]);
    const id = videoOf(await settled(jobId!));
    if (when === 'after') expect(existsSync((await frame)!)).toBe(true);
    expect(await h.library.delete(id)).toBe(true);
    open();
    expect(await settled(`${jobId}.poster`)).toMatchObject({ state: 'succeeded', tries: 1, result: { skipped: 'gone' } });
    expect(readdirSync(join(h.lib, 'Generic')).filter((f) => f.includes(`deleted-${when}`))).toEqual([]);
    // Added, then deleted; no change from the poster job.
    expect(h.libraryChanges).toEqual([id, id]);
  });

  it('hostile payloads find no video and touch no file', async () => {
    await setup(2);
    const results = await Promise.all(
      [{ videoId: '../../../etc/passwd' }, { videoId: 42 }, null, { videoId: 'x'.repeat(5000) }].map((payload) => settled(queue.enqueue(POSTER_JOB, payload, { queue: MEDIA_QUEUE }).jobId)),
    );
    expect(results.map((r) => [r.state, r.result])).toEqual(Array.from({ length: 4 }, () => ['succeeded', { skipped: 'gone' }]));
    expect(readdirSync(h.lib)).toEqual([]);
  });
});
