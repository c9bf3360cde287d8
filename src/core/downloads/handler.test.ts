import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { VidKeepError } from '../../shared/errors';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { PermanentJobError, RetryJob } from '../queue/types';
import { makeContext } from '../../../test/fixtures/job-context';
import { createDownloadHandler } from './handler';
import type { DownloadPayload } from './types';
import { createHarness, type Harness } from './harness.test-kit';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const payload = (url: string, extra: Partial<DownloadPayload> = {}): DownloadPayload => ({ url, options: DEFAULT_DOWNLOAD_OPTIONS, ...extra });

describe('download handler with real yt-dlp', () => {
  it('downloads an MP4 with ordered progress that reaches 100 %, then indexes it', async () => {
    const run = makeContext(payload(`${h.server.url}/slow/200000/v/progressive.mp4`));
    const result = await createDownloadHandler(h.options())(run.ctx);
    expect(result).toEqual({ videoId: expect.any(String) });
    const video = h.library.get((result as { videoId: string }).videoId)!;
    // A direct link's identity is the link itself (its yt-dlp id is only the file name); so is its file name.
    const link = `${h.server.url}/slow/200000/v/progressive.mp4`;
    // The size is the file's as kept: embedding the title (on by default) rewrites it.
    expect(video).toMatchObject({ site: 'Generic', siteId: link, sizeBytes: statSync(join(h.lib, video.filePath)).size, sourceUrl: link });
    // Named by the default layout ("by channel"); a direct link has no uploader or date.
    expect(video.filePath).toBe('Unknown uploader/progressive [progressive].mp4');
    expect(existsSync(join(h.lib, video.filePath.replace(/\.mp4$/, '.info.json')))).toBe(true);
    // The generic site gives neither duration nor thumbnail: the download does not wait for ffmpeg
    // to take them from the file; a poster job chained to it does (media/poster-job.test.ts).
    expect(video.durationSec).toBeNull();
    expect(video.hasThumbnail).toBe(false);
    expect(existsSync(join(h.lib, video.filePath.replace(/\.mp4$/, '.jpg')))).toBe(false);
    expect(run.enqueued).toEqual([
      { name: 'media.poster', payload: { videoId: video.id }, options: expect.objectContaining({ jobId: 'job-1.poster', queue: 'media', dependsOn: ['job-1'] }) },
    ]);
    const stages = run.progress.map((p) => p.stage);
    expect(stages[0]).toBe('probing');
    expect(stages.at(-1)).toBe('done');
    expect(stages.indexOf('indexing')).toBeGreaterThan(stages.lastIndexOf('downloading'));
    const percents = run.progress.filter((p) => p.stage === 'downloading').map((p) => p.percent ?? 0);
    expect(percents.length).toBeGreaterThan(2);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(run.labels).toContain('progressive');
  });

  it('applies a quality cap without losing direct links whose height is unknown', async () => {
    const run = makeContext(payload(`${h.server.url}/v/capped.mp4`, { options: { ...DEFAULT_DOWNLOAD_OPTIONS, quality: '480p' } }));
    expect(await createDownloadHandler(h.options())(run.ctx)).toEqual({ videoId: expect.any(String) });
  });

  it('downloads HLS', async () => {
    const run = makeContext(payload(`${h.server.url}/hls/stream.m3u8`));
    const result = (await createDownloadHandler(h.options())(run.ctx)) as { videoId: string };
    expect(h.library.get(result.videoId)).toMatchObject({ siteId: `${h.server.url}/hls/stream.m3u8`, filePath: 'Unknown uploader/stream [stream].mp4' });
    expect(run.progress.some((p) => p.percent === 100)).toBe(true);
  });

  it('direct links that share a file name are different videos, each with its own file', async () => {
    // Two host names for the same server: a.example/clip.mp4 and b.example/clip.mp4 in miniature.
    const onA = `${h.server.url}/v/twice.mp4`;
    const onB = onA.replace('127.0.0.1', 'localhost');
    const first = (await createDownloadHandler(h.options())(makeContext(payload(onA)).ctx)) as { videoId: string };
    const before = h.server.count('/v/twice.mp4');
    const second = (await createDownloadHandler(h.options())(makeContext(payload(onB)).ctx)) as { videoId: string };
    expect(second.videoId).toEqual(expect.any(String));
    expect(second.videoId).not.toBe(first.videoId);
    expect(h.server.count('/v/twice.mp4')).toBeGreaterThan(before);
    const [a, b] = [h.library.get(first.videoId)!, h.library.get(second.videoId)!];
    expect([a.sourceUrl, b.sourceUrl]).toEqual([onA, onB]);
    expect(b.filePath).not.toBe(a.filePath);
    expect(existsSync(join(h.lib, a.filePath)) && existsSync(join(h.lib, b.filePath))).toBe(true);
  });

  it('asks before downloading a playlist, then expands it into one job per entry', async () => {
    h.server.setFeed([{ name: 'e1', title: 'One' }, { name: 'e2', title: 'Two' }, { name: 'e3', title: 'Three' }], 'My list');
    const ask = await createDownloadHandler(h.options())(makeContext(payload(`${h.server.url}/feed.xml`)).ctx);
    expect(ask).toEqual({ needsConfirm: true, playlistTitle: 'My list', count: 3, url: `${h.server.url}/feed.xml` });
    const run = makeContext(payload(`${h.server.url}/feed.xml`, { confirmPlaylist: true }));
    expect(await createDownloadHandler(h.options())(run.ctx)).toEqual({ expanded: 3, playlistTitle: 'My list' });
    expect(run.enqueued.map((e) => (e.payload as DownloadPayload).url.split('#')[0])).toEqual(['e1', 'e2', 'e3'].map((n) => `${h.server.url}/v/${n}.mp4`));
    expect(run.enqueued.every((e) => e.name === 'download' && (e.payload as DownloadPayload).playlist === 'My list' && e.options?.key === '127.0.0.1')).toBe(true);
    expect(run.enqueued.map((e) => e.options?.label)).toEqual(['One', 'Two', 'Three']);
  });

  it('keeps a hostile title as a title: its file name is the cleaned title, inside the library', async () => {
    const title = `../../..//etc/passwd \u202Egnp.exe\u202C 😀🎬 ${'Ω'.repeat(110)}`;
    expect(Buffer.byteLength(title)).toBeGreaterThan(240);
    h.server.setPageTitle('hostile', title);
    const run = makeContext(payload(`${h.server.url}/page/hostile.html`));
    const { videoId } = (await createDownloadHandler(h.options())(run.ctx)) as { videoId: string };
    const v = h.library.get(videoId)!;
    expect(v.title.startsWith(title)).toBe(true);
    expect(v.filePath).toMatch(/^Unknown uploader\/etc-passwd gnp\.exe 😀🎬 Ω+ \[hostile-1\]\.mp4$/u);
    for (const part of v.filePath.split('/')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(255);
    expect(await h.library.resolveMedia(videoId, 'video')).toBe(join(h.lib, v.filePath));
    expect(run.labels.at(-1)?.startsWith(title)).toBe(true);
    expect(readdirSync(h.dir).sort()).toEqual(['db.sqlite', 'db.sqlite-shm', 'db.sqlite-wal', 'library']);
  });

  it('keeps an id full of path tricks inside the library', async () => {
    const { videoId } = (await createDownloadHandler(h.options())(makeContext(payload(`${h.server.url}/v/..%2F..%2F%E2%80%AEescape.mp4`)).ctx)) as { videoId: string };
    const v = h.library.get(videoId)!;
    expect(v.siteId).toBe(`${h.server.url}/v/..%2F..%2F%E2%80%AEescape.mp4`);
    // The id is percent-encoded into the name: its slashes and RTL mark are text, never folders.
    expect(v.filePath).toBe('Unknown uploader/escape [%2E.%2F..%2F%E2%80%AEescape].mp4');
    expect(await h.library.resolveMedia(videoId, 'video')).toContain(h.lib);
  });

  it.each([
    ['fault/429', 'rate-limited', RetryJob, 1234],
    ['fault/403', 'forbidden', PermanentJobError, null],
    ['fault/404', 'unavailable', PermanentJobError, null],
    ['fault/reset', 'network', RetryJob, 567],
    ['fault/truncate', 'network', RetryJob, 567],
  ] as const)('lands %s on %s', async (fault, code, kind, delay) => {
    const err = await createDownloadHandler(h.options())(makeContext(payload(`${h.server.url}/${fault}/v/f-${fault.replace('/', '-')}.mp4`)).ctx).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(kind);
    const info = err instanceof RetryJob ? err.info : (err as PermanentJobError).info;
    expect(info?.code).toBe(code);
    expect(info?.message).not.toMatch(/Traceback|ERROR:/);
    if (delay !== null) expect((err as RetryJob).delayMs).toBe(delay);
  });

  it('succeeds on a retry after a 429 for the first request', async () => {
    const url = `${h.server.url}/flaky429/1/v/flaky.mp4`;
    await expect(createDownloadHandler(h.options())(makeContext(payload(url)).ctx)).rejects.toBeInstanceOf(RetryJob);
    await expect(createDownloadHandler(h.options())(makeContext(payload(url), { tryNumber: 2 }).ctx)).resolves.toEqual({ videoId: expect.any(String) });
  });

  it('refuses mp3 without ffmpeg before spawning anything', async () => {
    const pidsBefore = h.pids.length;
    const opts = h.options({ getTools: () => ({ ytDlp: h.tools.ytDlp, ffmpeg: { found: false, path: null, version: null, source: null } }) });
    const err = await createDownloadHandler(opts)(makeContext(payload(`${h.server.url}/v/mp3.mp4`, { options: { ...DEFAULT_DOWNLOAD_OPTIONS, audioOnly: true, audioFormat: 'mp3' } })).ctx).catch((e: unknown) => e);
    expect((err as PermanentJobError).info.code).toBe('ffmpeg-missing');
    expect(h.pids.length).toBe(pidsBefore);
  });

  it('reports a missing yt-dlp', async () => {
    const opts = h.options({ getTools: () => ({ ytDlp: { found: true, path: '/nonexistent/yt-dlp', version: 'x', source: 'settings' }, ffmpeg: h.tools.ffmpeg }) });
    const err = await createDownloadHandler(opts)(makeContext(payload(`${h.server.url}/v/none.mp4`)).ctx).catch((e: unknown) => e);
    expect((err as PermanentJobError).info.code).toBe('ytdlp-missing');
  });

  it('fails with outside-library when yt-dlp reports a path outside the library', async () => {
    // A stand-in yt-dlp that claims success with a file elsewhere (as a symlinked folder or a bug could).
    const fake = ((_cmd: string, _args: string[], opts: object) =>
      spawn(process.execPath, ['-e', `console.log('VK:FILE' + JSON.stringify(${JSON.stringify(join(h.dir, 'db.sqlite'))}))`], opts)) as unknown as typeof spawn;
    const err = await createDownloadHandler(h.options({ spawn: fake }))(makeContext(payload(`${h.server.url}/v/out.mp4`)).ctx).catch((e: unknown) => e);
    expect((err as PermanentJobError).info.code).toBe('outside-library');
    expect(h.library.findBySource('Generic', 'out')).toBeNull();
  });

  it('reports the queue\'s own abort reason (its timeout) rather than a cancel', async () => {
    const run = makeContext(payload(`${h.server.url}/slow/5000/v/queue-timeout.mp4`));
    const done = createDownloadHandler(h.options())(run.ctx).catch((e: unknown) => e);
    await run.waitFor((p) => (p.downloadedBytes ?? 0) > 0);
    run.controller.abort(new VidKeepError('timeout', 'The job ran out of time.'));
    expect(((await done) as PermanentJobError).info.code).toBe('timeout');
  });

  it('extracts audio to mp3 with ffmpeg', async () => {
    const run = makeContext(payload(`${h.server.url}/v/song.mp4`, { options: { ...DEFAULT_DOWNLOAD_OPTIONS, audioOnly: true, audioFormat: 'mp3' } }));
    const { videoId } = (await createDownloadHandler(h.options())(run.ctx)) as { videoId: string };
    expect(h.library.get(videoId)).toMatchObject({ filePath: 'Unknown uploader/song [song].mp3', audioOnly: true });
    expect(run.progress.some((p) => p.stage === 'post-processing')).toBe(true);
  });
});
