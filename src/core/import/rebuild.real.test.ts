// Rebuild from disk, the real path: yt-dlp downloads into a library, the database is deleted, and
// a new core on the same library brings every video back by itself, searchable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';
import { createCore, type Core } from '../index';
import type { ImportStatus } from '../../shared/import';

let dir: string;
let server: MediaServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-rebuild-'));
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media') });
}, 120_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = () => createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
const summary = (c: Core) =>
  c.library.search({ query: '', limit: 50, sort: 'title' }).items.map((v) => ({ title: v.title, uploader: v.uploader, duration: v.durationSec === null ? null : Math.round(v.durationSec), site: v.site }));

describe('rebuild from disk', () => {
  it('a new database on a library with videos brings them back, with their metadata, searchable', async () => {
    const titles = { harbour: 'Harbour at dawn', picnic: 'Family picnic 2019', storm: 'Storm over the bay' };
    for (const [name, title] of Object.entries(titles)) server.setPageTitle(name, title);
    let core = await open();
    const jobs = core.downloads.add({ urls: Object.keys(titles).map((n) => `${server.url}/page/${n}.html`) }, core.settings.get().defaults).jobs.map((j) => j.jobId!);
    // Downloads and their poster/duration follow-ups all finish.
    await expect.poll(() => core.queue.list({ state: 'succeeded', limit: 50 }).items.length, { timeout: 90_000, interval: 200 }).toBeGreaterThanOrEqual(jobs.length);
    await expect.poll(() => core.queue.metrics().counts.active + core.queue.metrics().counts.queued, { timeout: 60_000, interval: 200 }).toBe(0);
    const before = summary(core);
    expect(before.map((v) => v.title)).toEqual([expect.stringContaining('Family picnic 2019'), expect.stringContaining('Harbour at dawn'), expect.stringContaining('Storm over the bay')]);
    expect(before.every((v) => v.duration !== null)).toBe(true);
    await core.close();
    for (const f of ['vidkeep.db', 'vidkeep.db-wal', 'vidkeep.db-shm']) rmSync(join(dir, 'data', f), { force: true });

    core = await open();
    const seen: ImportStatus[] = [];
    core.events.on('import.changed', (s) => void seen.push(s));
    const first = core.imports.status();
    expect(first).toMatchObject({ rebuild: true, mode: 'in-place' });
    await expect.poll(() => core.imports.status()?.state, { timeout: 60_000, interval: 100 }).toBe('done');
    expect(core.imports.status()).toMatchObject({ found: 3, imported: 3, skipped: 0 });
    expect(summary(core)).toEqual(before);
    expect(core.library.search({ query: 'picnic', limit: 5 }).items.map((v) => v.title)).toEqual([before[0]!.title]);
    const id = core.library.search({ query: 'storm', limit: 1 }).items[0]!.id;
    expect(await core.resolveMedia('video', id)).toMatch(new RegExp(`^${dir}/lib/`));
    await core.close();

    // Started again with videos in the database: no second rebuild.
    core = await open();
    expect(core.imports.status()).toBeNull();
    await core.close();
  }, 240_000);
});
