// The time limit in Settings is the download's one time limit: set on the job, enforced once by
// the queue, and exceeding it fails the download for good (code timeout), never an automatic retry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { createQueue } from '../queue/index';
import type { Queue, QueueJob } from '../queue/types';
import { defaultSettings } from '../settings';
import { createDownloads } from './index';
import { createHarness, groupGone, processesMentioning, type Harness } from './harness.test-kit';

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

const timeoutOf = (jobId: string) => (h.db.prepare('SELECT timeout_ms AS t FROM jobs WHERE id = ?').get(jobId) as { t: number }).t;

function finished(q: Queue, jobId: string): Promise<QueueJob> {
  return new Promise((resolve) => {
    const off = q.on(() => {
      const j = q.get(jobId);
      if (j && (j.state === 'failed' || j.state === 'succeeded' || j.state === 'cancelled')) {
        off();
        resolve(j);
      }
    });
  });
}

describe('the download time limit', () => {
  it('a download added with 180 minutes chosen carries 180 minutes, and a retry takes the limit in force then', async () => {
    let minutes = 180;
    queue = createQueue({ db: h.db, launchId: 'test-launch', log: () => {} });
    const downloads = createDownloads({ ...h.options({ getSettings: () => ({ ...defaultSettings(h.lib), timeoutMinutes: minutes }) }), queue });
    const { jobs } = downloads.add({ urls: [`${h.server.url}/v/limit.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS);
    const id = jobs[0]!.jobId!;
    expect(timeoutOf(id)).toBe(180 * 60_000);
    minutes = 240;
    queue.cancel(id);
    queue.retry(id, { timeoutMs: minutes * 60_000 });
    expect(timeoutOf(id)).toBe(240 * 60_000);
  });

  it('a download running past its limit fails with code timeout after one try, with a clear message, and leaves no process', async () => {
    queue = createQueue({ db: h.db, launchId: 'test-launch', log: () => {} });
    createDownloads({ ...h.options({ timeoutMs: 2_500 }), queue }).add({ urls: [`${h.server.url}/slow/6000/v/over-limit.mp4`] }, DEFAULT_DOWNLOAD_OPTIONS);
    const id = queue.list({ limit: 1 }).items[0]!.id;
    expect(queue.get(id)?.maxTries).toBeGreaterThan(1);
    const done = finished(queue, id);
    await queue.start();
    const job = await done;
    expect(job).toMatchObject({ state: 'failed', tries: 1, error: { code: 'timeout', hint: expect.stringContaining('Settings') } });
    expect(job.error?.message).toMatch(/time limit of 3 s/);
    // The UI words it in the user's language from these.
    expect(job.error?.values).toMatchObject({ reason: 'job', limitMs: 2_500, then: 'custom' });
    // The run has wound down (yt-dlp and its group are gone) before the job is free to run again.
    const end = Date.now() + 8_000;
    while (queue.get(id)?.stopping && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(queue.get(id)?.stopping).toBeUndefined();
    expect(groupGone(h.pids.at(-1)!)).toBe(true);
    expect(processesMentioning(h.lib)).toEqual([]);
  }, 20_000);
});
