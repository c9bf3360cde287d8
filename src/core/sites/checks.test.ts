/** Subscription checks follow the site's pacing and 429 waits, like downloads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createYtDlpLister } from '../subscriptions/list';
import { createSites, listerSiteHooks } from './index';
import { locateTools } from '../ytdlp/locate';
import { startMediaServer } from '../../../test/fixtures/media-server';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-checks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeYtDlp(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\nprintf '%s\\n' "$@" > "${p}.args"\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

async function check(bin: string, hooks: ReturnType<typeof listerSiteHooks>, url: string): Promise<unknown> {
  try {
    for await (const _ of createYtDlpLister({ getYtDlp: () => bin, ...hooks })({ url, max: 5, signal: new AbortController().signal })) void _;
    return null;
  } catch (err) {
    return err;
  }
}

describe('subscription checks and sites', () => {
  it('a check carries the site’s pacing before the URL; a 429 holds the site for checks and downloads alike', async () => {
    let now = 1_000_000;
    const raw = new Map<string, string>();
    const sites = createSites({ dataDir: dir, desktop: false, now: () => now, rateLimitBaseMs: 60_000, settings: { getRaw: (k) => raw.get(k), setRaw: (k, v) => void raw.set(k, v) } });
    const hooks = listerSiteHooks(sites);
    const ok = fakeYtDlp('ok', 'exit 0');
    expect(await check(ok, hooks, 'https://www.youtube.com/@someone')).toBeNull();
    const args = readFileSync(`${ok}.args`, 'utf8').trim().split('\n');
    expect(args.slice(-2)).toEqual(['--', 'https://www.youtube.com/@someone']);
    expect(args.join(' ')).toMatch(/--sleep-requests 1 --sleep-interval 5 --max-sleep-interval 15 -- https/);
    expect(args).not.toContain('--limit-rate');

    const limited = fakeYtDlp('limited', "echo 'ERROR: [youtube:tab] @someone: HTTP Error 429: Too Many Requests' >&2\nexit 1");
    expect(await check(limited, hooks, 'https://www.youtube.com/@someone')).toMatchObject({ code: 'rate-limited' });
    expect(sites.waiting(new URL('https://youtube.com/watch?v=x'))).toMatchObject({ site: 'youtube.com', retryAt: now + 60_000 });

    rmSync(`${ok}.args`);
    const held = await check(ok, hooks, 'https://m.youtube.com/@other');
    expect(held).toMatchObject({ code: 'rate-limited', message: expect.stringMatching(/^Waiting: youtube\.com asked VidKeep to slow down; next try at \d\d:\d\d\.$/) });
    expect(() => readFileSync(`${ok}.args`)).toThrow();
    // Another site is not held.
    expect(await check(ok, hooks, 'https://vimeo.com/channels/x')).toBeNull();
    expect(() => sites.begin(new URL('https://www.youtube.com/watch?v=1'), 'dl')).toThrow(/retry in|Waiting/);
    now += 60_001;
    expect(await check(ok, hooks, 'https://www.youtube.com/@someone')).toBeNull();
  });

  it('a check that meets a 429 waits out the site’s own Retry-After (real yt-dlp, real server), not the doubling guess', async () => {
    const server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media') });
    try {
      const raw = new Map<string, string>();
      const sites = createSites({ dataDir: dir, desktop: false, rateLimitBaseMs: 3_600_000, settings: { getRaw: (k) => raw.get(k), setRaw: (k, v) => void raw.set(k, v) } });
      const tools = await locateTools({ userDataDir: dir });
      const before = Date.now();
      const err = await check(tools.ytDlp.path!, listerSiteHooks(sites), `http://127.0.0.1:${server.port}/ratelimit/0/42/feed.xml`);
      expect(err).toMatchObject({ code: 'rate-limited' });
      const w = sites.waiting(new URL(`http://127.0.0.1:${server.port}/v/x.mp4`));
      // The server said "Retry-After: 42" (less the seconds gone since its window opened).
      expect(w!.retryAt).toBeGreaterThan(before + 30_000);
      expect(w!.retryAt).toBeLessThanOrEqual(Date.now() + 42_000);
    } finally {
      await server.close();
    }
  }, 60_000);
});
