/** Real yt-dlp against the local media server: cookies, 429 waits, speed limit, proxy. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../index';
import { dispatch } from '../dispatch';
import { FIXTURE_COOKIE, startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';
import type { QueueJob } from '../queue/types';
import { buildDownloadArgs } from '../ytdlp/args';
import { runYtDlp } from '../ytdlp/run';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { testProxy } from './proxy';
import { createSites } from './index';

let server: MediaServer;
let dir: string;
let core: Core;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-sites-'));
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media') });
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 't', downloads: { rateLimitDelayMs: 2000, networkDelayMs: 500 } });
  core.settings.set({ maxTries: 10, maxConcurrent: 4 });
});
afterAll(async () => {
  await core.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = async (url: string): Promise<string> => {
  const r = await dispatch(core.handlers, 'jobs.add', { urls: [url] });
  const jobId = (r as { ok: true; value: { jobs: Array<{ jobId?: string }> } }).value.jobs[0]!.jobId;
  expect(jobId).toBeTruthy();
  return jobId!;
};

function settled(jobId: string, timeoutMs = 60_000): Promise<QueueJob> {
  return new Promise((resolve, reject) => {
    const done = (j: QueueJob | null) => j && (j.state === 'succeeded' || j.state === 'failed' || j.state === 'cancelled');
    const now = core.queue.get(jobId);
    if (done(now)) return resolve(now!);
    const t = setTimeout(() => reject(new Error(`job ${jobId} did not finish: ${JSON.stringify(core.queue.get(jobId))}`)), timeoutMs);
    const off = core.queue.on((e) => {
      if ('job' in e && e.job.id === jobId && done(e.job)) {
        clearTimeout(t);
        off();
        resolve(e.job);
      }
    });
  });
}

const cookieLine = (domain: string) => `# Netscape HTTP Cookie File\n${domain}\tFALSE\t/\tFALSE\t0\t${FIXTURE_COOKIE.name}\t${FIXTURE_COOKIE.value}\n`;

describe('cookies', () => {
  it('a cookie reaches only its site: the cookie-only video downloads, the same page on another host gets none', async () => {
    const add1 = await dispatch(core.handlers, 'cookies.add', { site: '127.0.0.1', text: cookieLine('127.0.0.1') + 'localhost\tFALSE\t/\tFALSE\t0\tstray\tnope\n' });
    expect(add1).toMatchObject({ ok: true, value: { site: '127.0.0.1', count: 1, droppedOtherSites: 1 } });
    const view = await dispatch(core.handlers, 'sites.get', {});
    expect(JSON.stringify(view)).not.toMatch(/letmein/);

    const ok = await settled(await add(`http://127.0.0.1:${server.port}/needcookie/v/members-clip.mp4`));
    expect(ok.state).toBe('succeeded');
    const other = await settled(await add(`http://localhost:${server.port}/needcookie/v/members-other.mp4`));
    expect(other.state).toBe('failed');
    expect(other.error?.code).toBe('forbidden');

    const seen = server.requests.filter((r) => r.path.includes('/needcookie/'));
    expect(seen.filter((r) => r.host?.startsWith('127.0.0.1')).some((r) => r.cookie?.includes(`${FIXTURE_COOKIE.name}=${FIXTURE_COOKIE.value}`))).toBe(true);
    expect(seen.filter((r) => r.host?.startsWith('localhost')).every((r) => r.cookie === null)).toBe(true);
    // Each run's cookie file is gone once yt-dlp ended.
    expect(readdirSync(join(dir, 'data', 'cookies', 'runs'))).toEqual([]);
    expect(await dispatch(core.handlers, 'cookies.remove', { site: '127.0.0.1' })).toMatchObject({ ok: true, value: { removed: true } });
  }, 90_000);

  it('garbage is refused with the reason and nothing saved', async () => {
    const r = await dispatch(core.handlers, 'cookies.add', { site: 'youtube.com', text: 'hello\tworld' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/Line 1 is not a cookie/) } });
    expect((await dispatch(core.handlers, 'sites.get', {})) as { value: { cookies: unknown[] } }).toMatchObject({ value: { cookies: [] } });
  });
});

describe('429', () => {
  it('pauses only that site, shows when the next try is, and resumes after the backoff', async () => {
    const limited = (name: string) => `http://127.0.0.1:${server.port}/ratelimit/2/12/v/${name}.mp4`;
    // The server's window of 12 s starts with rl-a's first request; its Retry-After is what is left of it.
    const windowFrom = Date.now();
    const first = await settled(await add(limited('rl-a')));
    const windowTo = Date.now();
    expect(first.state).toBe('succeeded');
    // One try each: the site's waits must not spend it (the 429 itself included).
    core.settings.set({ maxTries: 1 });
    const b = await add(limited('rl-b'));
    // Wait for b's 429 to put the site on hold.
    await new Promise<void>((resolve) => {
      const off = core.queue.on((e) => {
        if (e.type === 'retrying' && e.job.id === b) {
          off();
          resolve();
        }
      });
    });
    const waiting = core.queue.get(b)!;
    expect(waiting).toMatchObject({ state: 'queued', tries: 0, maxTries: 1 });
    expect(waiting.error).toMatchObject({ code: 'rate-limited', values: { site: '127.0.0.1' } });
    expect(waiting.error!.message).toMatch(/^Waiting: 127\.0\.0\.1 asked VidKeep to slow down; next try at \d\d:\d\d\.$/);
    const retryAt = Number(waiting.error!.values!.retryAt);
    expect(retryAt).toBeGreaterThan(Date.now());
    // Retry-After honoured (VidKeep asked for it; yt-dlp does not show it): the wait ends with the
    // server's window, not after the doubling default (2 s here).
    expect(retryAt).toBeGreaterThanOrEqual(windowFrom + 12_000);
    expect(retryAt).toBeLessThanOrEqual(windowTo + 13_000 + 500);

    // Another site goes on meanwhile; another download from the held site does not even ask.
    const before = server.requests.length;
    const c = await add(`http://localhost:${server.port}/v/rl-other-site.mp4`);
    const d = await add(limited('rl-d'));
    const cDone = await settled(c);
    expect(cDone.state).toBe('succeeded');
    if (Date.now() < retryAt) {
      expect(server.requests.slice(before).filter((r) => r.path.includes('/ratelimit/'))).toEqual([]);
    }
    expect(await settled(b, 90_000)).toMatchObject({ state: 'succeeded', tries: 1 });
    expect(await settled(d, 90_000)).toMatchObject({ state: 'succeeded', tries: 1 });
    expect(core.sites.backoff.list()).toEqual([]);
    core.settings.set({ maxTries: 10 });
  }, 120_000);
});

describe('speed limit', () => {
  it('a 2 MB file at 200 KB/s takes at least 8 s with real yt-dlp (and well under that without)', async () => {
    const bin = core.tools().ytDlp.path!;
    const lib = join(dir, 'speed');
    mkdirSync(lib, { recursive: true });
    const sitesDir = join(dir, 'speed-data');
    const raw = new Map<string, string>();
    const sites = createSites({ dataDir: sitesDir, desktop: false, settings: { getRaw: (k) => raw.get(k), setRaw: (k, v) => void raw.set(k, v) } });
    const run = async (name: string) => {
      const url = new URL(`http://127.0.0.1:${server.port}/bytes/2097152/${name}.mp4`);
      const base = buildDownloadArgs({ url: url.href, libraryDir: lib, options: DEFAULT_DOWNLOAD_OPTIONS, ffmpegPath: null, mode: 'single' });
      const s = sites.begin(url, name);
      const t0 = Date.now();
      const res = await runYtDlp({ bin, args: [...base.slice(0, -2), ...s.args, ...base.slice(-2)], timeoutMs: 60_000 });
      s.cleanup();
      expect(res.exitCode).toBe(0);
      return Date.now() - t0;
    };
    const free = await run('unlimited');
    sites.set({ bandwidth: { limitKBps: 200, hours: null } });
    const limitedMs = await run('limited');
    expect(limitedMs).toBeGreaterThanOrEqual(8000);
    expect(free).toBeLessThan(limitedMs / 2);
  }, 90_000);
});

/** yt-dlp's command line, read from /proc while it runs (what any user of the machine can see with `ps`). */
function cmdlinesMentioning(needle: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(needle) && !cmd.includes('vitest')) out.push(cmd);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

describe('proxy', () => {
  const PASSWORD = 'p"ss w@rd\\';
  const seen: Array<{ auth: string | null; cmdlines: string[] }> = [];
  let open: Server;
  let locked: Server;
  /** A minimal forward proxy: absolute-URI GETs passed on to the target; `user` demands Basic auth. */
  const forwardProxy = (user?: string) =>
    createServer((req, res) => {
      const target = new URL(req.url ?? '/');
      if (user) {
        const header = req.headers['proxy-authorization'];
        const auth = header?.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : null;
        seen.push({ auth, cmdlines: cmdlinesMentioning(target.pathname) });
        if (auth !== `${user}:${PASSWORD}`) return void res.writeHead(407, { 'proxy-authenticate': 'Basic realm="t"' }).end();
      }
      const { 'proxy-authorization': _drop, ...headers } = req.headers;
      const up = request(target, { method: req.method, headers: { ...headers, host: target.host } }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
  const portOf = (s: Server) => (s.address() as { port: number }).port;
  const lockedUrl = () => `http://me:${encodeURIComponent(PASSWORD)}@127.0.0.1:${portOf(locked)}`;
  beforeAll(async () => {
    open = forwardProxy();
    locked = forwardProxy('me');
    await Promise.all([open, locked].map((p) => new Promise<void>((r) => p.listen(0, '127.0.0.1', () => r()))));
  });
  afterAll(() => Promise.all([open, locked].map((p) => new Promise<void>((r) => p.close(() => r())))));

  it('the test says it works through a real proxy, and says why when it does not', async () => {
    const ytDlp = core.tools().ytDlp.path!;
    const page = `http://127.0.0.1:${server.port}/page/proxy-test.html`;
    const privateConfig = (text: string) => {
      const f = join(dir, 'proxy-test.conf');
      writeFileSync(f, text, { mode: 0o600 });
      return f;
    };
    const good = await testProxy({ ytDlp, proxy: `http://127.0.0.1:${portOf(open)}`, url: page, privateConfig });
    expect(good).toMatchObject({ ok: true, message: expect.stringMatching(/works: a page came through in \d+ ms/) });
    const refused = await testProxy({ ytDlp, proxy: 'http://127.0.0.1:9', url: page, timeoutSec: 5, privateConfig });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing answered at the proxy http:\/\/127\.0\.0\.1:9 \(connection refused\)/) });
    const notAProxy = await testProxy({ ytDlp, proxy: `http://127.0.0.1:${server.port}`, url: 'http://example.invalid/page.html', timeoutSec: 5, privateConfig });
    expect(notAProxy).toMatchObject({ ok: false, message: expect.stringMatching(/may not be a proxy/) });
    const wrong = await testProxy({ ytDlp, proxy: `http://me:nope@127.0.0.1:${portOf(locked)}`, url: page, timeoutSec: 5, privateConfig });
    expect(wrong).toMatchObject({ ok: false, message: expect.stringMatching(/wants a user name and password \(407\)/) });
    const viaContract = await dispatch(core.handlers, 'proxy.test', { proxy: 'ftp://x:1' });
    expect(viaContract).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/ftp are not supported/) } });
  }, 60_000);

  it('a proxy password reaches the proxy but never yt-dlp’s command line, and its file is gone afterwards', async () => {
    seen.length = 0;
    const viaContract = await dispatch(core.handlers, 'proxy.test', { proxy: lockedUrl(), url: `http://127.0.0.1:${server.port}/page/locked-proxy.html` });
    expect(viaContract).toMatchObject({ ok: true, value: { ok: true } });
    core.sites.set({ proxy: { global: lockedUrl(), perSite: {} } });
    try {
      const job = await settled(await add(`http://127.0.0.1:${server.port}/v/through-locked-proxy.mp4`));
      expect(job.state).toBe('succeeded');
    } finally {
      core.sites.set({ proxy: { global: '', perSite: {} } });
    }
    const passed = seen.filter((s) => s.auth === `me:${PASSWORD}`);
    expect(passed.length).toBeGreaterThanOrEqual(2);
    // yt-dlp was running (the proxy saw its command line) and the password was nowhere in it.
    const lines = passed.flatMap((s) => s.cmdlines);
    expect(lines.some((l) => l.includes('locked-proxy'))).toBe(true);
    for (const l of lines) {
      expect(l).not.toContain(encodeURIComponent(PASSWORD));
      expect(l).not.toContain('p"ss');
    }
    const runs = join(dir, 'data');
    const leftovers = readdirSync(runs, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.conf'));
    expect(leftovers).toEqual([]);
  }, 90_000);
});
