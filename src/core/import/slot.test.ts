// An import (and a reorganize, through the same helper) runs beside downloads, never in their
// slots: with one download slot, downloads pasted while a long import runs still finish, one at a
// time. Real queue, yt-dlp and files; the import's ffprobe is held back until the test lets it go.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import type { ImportStatus } from '../../shared/import';
import { createQueue } from '../queue/index';
import type { Queue } from '../queue/types';
import { defaultSettings } from '../settings';
import { createDownloads, MEDIA_CONCURRENCY, MEDIA_QUEUE, type Downloads } from '../downloads/index';
import { createHarness, downloadsAtOnce, settled as settledIn, type Harness } from '../downloads/harness.test-kit';
import { DEFAULT_LAYOUT } from '../library/layout/index';
import { inBorrowedSlot } from '../media/slot-lender';
import { createImports } from './index';
import { createProber } from './probe';
import { ffprobeFor } from '../ytdlp/media-probe';
import { makeMedia } from '../../../test/fixtures/media';
import { tmpdir } from 'node:os';

let h: Harness;
let queue: Queue;
let downloads: Downloads;
const settled = (jobId: string) => settledIn(queue, jobId);
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await queue.stop();
  await h.close();
});


describe('an import beside downloads', { timeout: 240_000 }, () => {
  it('never holds a download slot: downloads pasted during a long import run, within their cap, and the slot comes back', async () => {
    queue = createQueue({ db: h.db, launchId: 'test-launch', maxJobs: 1, perKeyConcurrency: 10, perQueueConcurrency: { [MEDIA_QUEUE]: MEDIA_CONCURRENCY }, shutdownGraceMs: 1000, log: () => {} });
    downloads = createDownloads({ ...h.options({ getSettings: () => ({ ...defaultSettings(h.lib), maxConcurrent: 1 }) }), queue });
    // A folder of files without metadata: each one is probed, and the probe waits for the gate.
    const src = join(h.dir, 'to-import');
    mkdirSync(src);
    const media = makeMedia(join(tmpdir(), 'vidkeep-test-media'));
    copyFileSync(media.mp4, join(src, 'clip one.mp4'));
    copyFileSync(media.watch.mp4, join(src, 'clip two.mp4'));
    const ffprobe = ffprobeFor(h.tools.ffmpeg.path!)!;
    const real = createProber(ffprobe);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    let states: ImportStatus[] = [];
    const imports = createImports({
      db: h.db, queue, libraryDir: () => h.lib, layout: () => DEFAULT_LAYOUT, ffprobe: () => ffprobe, now: Date.now,
      onStatus: (s) => states.push(s), onVideos: () => {}, importArchive: () => 0,
      probe: async (file, signal) => {
        await gate;
        return real(file, signal);
      },
      borrowSlot: downloads.borrowSlot,
    });
    await queue.start();
    const most = downloadsAtOnce(queue);
    const started = imports.start(src, 'copy');
    await expect.poll(() => queue.get(started.jobId)?.state).toBe('active');
    const ids = downloads.add({ urls: ['a', 'b'].map((n) => `${h.server.url}/v/during-import-${n}.mp4`) }, DEFAULT_DOWNLOAD_OPTIONS).jobs.map((j) => j.jobId!);
    // In a download's slot, these would wait for the import, and the import for the gate: for ever.
    const jobs = await Promise.all(ids.map(settled));
    expect(jobs.map((j) => j.state)).toEqual(['succeeded', 'succeeded']);
    expect(queue.get(started.jobId)?.state).toBe('active');
    expect(most()).toBe(1);
    open();
    expect((await settled(started.jobId)).state).toBe('succeeded');
    expect(states.at(-1)).toMatchObject({ state: 'done', imported: 2 });
    states = [];
    // The borrowed slot was given back: two more downloads still run one at a time.
    const more = await Promise.all(downloads.add({ urls: ['c', 'd'].map((n) => `${h.server.url}/v/after-import-${n}.mp4`) }, DEFAULT_DOWNLOAD_OPTIONS).jobs.map((j) => settled(j.jobId!)));
    expect(more.map((j) => j.state)).toEqual(['succeeded', 'succeeded']);
    expect(most()).toBe(1);
  });
});

describe('a borrowed slot', () => {
  it('goes back when the work ends, when it throws, and at once on abort (only once)', async () => {
    let lent = 0;
    const borrow = () => {
      lent++;
      let back = false;
      return () => {
        if (!back) lent--;
        back = true;
      };
    };
    const ac = new AbortController();
    expect(await inBorrowedSlot(borrow, ac.signal, async () => lent)).toBe(1);
    expect(lent).toBe(0);
    await expect(inBorrowedSlot(borrow, ac.signal, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(lent).toBe(0);
    let release!: () => void;
    const stuck = inBorrowedSlot(borrow, ac.signal, () => new Promise<void>((r) => (release = r)));
    expect(lent).toBe(1);
    ac.abort();
    expect(lent).toBe(0);
    release();
    await stuck;
    expect(lent).toBe(0);
    expect(await inBorrowedSlot(undefined, ac.signal, async () => 'no lender')).toBe('no lender');
  });
});
