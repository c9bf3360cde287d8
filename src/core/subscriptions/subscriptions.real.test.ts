// The real path: yt-dlp lists an RSS feed served by the local media server, downloads land in the library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';
import { createCore, type Core } from '../index';
import { CHECK_JOB } from './index';
import { MEDIA_QUEUE } from '../downloads/index';
import { createYtDlpLister } from './list';
import { pidAlive } from '../ytdlp/kill';

let dir: string;
let server: MediaServer;
let core: Core;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-subs-real-'));
  server = await startMediaServer({ mediaDir: join(dir, 'media') });
  // Were retention to use the trash, it would be this test's, not the machine's.
  process.env.XDG_DATA_HOME = join(dir, 'xdg');
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
}, 120_000);
afterAll(async () => {
  await core.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const titles = () =>
  core.library
    .search({ query: '', limit: 50 })
    .items.map((v) => v.title)
    .sort();
const settled = (id: string) => {
  const s = core.subscriptions.get(id);
  // Downloads and checks; poster jobs run at background priority and may trail on a busy machine.
  const busy = (['queued', 'active'] as const).flatMap((state) => core.queue.list({ state, limit: 50 }).items).filter((j) => j.queue !== MEDIA_QUEUE).length;
  return !s.checking && busy === 0;
};

describe('subscriptions with real yt-dlp', () => {
  it('subscribes to a feed, keeps the newest entry, then picks up a new one without touching older ones', async () => {
    server.setFeed(
      [
        { name: 'sub-two', title: 'Episode two' },
        { name: 'sub-one', title: 'Episode one' },
      ],
      'Test channel',
    );
    const s = core.subscriptions.add({ url: `${server.url}/feed.xml`, initial: 'last', initialCount: 1 });
    await expect.poll(() => titles(), { timeout: 60_000, interval: 200 }).toEqual(['sub-two']);
    await expect.poll(() => settled(s.id), { timeout: 30_000 }).toBe(true);
    expect(core.subscriptions.get(s.id)).toMatchObject({ title: 'Test channel', lastNewCount: 1, totalQueued: 1, lastError: null });
    expect(server.count('/v/sub-one.mp4')).toBe(0);

    server.setFeed(
      [
        { name: 'sub-three', title: 'Episode three' },
        { name: 'sub-two', title: 'Episode two' },
        { name: 'sub-one', title: 'Episode one' },
      ],
      'Test channel',
    );
    const { already } = core.subscriptions.checkNow(s.id);
    expect(already).toBe(false);
    await expect.poll(() => titles(), { timeout: 60_000, interval: 200 }).toEqual(['sub-three', 'sub-two']);
    await expect.poll(() => settled(s.id), { timeout: 30_000 }).toBe(true);
    expect(core.subscriptions.get(s.id)).toMatchObject({ lastNewCount: 1, totalQueued: 2 });
    // The entry left out on the first check is never fetched; the feed was read once per check.
    expect(server.count('/v/sub-one.mp4')).toBe(0);
    expect(server.count('/feed.xml')).toBe(2);
    expect(core.queue.list({ name: CHECK_JOB, state: 'succeeded', limit: 10 }).total).toBe(2);
    // The library can show just this subscription's videos.
    expect(core.library.search({ query: '', limit: 50, subscriptionId: s.id }).items.map((v) => v.title).sort()).toEqual(['sub-three', 'sub-two']);
    expect(core.library.search({ query: 'three', limit: 50, subscriptionId: s.id }).total).toBe(1);
    expect(core.library.search({ query: '', limit: 50, subscriptionId: 'someone-else' }).total).toBe(0);
    // Export names both kept videos the way yt-dlp's --download-archive does.
    expect(core.subscriptions.exportArchive().text).toBe('generic sub-three\ngeneric sub-two\n');
  }, 150_000);

  it('a link the site refuses and a feed with nothing in it get clear errors; the subscriptions stay', async () => {
    const refused = core.subscriptions.add({ url: `${server.url}/fault/403/feed.xml` });
    await expect.poll(() => core.subscriptions.get(refused.id).lastError?.code, { timeout: 60_000 }).toBe('forbidden');
    expect(core.subscriptions.get(refused.id).lastError?.message).toMatch(/refused to show this list/);
    expect(core.subscriptions.get(refused.id).lastError?.hint?.match(/yt-dlp said/g)).toHaveLength(1);

    server.setFeed([], 'Empty');
    const empty = core.subscriptions.add({ url: `${server.url}/feed.xml?empty=1` });
    await expect.poll(() => core.subscriptions.get(empty.id).lastError, { timeout: 60_000 }).not.toBeNull();
    expect(core.subscriptions.get(empty.id).lastError?.message).toMatch(/listed no videos|cannot list/);
    expect(core.subscriptions.list().map((s) => s.id)).toEqual(expect.arrayContaining([refused.id, empty.id]));
  }, 150_000);

  it('keeps only the last N of a subscription as videos land, never one marked keep', async () => {
    const pre = new Set(core.library.search({ query: '', limit: 100 }).items.map((v) => v.id));
    server.setFeed(
      [
        { name: 'ret-3', title: 'R3' },
        { name: 'ret-2', title: 'R2' },
        { name: 'ret-1', title: 'R1' },
      ],
      'Retained',
    );
    const s = core.subscriptions.add({ url: `${server.url}/feed.xml?ret=1`, initial: 'last', initialCount: 1, retention: { keepLast: 1 } });
    const mine = () => core.library.search({ query: '', limit: 100 }).items.filter((v) => !pre.has(v.id));
    await expect.poll(() => mine().map((v) => v.title), { timeout: 60_000 }).toEqual(['ret-3']);
    await expect.poll(() => settled(s.id), { timeout: 30_000 }).toBe(true);
    core.library.setKeep(mine()[0]!.id, true);

    server.setFeed(
      [
        { name: 'ret-5', title: 'R5' },
        { name: 'ret-4', title: 'R4' },
        { name: 'ret-3', title: 'R3' },
      ],
      'Retained',
    );
    core.subscriptions.checkNow(s.id);
    await expect.poll(() => settled(s.id), { timeout: 60_000 }).toBe(true);
    // Two new ones arrived; keep-last-1 leaves the newest of them plus the kept one.
    await expect.poll(() => mine().length, { timeout: 30_000 }).toBe(2);
    const left = mine();
    expect(left.find((v) => v.title === 'ret-3')?.keep).toBe(true);
    // The newest published (ret-5) stays whichever download finished first; ret-4 goes.
    expect(left.map((v) => v.title).sort()).toEqual(['ret-3', 'ret-5']);
    expect(server.count('/v/ret-1.mp4') + server.count('/v/ret-2.mp4')).toBe(0);
    // A retention rule frees the space: ret-4 is gone for good, not moved to the trash.
    const trashed = join(dir, 'xdg', 'Trash', 'files');
    expect(existsSync(trashed) ? readdirSync(trashed) : []).toEqual([]);
    // Wherever the layout put them (issue 14).
    const kept = readdirSync(join(dir, 'lib'), { recursive: true, encoding: 'utf8' });
    expect(kept.filter((f) => f.includes('ret-4'))).toEqual([]);
    expect(kept.filter((f) => f.includes('ret-5')).length).toBeGreaterThan(0);
  }, 150_000);

  it('the yt-dlp lister streams entries and ends yt-dlp as soon as the check stops reading', async () => {
    server.setFeed(Array.from({ length: 40 }, (_, i) => ({ name: `lst-${40 - i}`, title: `L${40 - i}` })), 'Long');
    const spawned: number[] = [];
    const exited: number[] = [];
    const list = createYtDlpLister({ getYtDlp: () => core.tools().ytDlp.path, onSpawn: (pid) => spawned.push(pid), onExit: (pid) => exited.push(pid) });
    let title: string | null = null;
    const keys: string[] = [];
    for await (const e of list({ url: `${server.url}/feed.xml?long=1`, max: 100, signal: new AbortController().signal, onTitle: (t) => (title = t) })) {
      keys.push(e.key);
      if (keys.length === 2) break;
    }
    expect(keys).toEqual(['generic lst-40', 'generic lst-39']);
    expect(title).toBe('Long');
    expect(exited).toEqual(spawned);
    expect(pidAlive(spawned[0]!)).toBe(false);
  }, 60_000);
});
