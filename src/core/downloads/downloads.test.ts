import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { createQueue } from '../queue/index';
import type { Queue } from '../queue/types';
import { toDownload } from '../views';
import { createDownloads, downloadJobId, type Downloads } from './index';
import { createHarness, settled as settledIn, type Harness } from './harness.test-kit';

let h: Harness;
let queue: Queue;
let downloads: Downloads;

beforeAll(async () => {
  h = await createHarness();
  queue = createQueue({ db: h.db, launchId: 'test-launch', perKeyConcurrency: 2, maxJobs: 3 });
  downloads = createDownloads({ ...h.options({ rateLimitDelayMs: 300, networkDelayMs: 300 }), queue });
  await queue.start();
});
afterAll(async () => {
  await queue.stop();
  await h.close();
});

const settled = (jobId: string) => settledIn(queue, jobId);

describe('downloads.add', () => {
  it('validates each URL on its own: bad ones get an error, the rest are queued', () => {
    queue.pause();
    const { jobs } = downloads.add({ urls: ['file:///etc/passwd', `${h.server.url}/v/ok-1.mp4`, 'not a url', '--exec=rm'] }, DEFAULT_DOWNLOAD_OPTIONS);
    expect(jobs.map((j) => j.error?.code ?? 'queued')).toEqual(['invalid-url', 'queued', 'invalid-url', 'invalid-url']);
    const job = queue.get(jobs[1]!.jobId!)!;
    expect(job).toMatchObject({ name: 'download', label: `${h.server.url}/v/ok-1.mp4`, state: 'queued' });
    queue.cancel(job.id);
    queue.resume();
  });

  it('returns the queued job for the same link added twice, however it is spelled', () => {
    queue.pause();
    const url = `${h.server.url}/v/dup.mp4`;
    const a = downloads.add({ urls: [url, url.replace('127.0.0.1', '127.0.0.1') + '#t=3'] }, DEFAULT_DOWNLOAD_OPTIONS).jobs;
    expect(a[0]!.jobId).toBe(downloadJobId(url));
    expect(a[1]).toMatchObject({ jobId: a[0]!.jobId, duplicateOf: a[0]!.jobId });
    const b = downloads.add({ urls: [url] }, DEFAULT_DOWNLOAD_OPTIONS).jobs;
    expect(b[0]).toMatchObject({ duplicateOf: a[0]!.jobId });
    queue.cancel(a[0]!.jobId!);
    queue.resume();
  });

  it('downloads through the queue, and says "already in your library" for the same link next time', async () => {
    const url = `${h.server.url}/v/through-queue.mp4`;
    const [added] = downloads.add({ urls: [url] }, DEFAULT_DOWNLOAD_OPTIONS).jobs;
    const job = await settled(added!.jobId!);
    expect(job.state).toBe('succeeded');
    const { videoId } = job.result as { videoId: string };
    expect(toDownload(job)).toMatchObject({ videoId, origin: 'pasted', stage: 'done', result: { videoId }, url });
    expect(h.library.get(videoId)?.sourceUrl).toBe(url);
    expect(h.libraryChanges).toContain(videoId);
    expect(job.label).toBe('through-queue');
    expect(downloads.add({ urls: [url] }, DEFAULT_DOWNLOAD_OPTIONS).jobs[0]).toEqual({ url, videoId });
    // The same file name on another host is another video: queued, downloaded, kept beside the first.
    const other = url.replace('127.0.0.1', 'localhost');
    const [queued] = downloads.add({ urls: [other] }, DEFAULT_DOWNLOAD_OPTIONS).jobs;
    expect(queued).toEqual({ url: other, jobId: expect.any(String) });
    const second = await settled(queued!.jobId!);
    expect(second.result).toEqual({ videoId: expect.any(String) });
    expect((second.result as { videoId: string }).videoId).not.toBe(videoId);
    expect(downloads.add({ urls: [other] }, DEFAULT_DOWNLOAD_OPTIONS).jobs[0]).toEqual({ url: other, videoId: (second.result as { videoId: string }).videoId });
  });

  it('asks about a playlist, then queues its entries once confirmed', async () => {
    h.server.setFeed([{ name: 'q1', title: 'Q one' }, { name: 'q2', title: 'Q two' }], 'Queue list');
    const url = `${h.server.url}/feed.xml`;
    const ask = await settled(downloads.add({ urls: [url] }, DEFAULT_DOWNLOAD_OPTIONS).jobs[0]!.jobId!);
    expect(ask.result).toEqual({ needsConfirm: true, playlistTitle: 'Queue list', count: 2, url });
    const yes = await settled(downloads.add({ urls: [url], confirmPlaylist: true }, DEFAULT_DOWNLOAD_OPTIONS).jobs[0]!.jobId!);
    expect(yes.result).toEqual({ expanded: 2, playlistTitle: 'Queue list' });
    for (const [i, name] of ['q1', 'q2'].entries()) {
      const entry = await settled(downloadJobId(`${h.server.url}/v/${name}.mp4`));
      expect(entry.state).toBe('succeeded');
      // Kept whole: each video knows its place, so the playlist's page lists them in its order.
      expect(h.library.get((entry.result as { videoId: string }).videoId)).toMatchObject({ playlist: 'Queue list', playlistIndex: i + 1 });
      expect(toDownload(entry)).toMatchObject({ playlist: 'Queue list', origin: 'pasted' });
    }
  });

  it('retries a 429 after the configured delay and then succeeds', async () => {
    const [added] = downloads.add({ urls: [`${h.server.url}/flaky429/1/v/retry-me.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS).jobs;
    const job = await settled(added!.jobId!);
    expect(job.state).toBe('succeeded');
    expect(job.tries).toBe(2);
  });

  it('fails a 403 for good with a human message', async () => {
    const [added] = downloads.add({ urls: [`${h.server.url}/fault/403/v/nope.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS).jobs;
    const job = await settled(added!.jobId!);
    expect(job.state).toBe('failed');
    expect(job.tries).toBe(1);
    expect(job.error).toMatchObject({ code: 'forbidden', message: '127.0.0.1 refused the download (403 Forbidden).' });
  });

  it('a subscription owns what it downloads, unless the user asked for the same link while it was on its way', async () => {
    const owner = (videoId: string) => (h.db.prepare('SELECT subscription_id AS s FROM videos WHERE id = ?').get(videoId) as { s: string | null }).s;
    queue.pause('default');
    const bySub = downloads.add({ urls: [`${h.server.url}/v/sub-owned.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS, { subscriptionId: 'sub-1' }).jobs[0]!;
    const claimed = downloads.add({ urls: [`${h.server.url}/v/sub-claimed.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS, { subscriptionId: 'sub-1' }).jobs[0]!;
    // The user pastes the second link while the subscription's download of it is still queued.
    expect(downloads.add({ urls: [`${h.server.url}/v/sub-claimed.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS).jobs[0]).toMatchObject({ duplicateOf: claimed.jobId });
    queue.resume('default');
    const [a, b] = await Promise.all([settled(bySub.jobId!), settled(claimed.jobId!)]);
    const ida = (a.result as { videoId: string }).videoId;
    expect(toDownload(a)).toMatchObject({ origin: 'subscription', subscriptionId: 'sub-1', videoId: ida });
    const idb = (b.result as { videoId: string }).videoId;
    expect(owner(ida)).toBe('sub-1');
    expect(owner(idb)).toBeNull();
    // Pasting a link to a video a subscription kept makes it the user's too.
    expect(downloads.add({ urls: [`${h.server.url}/v/sub-owned.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS).jobs[0]).toMatchObject({ videoId: ida });
    expect(owner(ida)).toBeNull();
  });
});
