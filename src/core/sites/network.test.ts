import { describe, expect, it } from 'vitest';
import { bandwidthArgs, limitActive } from './bandwidth';
import { createSiteBackoff, nextDelay } from './backoff';
import { DEFAULT_PACING, pacingArgs, pacingFor } from './pacing';
import { explainProxyFailure, maskProxy, proxyArgs, proxyFor, unmaskProxy, validateProxy } from './proxy';
import { hostInSite, matchSite } from './site-key';

const at = (h: number, m = 0) => h * 60 + m;

describe('speed limit by the hour', () => {
  const day = { limitKBps: 200, hours: { from: '08:00', to: '23:00' } };
  it('switches at the chosen hours', () => {
    expect(limitActive(day, at(7, 59))).toBe(false);
    expect(limitActive(day, at(8, 0))).toBe(true);
    expect(limitActive(day, at(22, 59))).toBe(true);
    expect(limitActive(day, at(23, 0))).toBe(false);
  });
  it('spans midnight when from is after to', () => {
    const night = { limitKBps: 50, hours: { from: '23:00', to: '07:00' } };
    expect(limitActive(night, at(23, 30))).toBe(true);
    expect(limitActive(night, at(3))).toBe(true);
    expect(limitActive(night, at(12))).toBe(false);
  });
  it('gives --limit-rate only while it holds; 0 is unlimited', () => {
    expect(bandwidthArgs(day, 0, () => at(9))).toEqual(['--limit-rate', '200K']);
    expect(bandwidthArgs(day, 0, () => at(2))).toEqual([]);
    expect(bandwidthArgs({ limitKBps: 0, hours: null }, 0, () => at(9))).toEqual([]);
    expect(bandwidthArgs({ limitKBps: 300, hours: null }, 0, () => at(2))).toEqual(['--limit-rate', '300K']);
  });
});

describe('pacing', () => {
  it('has defaults for the big sites, covering subdomains, and the user’s entry wins', () => {
    expect(pacingFor('www.youtube.com', { pacing: {} })).toEqual(DEFAULT_PACING['youtube.com']);
    expect(pacingFor('m.youtube.com', { pacing: {} })).toEqual(DEFAULT_PACING['youtube.com']);
    expect(pacingFor('example.com', { pacing: {} })).toBeNull();
    const mine = { sleepRequests: 3, sleepInterval: 20, maxSleepInterval: 40 };
    expect(pacingFor('www.youtube.com', { pacing: { 'youtube.com': mine } })).toEqual(mine);
    expect(pacingArgs(mine)).toEqual(['--sleep-requests', '3', '--sleep-interval', '20', '--max-sleep-interval', '40']);
    expect(pacingArgs({ sleepRequests: 0, sleepInterval: 5, maxSleepInterval: 0 })).toEqual(['--sleep-interval', '5']);
  });
  it('matches sites by whole labels', () => {
    expect(hostInSite('notyoutube.com', 'youtube.com')).toBe(false);
    expect(matchSite('a.b.example.com', ['example.com', 'b.example.com'])).toBe('b.example.com');
  });
});

describe('429 backoff per site', () => {
  it('doubles per 429 in a row, caps, and takes Retry-After as given (clamped to 1 s .. 6 h)', () => {
    expect(nextDelay(1, 1000, 60_000)).toBe(1000);
    expect(nextDelay(3, 1000, 60_000)).toBe(4000);
    expect(nextDelay(10, 1000, 60_000)).toBe(60_000);
    expect(nextDelay(1, 1000, 60_000, 30_000)).toBe(30_000);
    expect(nextDelay(3, 1000, 60_000, 2500)).toBe(2500);
    expect(nextDelay(3, 1000, 60_000, 10)).toBe(1000);
    expect(nextDelay(1, 1000, 60_000, 30 * 3_600_000)).toBe(6 * 3_600_000);
  });
  it('waits one site only, and a success clears it; the waits are saved', () => {
    let now = 1_000_000;
    let saved: unknown = null;
    const b = createSiteBackoff({ now: () => now, baseMs: 1000, save: (w) => (saved = w) });
    expect(b.rateLimited('a.com').retryAt).toBe(now + 1000);
    expect(b.rateLimited('a.com').retryAt).toBe(now + 2000);
    expect(b.waiting('a.com')).toMatchObject({ strikes: 2 });
    expect(b.waiting('b.com')).toBeNull();
    expect(saved).toEqual([{ site: 'a.com', strikes: 2, retryAt: now + 2000 }]);
    now += 2001;
    expect(b.waiting('a.com')).toBeNull();
    b.succeeded('a.com');
    expect(b.rateLimited('a.com').strikes).toBe(1);
    const again = createSiteBackoff({ now: () => now, baseMs: 1000, load: () => saved as never });
    expect(again.waiting('a.com')).toMatchObject({ strikes: 1 });
  });
});

describe('proxy', () => {
  it('accepts http, https and socks5 with a port', () => {
    expect(validateProxy('http://proxy.example:8080')).toBe('http://proxy.example:8080');
    expect(validateProxy(' socks5://127.0.0.1:1080/ ')).toBe('socks5://127.0.0.1:1080');
    expect(validateProxy('https://u:p@proxy.example:443')).toBe('https://u:p@proxy.example:443');
    expect(validateProxy('')).toBe('');
  });
  it.each([
    ['ftp://proxy:21', /not supported/],
    ['proxy.example:8080', /not supported|not a proxy address/],
    ['http://proxy.example', /needs a port/],
    ['http://proxy.example:8080/path', /no path/],
    ['http://pro xy:80', /spaces/],
    ['garbage', /not a proxy address/],
  ])('refuses %s', (raw, reason) => {
    expect(() => validateProxy(raw)).toThrow(reason);
  });
  it('never shows the password, and keeps it when the masked value comes back', () => {
    const p = 'http://me:hunter2@proxy.example:8080';
    expect(maskProxy(p)).toBe('http://me:••••@proxy.example:8080');
    expect(unmaskProxy(maskProxy(p), p)).toBe(p);
    expect(unmaskProxy('http://other:1', p)).toBe('http://other:1');
  });
  it.each([
    ['me:hunter2', 'hunter2'],
    ['me:p"ss w@rd\\', 'p%22ss%20w%40rd%5C'],
    ["me:'; rm -rf ~", "'%3B%20rm%20-rf%20~"],
    ['me:--exec=touch /tmp/x', '--exec%3Dtouch%20%2Ftmp%2Fx'],
    ['only-user', 'only-user'],
  ])('a proxy with credentials (%s) goes to a private config file, never argv', (auth, secret) => {
    const proxy = validateProxy(`http://${auth.replace(/^([^:]*):?(.*)$/, (_m, u: string, p: string) => (p ? `${encodeURIComponent(u)}:${encodeURIComponent(p)}` : encodeURIComponent(u)))}@proxy.example:8080`);
    const files: string[] = [];
    const args = proxyArgs(proxy, (text) => (files.push(text), '/private/run.conf'));
    expect(args).toEqual(['--config-locations', '/private/run.conf']);
    expect(args.join(' ')).not.toContain(secret);
    // One yt-dlp option, the value whole in double quotes (yt-dlp reads config files like a shell).
    expect(files).toEqual([`--proxy "${proxy}"\n`]);
    expect(files[0]).toContain(secret);
    expect(files[0]!.match(/"/g)).toHaveLength(2);
  });
  it('a proxy without credentials stays on the command line; none gives no args', () => {
    const never = () => {
      throw new Error('no file for a proxy without secrets');
    };
    expect(proxyArgs('socks5://127.0.0.1:1080', never)).toEqual(['--proxy', 'socks5://127.0.0.1:1080']);
    expect(proxyArgs('', never)).toEqual([]);
  });
  it('picks the site’s proxy, else the global one', () => {
    const c = { proxy: { global: 'http://g:1', perSite: { 'youtube.com': 'socks5://s:2' } } };
    expect(proxyFor('www.youtube.com', c)).toBe('socks5://s:2');
    expect(proxyFor('vimeo.com', c)).toBe('http://g:1');
  });
  it('says clearly why a proxy failed', () => {
    expect(explainProxyFailure("ERROR: Unable to download webpage: <urlopen error [Errno 111] Connection refused>", 'http://127.0.0.1:9')).toMatch(/Nothing answered at the proxy http:\/\/127\.0\.0\.1:9/);
    expect(explainProxyFailure('ERROR: HTTP Error 407: Proxy Authentication Required', 'http://u:pw@h:1')).toMatch(/wants a user name and password \(407\)/);
    expect(explainProxyFailure('ERROR: HTTP Error 407: Proxy Authentication Required', 'http://u:pw@h:1')).not.toMatch(/pw/);
    expect(explainProxyFailure('ERROR: Unable to download webpage: HTTP Error 404: Not Found', 'http://h:1')).toMatch(/may not be a proxy/);
  });
});

describe('429 waits cover the whole site', () => {
  it('www. and m. of one site share a wait; another site does not', () => {
    const b = createSiteBackoff({ now: () => 0, baseMs: 1000 });
    b.rateLimited('youtube.com');
    expect(b.waiting('m.youtube.com')).toMatchObject({ site: 'youtube.com' });
    expect(b.rateLimited('m.youtube.com')).toMatchObject({ site: 'youtube.com', strikes: 2 });
    expect(b.waiting('notyoutube.com')).toBeNull();
  });
});

describe('wording of a site wait', () => {
  it('defers (no try spent) with "waiting, next try at", and gives up only after the 429s in a row allowed', async () => {
    const { createSites } = await import('./index');
    const { DeferJob, PermanentJobError } = await import('../queue/types');
    const raw = new Map<string, string>();
    const sites = createSites({ dataDir: '/nonexistent-vk', desktop: false, now: () => Date.UTC(2026, 0, 1, 12), rateLimitBaseMs: 60_000, rateLimitMaxStrikes: 3, settings: { getRaw: (k) => raw.get(k), setRaw: (k, v) => void raw.set(k, v) } });
    const u = new URL('https://www.youtube.com/watch?v=1');
    const r = sites.rateLimited(u, { code: 'rate-limited', message: 'x' });
    expect(r).toBeInstanceOf(DeferJob);
    expect((r as InstanceType<typeof DeferJob>).delayMs).toBe(60_000);
    expect(r.info.message).toMatch(/^Waiting: youtube\.com asked VidKeep to slow down; next try at/);
    // Another download from the held site defers too, without asking it.
    expect(() => sites.begin(u, 'j')).toThrow(DeferJob);
    expect(sites.rateLimited(u, { code: 'rate-limited', message: 'x' })).toBeInstanceOf(DeferJob);
    const last = sites.rateLimited(u, { code: 'rate-limited', message: 'x' });
    expect(last).toBeInstanceOf(PermanentJobError);
    expect(last.info).toMatchObject({ code: 'rate-limited', values: { reason: 'gaveUp', strikes: 3 } });
    expect(last.info.message).toMatch(/kept asking VidKeep to slow down \(3 times in a row\); VidKeep gave up on this download/);
  });
});

describe('structured errors for the catalog', () => {
  it('carry a reason and their values', async () => {
    const { parseCookieFile } = await import('./cookie-file');
    const { findIssue } = await import('./extra-args');
    const { classifyProxyFailure } = await import('./proxy');
    expect(() => parseCookieFile('a\tb')).toThrow(expect.objectContaining({ values: { reason: 'cookieLine', problem: 'fields', line: 1, count: 2 } }));
    expect(() => validateProxy('ftp://x:1')).toThrow(expect.objectContaining({ values: { reason: 'proxyScheme', scheme: 'ftp' } }));
    expect(findIssue(['--exec', 'id'])?.why).toBe('runsProgram');
    expect(findIssue(['--exe', 'id'])?.why).toBe('unknown');
    expect(classifyProxyFailure('ERROR: HTTP Error 404: Not Found', 'http://u:pw@h:1')).toEqual({ reason: 'status', status: 404, proxy: 'http://u:••••@h:1', message: expect.stringMatching(/HTTP 404/) });
  });
});
