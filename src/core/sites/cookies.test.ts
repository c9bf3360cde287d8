import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cookieBelongsTo, parseCookieFile } from './cookie-file';
import { createCookieStore } from './cookies';
import { explainBrowserFailure, browserSpec } from './browser-cookies';

const NOW = Date.UTC(2026, 0, 1);
const future = NOW / 1000 + 86_400;
const line = (domain: string, name: string, value: string, expires = future, sub = 'TRUE') => `${domain}\t${sub}\t/\tTRUE\t${expires}\t${name}\t${value}`;
const file = (...lines: string[]) => `# Netscape HTTP Cookie File\n${lines.join('\n')}\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-cookies-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cookies.txt validation', () => {
  it('reads a browser export, #HttpOnly_ lines included', () => {
    const c = parseCookieFile(file(line('.youtube.com', 'SID', 'abc'), `#HttpOnly_${line('.youtube.com', 'HSID', 'def')}`, '# a comment', ''));
    expect(c.map((x) => [x.name, x.httpOnly])).toEqual([['SID', false], ['HSID', true]]);
  });

  it.each([
    ['garbage', 'hello world\nthis is not it', /Line 1 is not a cookie: a cookies.txt line has 7 fields separated by tabs, this one has 1/],
    ['binary', 'abc\0def', /not text/],
    ['empty', '   \n\n', /empty/],
    ['only comments', '# Netscape HTTP Cookie File\n# nothing\n', /holds no cookies/],
    ['JSON export', '[{"domain":".youtube.com","name":"SID","value":"x"}]', /JSON cookie export/],
    ['bad flag', file('.youtube.com\tyes\t/\tTRUE\t0\tSID\tx'), /Line 2 .* TRUE or FALSE/],
    ['bad expiry', file('.youtube.com\tTRUE\t/\tTRUE\tsoon\tSID\tx'), /expiry time/],
    ['bad domain', file('you tube\tTRUE\t/\tTRUE\t0\tSID\tx'), /not a site name/],
    ['no name', file('.youtube.com\tTRUE\t/\tTRUE\t0\t\tx'), /no valid name/],
    ['path', file('.youtube.com\tTRUE\tnope\tTRUE\t0\tSID\tx'), /path starting with \//],
  ])('refuses %s with a clear reason', (_name, text, reason) => {
    expect(() => parseCookieFile(text)).toThrow(reason);
  });

  it('refuses a huge file before reading it line by line', () => {
    const huge = file(...Array.from({ length: 20_000 }, (_, i) => line('.youtube.com', `n${i}`, 'x'.repeat(60))));
    expect(() => parseCookieFile(huge)).toThrow(/too large \(\d+ kB; VidKeep accepts up to 200 kB\)/);
  });

  it('knows which cookies belong to a site', () => {
    expect(cookieBelongsTo({ domain: '.youtube.com', includeSubdomains: true }, 'youtube.com')).toBe(true);
    expect(cookieBelongsTo({ domain: 'm.youtube.com', includeSubdomains: false }, 'youtube.com')).toBe(true);
    expect(cookieBelongsTo({ domain: '.youtube.com', includeSubdomains: true }, 'music.youtube.com')).toBe(true);
    expect(cookieBelongsTo({ domain: '.google.com', includeSubdomains: true }, 'youtube.com')).toBe(false);
    expect(cookieBelongsTo({ domain: 'notyoutube.com', includeSubdomains: false }, 'youtube.com')).toBe(false);
    expect(cookieBelongsTo({ domain: '127.0.0.1', includeSubdomains: false }, 'localhost')).toBe(false);
  });
});

describe('cookie store', () => {
  it('keeps only the site’s live cookies, private to the user, and lists counts, never values', () => {
    const store = createCookieStore({ dataDir: dir, now: () => NOW });
    const r = store.add('www.YouTube.com', file(line('.youtube.com', 'SID', 'secret1'), line('.google.com', 'G', 'secret2'), line('.youtube.com', 'OLD', 'x', NOW / 1000 - 10)));
    expect(r).toMatchObject({ site: 'youtube.com', count: 1, droppedOtherSites: 1, droppedExpired: 1, source: 'file' });
    const listed = JSON.stringify(store.list());
    expect(listed).not.toMatch(/secret|SID/);
    expect(store.list()).toEqual([expect.objectContaining({ site: 'youtube.com', count: 1 })]);
    const saved = join(dir, 'cookies', 'youtube.com.txt');
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'cookies')).mode & 0o777).toBe(0o700);
    expect(readFileSync(saved, 'utf8')).not.toMatch(/google|OLD/);
  });

  it.each(['../etc', 'a/b', 'https://youtube.com', 'you tube.com', '', 'x'.repeat(300)])('refuses the site name %j and writes nothing', (site) => {
    const store = createCookieStore({ dataDir: dir, now: () => NOW });
    expect(() => store.add(site, file(line('.youtube.com', 'SID', 'x')))).toThrow(/is not a site name/);
    expect(store.list()).toEqual([]);
  });

  it('refuses a file with nothing for that site, or only expired cookies, and keeps what was saved', () => {
    const store = createCookieStore({ dataDir: dir, now: () => NOW });
    store.add('vimeo.com', file(line('.vimeo.com', 'a', '1')));
    expect(() => store.add('vimeo.com', file(line('.google.com', 'G', 'x')))).toThrow(/None of these 1 cookies belong to vimeo.com \(they are for google.com\)/);
    expect(() => store.add('vimeo.com', file(line('.vimeo.com', 'a', '1', NOW / 1000 - 5)))).toThrow(/have expired/);
    expect(store.list()).toEqual([expect.objectContaining({ site: 'vimeo.com', count: 1 })]);
  });

  it('a run file holds only the cookies of the site being downloaded, and goes away after', () => {
    const store = createCookieStore({ dataDir: dir, now: () => NOW });
    store.add('127.0.0.1', file(line('127.0.0.1', 'vk_session', 'letmein', future, 'FALSE')));
    store.add('youtube.com', file(line('.youtube.com', 'SID', 'yt-secret')));
    expect(store.writeRunFile('localhost', 'job1')).toBeNull();
    expect(store.writeRunFile('example.com', 'job1')).toBeNull();
    const p = store.writeRunFile('m.youtube.com', 'job2')!;
    const text = readFileSync(p, 'utf8');
    expect(text).toMatch(/yt-secret/);
    expect(text).not.toMatch(/letmein/);
    expect(statSync(p).mode & 0o777).toBe(0o600);
    store.removeRunFile('job2');
    expect(readdirSync(join(dir, 'cookies', 'runs'))).toEqual([]);
    expect(store.remove('youtube.com')).toBe(true);
    expect(store.list().map((s) => s.site)).toEqual(['127.0.0.1']);
    expect(store.remove('youtube.com')).toBe(false);
  });
});

describe('browser cookies', () => {
  it.each([
    ['ERROR: Could not copy Chrome cookie database. See  https://github.com/yt-dlp/yt-dlp/issues/7271  for more info', /holding its cookies locked.*/, 'forbidden'],
    ['ERROR: secretstorage not available as the `secretstorage` module is not installed.', /keyring refused/, 'forbidden'],
    ['ERROR: could not find firefox cookies database in /home/u/.mozilla/firefox', /found no Firefox cookies/, 'not-found'],
    ['ERROR: something odd', /could not read/, 'internal'],
  ])('explains %s', (stderr, msg, code) => {
    const e = explainBrowserFailure(stderr, stderr.includes('firefox') ? 'firefox' : 'chrome');
    expect(e.message).toMatch(msg);
    expect(e.code).toBe(code);
  });
  it('refuses unknown browsers and odd profile names', () => {
    expect(() => browserSpec('netscape')).toThrow(/cannot read cookies from “netscape”/);
    expect(() => browserSpec('firefox', '../../etc')).toThrow(/profile name/);
    expect(browserSpec('chrome', 'Profile 1')).toBe('chrome:Profile 1');
  });
});

describe('browser cookies with real yt-dlp', () => {
  it('a browser with no profile on this computer is a clear message, not a crash', async () => {
    const { readBrowserCookies } = await import('./browser-cookies');
    const home = join(dir, 'home');
    const err = await readBrowserCookies({ ytDlp: '/usr/bin/yt-dlp', browser: 'firefox', env: { PATH: '/usr/bin:/bin', HOME: home } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'not-found', message: expect.stringMatching(/found no Firefox cookies on this computer/) });
  }, 30_000);
});
