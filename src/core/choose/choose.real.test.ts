// The real path for issue 17: yt-dlp and ffmpeg against the local media server (HLS master, RSS feed, long clip).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';
import { createCore, type Core } from '../index';
import { clipOf } from './clips';
import type { AddedJob } from '../../shared/contract';

let dir: string;
let server: MediaServer;
let core: Core;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-choose-real-'));
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media') });
  // Port 9 on loopback: nothing listens, so SponsorBlock is "unreachable".
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test', sponsorBlockApi: 'http://127.0.0.1:9' });
}, 120_000);
afterAll(async () => {
  await core.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const h = () => core.handlers;
const finished = async (jobId: string) => {
  await expect.poll(() => core.queue.get(jobId)?.state, { timeout: 90_000, interval: 200 }).toMatch(/succeeded|failed/);
  return core.queue.get(jobId)!;
};
const fileOf = (videoId: string) => core.library.absolute(core.library.get(videoId)!.filePath!);
const ffprobe = (file: string, entries: string) =>
  execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', entries, '-of', 'default=nw=1:nk=1', file], { encoding: 'utf8' }).trim().split('\n')[0]!;

describe('choose a format', () => {
  it('lists every rendition of an HLS master from one probe, and downloads the one picked', async () => {
    const url = `${server.url}/master/m1/master.m3u8`;
    const p = await h()['choose.probe']({ url });
    expect(p.formats.map((f) => [f.height, f.fps, f.kind, f.compatible])).toEqual([
      [540, 25, 'video+audio', true],
      [360, 25, 'video+audio', true],
      [180, 25, 'video+audio', true],
    ]);
    expect(p.formats[1]!.vcodec).toMatch(/^avc1/);
    const mid = p.formats[1]!.id;
    const { jobs } = await h()['jobs.add']({ urls: [url], options: { formatId: mid } });
    const job = await finished(jobs[0]!.jobId!);
    expect(job.state).toBe('succeeded');
    expect(ffprobe(fileOf((job.result as { videoId: string }).videoId), 'stream=height')).toBe('360');
  }, 120_000);

  it('refuses a format id the site does not offer: at once after a probe, in words after a download try', async () => {
    const url = `${server.url}/master/m2/master.m3u8`;
    await h()['choose.probe']({ url });
    await expect(async () => h()['jobs.add']({ urls: [url], options: { formatId: '999' } })).rejects.toMatchObject({ code: 'format-unavailable' });
    // Not probed (a command line, a bookmarklet): yt-dlp's own refusal is worded, not retried.
    const other = `${server.url}/master/m3/master.m3u8`;
    const { jobs } = await h()['jobs.add']({ urls: [other], options: { formatId: '999' } });
    const job = await finished(jobs[0]!.jobId!);
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'format-unavailable' });
  }, 120_000);
});

describe('choose playlist entries', () => {
  it('lists 20 entries before anything downloads, and choosing 3 downloads exactly those', async () => {
    server.setFeed(Array.from({ length: 20 }, (_, i) => ({ name: `pl-${i}`, title: `Entry ${i}` })), 'Twenty');
    const before = server.requests.length;
    const first = await h()['choose.listPlaylist']({ url: `${server.url}/feed.xml` });
    await expect.poll(async () => (await h()['choose.playlistPage']({ listingId: first.listingId, offset: 0, limit: 50 })).done, { timeout: 30_000 }).toBe(true);
    const page = await h()['choose.playlistPage']({ listingId: first.listingId, offset: 0, limit: 50 });
    expect(page).toMatchObject({ total: 20, title: 'Twenty', error: null });
    expect(server.requests.slice(before).filter((r) => r.path.startsWith('/v/'))).toEqual([]);
    await expect(async () => h()['choose.addEntries']({ listingId: first.listingId, indexes: [] })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(async () => h()['choose.addEntries']({ listingId: first.listingId, indexes: [20] })).rejects.toMatchObject({ code: 'invalid-input' });
    const picked = [2, 7, 15];
    const { jobs } = await h()['choose.addEntries']({ listingId: first.listingId, indexes: picked });
    expect(jobs).toHaveLength(3);
    for (const j of jobs) expect((await finished(j.jobId!)).state).toBe('succeeded');
    const titles = core.library.search({ query: '', limit: 100 }).items.map((v) => v.title).filter((t) => t.startsWith('pl-')).sort();
    expect(titles).toEqual(picked.map((i) => `pl-${i}`).sort());
    for (let i = 0; i < 20; i++) expect(server.count(`/v/pl-${i}.mp4`) > 0).toBe(picked.includes(i));
    const again = await h()['choose.playlistPage']({ listingId: first.listingId, offset: 0, limit: 50 });
    expect(again.entries.filter((e) => e.keptVideoId !== null).map((e) => e.index)).toEqual(picked);
  }, 180_000);
});

describe('cut a clip', () => {
  it('keeps only the range, as its own item linked to its source; ffprobe agrees within a second', async () => {
    const url = `${server.url}/long/c1.mp4`;
    const added: AddedJob = await h()['choose.addClip']({ url, range: { startSec: 2, endSec: 7 } });
    const job = await finished(added.jobId!);
    expect(job.error).toBeNull();
    const videoId = (job.result as { videoId: string }).videoId;
    const d = Number(ffprobe(fileOf(videoId), 'format=duration'));
    expect(Math.abs(d - 5)).toBeLessThanOrEqual(1);
    expect(core.library.get(videoId)!.title).toMatch(/\(clip\)$/);
    expect(clipOf(core.db, videoId)).toMatchObject({ startSec: 2, endSec: 7, sourceVideoId: null });
    // The full video is still downloadable: the clip does not stand in for it.
    const full = await h()['jobs.add']({ urls: [url] });
    const fullJob = await finished(full.jobs[0]!.jobId!);
    const fullId = (fullJob.result as { videoId: string }).videoId;
    expect(fullId).not.toBe(videoId);
    expect(clipOf(core.db, videoId)!.sourceVideoId).toBe(fullId);
  }, 180_000);

  it('refuses a range past the end, a start after the end, and a clip through a plain paste', async () => {
    const url = `${server.url}/long/c2.mp4`;
    await expect(h()['choose.addClip']({ url, range: { startSec: 5, endSec: 30 } })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/past the end/) });
    await expect(h()['choose.addClip']({ url, range: { startSec: 8, endSec: 3 } })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/after its end/) });
    await expect(async () => h()['jobs.add']({ urls: [url], options: { clip: { startSec: 1, endSec: 2 } } })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(core.queue.list({ limit: 100 }).items.filter((j) => (j.payload as { url?: string }).url === url)).toEqual([]);
  }, 60_000);
});

describe('SponsorBlock', () => {
  it('when the service is unreachable, the download goes on without it and says so', async () => {
    core.handlers['settings.set']({ sponsorBlock: { sponsor: 'remove', intro: 'off', selfpromo: 'chapters' } });
    const { jobs } = await h()['jobs.add']({ urls: [`${server.url}/v/sb-1.mp4`] });
    const job = await finished(jobs[0]!.jobId!);
    core.handlers['settings.set']({ sponsorBlock: { sponsor: 'off', intro: 'off', selfpromo: 'off' } });
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({ notes: ['sponsorblock-unreachable'] });
  }, 90_000);
});
