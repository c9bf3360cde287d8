// "Already kept" as the handler decides it from yt-dlp's probe: by site and id for a site's video,
// never by a generic link's file name. yt-dlp is a stand-in that prints its probe line and then
// would take a minute: only the early stop ends it in time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { makeContext } from '../../../test/fixtures/job-context';
import { MARK } from '../ytdlp/markers';
import { createDownloadHandler } from './handler';
import { createHarness, type Harness } from './harness.test-kit';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** A yt-dlp that reports `info` as its probe, then hangs. */
const probing = (info: Record<string, unknown>) =>
  ((_cmd: string, _args: string[], opts: object) =>
    spawn(process.execPath, ['-e', `console.log(${JSON.stringify(MARK.info + JSON.stringify(info))}); setTimeout(() => {}, 60000)`], opts)) as unknown as typeof spawn;

function keep(site: string, id: string, sourceUrl: string) {
  mkdirSync(join(h.lib, site), { recursive: true });
  writeFileSync(join(h.lib, site, `${id}.mp4`), 'x');
  return h.library.add({ info: { id, extractor_key: site, title: id }, filePath: join(h.lib, site, `${id}.mp4`), sourceUrl, audioOnly: false });
}

describe('already kept, from the probe', () => {
  it('a site video kept under another link stops right after the probe', async () => {
    const kept = keep('Youtube', 'abc123', 'https://www.youtube.com/watch?v=abc123');
    const run = createDownloadHandler(h.options({ spawn: probing({ id: 'abc123', extractor_key: 'Youtube', title: 'Kept', webpage_url: 'https://youtu.be/abc123' }) }));
    const started = Date.now();
    expect(await run(makeContext({ url: 'https://youtu.be/abc123', options: DEFAULT_DOWNLOAD_OPTIONS }).ctx)).toEqual({ alreadyKept: kept.id });
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('a direct link whose file name matches a kept one on another host is not "already kept"', async () => {
    keep('Generic', 'clip', 'https://a.example/clip.mp4');
    const fake = probing({ id: 'clip', extractor_key: 'Generic', title: 'clip', webpage_url: 'https://b.example/clip.mp4' });
    const ctx = makeContext({ url: 'https://b.example/clip.mp4', options: DEFAULT_DOWNLOAD_OPTIONS });
    const result = createDownloadHandler(h.options({ spawn: fake }))(ctx.ctx).catch((e: unknown) => e);
    // The "already kept?" decision is made as the probe line is read (the same event that reports
    // the title): past it, cancel the run; it ends as cancelled, not kept.
    await ctx.waitFor((p) => p.stage === 'probing' && p.title === 'clip');
    ctx.controller.abort();
    expect(await result).toMatchObject({ info: { code: 'cancelled' } });
  }, 60_000);
});
