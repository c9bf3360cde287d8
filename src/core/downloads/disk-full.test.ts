/** Issue 14: a download that cannot fit fails early, with real yt-dlp against the local server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { PermanentJobError } from '../queue/types';
import { makeContext } from '../../../test/fixtures/job-context';
import { createDownloadHandler } from './handler';
import { createHarness, type Harness } from './harness.test-kit';
import { freeBytes } from '../library/disk-space';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const run = async (name: string, contentSize: number | null, free?: (dir: string) => number | null) => {
  h.server.setMetaPage(name, { contentSize });
  const ctx = makeContext({ url: `${h.server.url}/meta/${name}.html`, options: DEFAULT_DOWNLOAD_OPTIONS });
  const asked: string[] = [];
  const handler = createDownloadHandler(h.options(free ? { freeBytes: (dir) => (asked.push(dir), free(dir)) } : {}));
  return { outcome: await handler(ctx.ctx).then((r) => r, (e: unknown) => e), asked, stages: ctx.progress.map((p) => p.stage) };
};

describe('disk space check', () => {
  it('fails without retry, before downloading, when the site says the file needs more than is free', async () => {
    const { outcome, asked, stages } = await run('huge', 5e9, () => 2e9);
    expect(outcome).toBeInstanceOf(PermanentJobError);
    const info = (outcome as PermanentJobError).info;
    expect(info).toMatchObject({ code: 'disk-full', values: { neededBytes: 5e9, freeBytes: 2e9 } });
    expect(info.message).toBe('This download needs 5.0 GB, 2.0 GB free on the library\'s drive.');
    expect(asked).toEqual([h.lib]);
    expect(stages.filter((s) => s.startsWith('downloading'))).toEqual([]);
    expect(readdirSync(h.lib, { recursive: true }).filter((f) => String(f).includes('huge'))).toEqual([]);
  });

  it('keeps a margin: a file that would leave less than it free does not start', async () => {
    const { outcome } = await run('tight', 1e9, () => 1e9 + 10 * 1024 * 1024);
    expect((outcome as PermanentJobError).info.code).toBe('disk-full');
  });

  it('goes on when the size fits, or is unknown', async () => {
    expect(await run('fits', 400_000, () => 5e9).then((r) => r.outcome)).toEqual({ videoId: expect.any(String) });
    // The site says no size and the drive cannot be asked: nothing to go by, so it goes on.
    const unknown = await run('unknown', null, () => null);
    expect(unknown.outcome).toEqual({ videoId: expect.any(String) });
    // A size only known from the first bytes, and it fits.
    expect(await run('fitsnosize', null, () => 64 * 1024 * 1024 + 5e6).then((r) => r.outcome)).toEqual({ videoId: expect.any(String) });
  });

  it('stops a direct link, whose size comes only with its first bytes, as soon as it is known', async () => {
    const ctx = makeContext({ url: `${h.server.url}/slow/20000/v/directbig.mp4`, options: DEFAULT_DOWNLOAD_OPTIONS });
    const outcome = await createDownloadHandler(h.options({ freeBytes: () => 64 * 1024 * 1024 + 1000 }))(ctx.ctx).then((r) => r, (e: unknown) => e);
    expect((outcome as PermanentJobError).info).toMatchObject({ code: 'disk-full', values: { neededBytes: expect.any(Number), freeBytes: 64 * 1024 * 1024 + 1000 } });
    // Throttled to 20 kB/s: a finished download would have taken seconds and reached 100 %.
    expect(ctx.progress.some((p) => p.percent === 100)).toBe(false);
  });

  it('reads the real free space of the library drive (statfs)', async () => {
    const free = freeBytes(h.lib);
    expect(free).toBeGreaterThan(0);
    // More than this drive holds: real statfs, no injection.
    const { outcome } = await run('petabyte', (free ?? 0) + 1e15);
    expect((outcome as PermanentJobError).info).toMatchObject({ code: 'disk-full', values: { freeBytes: expect.any(Number) } });
    expect(freeBytes(join(h.lib, 'no', 'such', 'folder'))).toBeNull();
  });
});
