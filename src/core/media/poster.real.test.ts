import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Events } from '../../shared/contract';
import type { Video } from '../../shared/types';
import { createCore, type Core } from '../index';
import { startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';

let dir: string;
let core: Core;
let server: MediaServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-poster-real-'));
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media'), host: '127.0.0.1', port: 0 });
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
});
afterAll(async () => {
  await core.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('download → poster through the real core (yt-dlp, ffmpeg, SQLite)', { timeout: 480_000 }, () => {
  it('a link without thumbnail or duration plays first, then gets both, announced as library changes', async () => {
    expect(core.tools().ffmpeg.found).toBe(true);
    // Each library change for our video on the core's bus (domain facts, in order), with the row then.
    const seen: Array<{ video: Video; playable: boolean }> = [];
    const mine = (id: string) => core.library.get(id)?.sourceUrl.endsWith('/real-poster.mp4') === true;
    core.bus.on('library.changed', ({ videoIds }) => {
      for (const id of videoIds.filter(mine)) {
        const video = core.library.get(id)!;
        const p = core.library.absolute(video.filePath);
        seen.push({ video, playable: existsSync(p) });
      }
    });
    // What the hosts get (coalesced): a library.changed naming the video once its poster is in.
    const announced = new Promise<void>((resolve) => {
      core.events.onAny((name, payload) => {
        if (name !== 'library.changed') return;
        if ((payload as Events['library.changed']).videoIds.some((id) => mine(id) && core.library.get(id)!.hasThumbnail)) resolve();
      });
    });
    const { jobs } = await core.handlers['jobs.add']({ urls: [`${server.url}/v/real-poster.mp4`] });
    await announced;

    expect(seen).toHaveLength(2);
    const [added, filled] = seen as [(typeof seen)[0], (typeof seen)[0]];
    expect(added.playable).toBe(true);
    expect(added.video).toMatchObject({ durationSec: null, hasThumbnail: false });
    expect(filled.video.hasThumbnail).toBe(true);
    expect(filled.video.durationSec).toBeCloseTo(server.media.durationSec, 0);
    const thumb = (await core.resolveMedia('thumb', filled.video.id))!;
    expect(readFileSync(thumb).subarray(0, 2).toString('hex')).toBe('ffd8');

    // The chain: the poster job, in its own queue, started only after the download had finished.
    const download = core.queue.get(jobs[0]!.jobId!)!;
    const poster = core.queue.get(`${download.id}.poster`)!;
    expect(download.state).toBe('succeeded');
    expect(poster).toMatchObject({ state: 'succeeded', queue: 'media', result: { poster: true } });
    expect(poster.startedAt!).toBeGreaterThanOrEqual(download.finishedAt!);
  });
});
