// Checks missed while VidKeep was closed run once on the next start, through the real core.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../index';
import { CHECK_JOB } from './index';
import type { Lister } from './types';

const HOUR = 3_600_000;
let dir: string;
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('closed app catch-up', () => {
  it('three hours closed: each subscription checks once on start, not three times, and none before it is due', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vk-catchup-'));
    let t = Date.UTC(2026, 5, 1, 10, 30);
    const listed: string[] = [];
    const lister: Lister = async function* ({ url }) {
      listed.push(url);
      yield { key: `generic ${url}`, url: `${url}/v.mp4`, title: 'v', durationSec: null, uploadDate: null, liveStatus: null };
    };
    const open = () => createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test', now: () => t, subscriptions: { lister, staggerMs: 0 } });
    core = await open();
    core.queue.pause('default'); // downloads are not the point here
    const a = core.subscriptions.add({ url: 'http://feeds.test/a', cron: '0 * * * *' });
    const b = core.subscriptions.add({ url: 'http://feeds.test/b', cron: '0 */2 * * *' });
    await expect.poll(() => listed.length).toBe(2);
    await core.close();

    t += 3 * HOUR; // 13:30: a missed 11:00, 12:00 and 13:00; b missed 12:00
    core = await open();
    const checks = () => core!.queue.list({ name: CHECK_JOB, limit: 50 }).items.filter((j) => j.id.startsWith('cron:'));
    expect(checks().map((j) => (j.payload as { subscriptionId: string }).subscriptionId).sort()).toEqual([a.id, b.id].sort());
    await expect.poll(() => listed.length).toBe(4);
    expect(core.subscriptions.get(a.id).nextCheckAt).toBe(Date.UTC(2026, 5, 1, 14, 0));
    expect(core.subscriptions.get(b.id).nextCheckAt).toBe(Date.UTC(2026, 5, 1, 14, 0));
  });
});
