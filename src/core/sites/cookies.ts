/**
 * Sign-in cookies per site, in the data folder, readable only by the user. The UI sees sites and
 * counts, never a cookie. Each download gets a fresh file holding only its own site's cookies
 * (yt-dlp writes the jar back when it exits, so the stored file is never handed to it).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CookieSite } from '../../shared/sites';
import { VidKeepError } from '../../shared/errors';
import { cookieBelongsTo, formatCookieFile, parseCookieFile, type Cookie } from './cookie-file';
import { matchSite, siteKeyOf } from './site-key';
import { siteKeySchema } from '../../shared/sites';

export interface CookieAddResult extends CookieSite {
  /** Cookies left out: for other sites, or already expired. */
  droppedOtherSites: number;
  droppedExpired: number;
}

export interface CookieStore {
  list(): CookieSite[];
  add(site: string, text: string, source?: { browser: string }): CookieAddResult;
  remove(site: string): boolean;
  /** The configured site a host's cookies come from, or null. */
  siteFor(host: string): string | null;
  /** Writes a run's cookie file for `host` (0600) and returns its path, or null when the site has none. */
  writeRunFile(host: string, runId: string): string | null;
  /** Writes a run's private yt-dlp config file (0600, for secrets such as a proxy password) and returns its path. */
  writeRunConfig(runId: string, text: string): string;
  /** Removes both of a run's files. */
  removeRunFile(runId: string): void;
}

interface Meta {
  addedAt: number;
  source: 'file' | 'browser';
  browser: string | null;
}

const safeName = (site: string) => site.replace(/[^a-z0-9.-]/g, '_');

export function createCookieStore(o: { dataDir: string; now?: () => number }): CookieStore {
  const now = o.now ?? Date.now;
  const dir = join(o.dataDir, 'cookies');
  const runDir = join(dir, 'runs');
  const ensure = () => {
    mkdirSync(runDir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') {
      chmodSync(dir, 0o700);
      chmodSync(runDir, 0o700);
    }
  };
  const fileOf = (site: string) => join(dir, `${safeName(site)}.txt`);
  const metaOf = (site: string) => join(dir, `${safeName(site)}.json`);
  const writePrivate = (path: string, text: string) => {
    writeFileSync(path, text, { mode: 0o600 });
    if (process.platform !== 'win32') chmodSync(path, 0o600);
  };
  const sites = (): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)) : []);
  const read = (site: string): Cookie[] => {
    try {
      return parseCookieFile(readFileSync(fileOf(site), 'utf8'));
    } catch {
      return [];
    }
  };
  const readMeta = (site: string): Meta => {
    try {
      return JSON.parse(readFileSync(metaOf(site), 'utf8')) as Meta;
    } catch {
      return { addedAt: 0, source: 'file', browser: null };
    }
  };
  const summary = (site: string, cookies: Cookie[]): CookieSite => {
    const m = readMeta(site);
    const expiring = cookies.map((c) => c.expires).filter((e) => e > 0);
    return { site, count: cookies.length, expiresAt: expiring.length ? Math.min(...expiring) * 1000 : null, addedAt: m.addedAt, source: m.source, browser: m.browser };
  };
  const store: CookieStore = {
    list: () => sites().map((s) => summary(s, read(s))),
    add(rawSite, text, source) {
      const key = siteKeySchema.safeParse(rawSite);
      if (!key.success) throw new VidKeepError('invalid-input', `“${rawSite.slice(0, 80)}” is not a site name.`, 'Write just the site, like youtube.com (no https://, no path).', { reason: 'siteName', site: rawSite.slice(0, 80) });
      const site = key.data;
      const all = parseCookieFile(text);
      const nowSec = now() / 1000;
      const mine = all.filter((c) => cookieBelongsTo(c, site));
      const live = mine.filter((c) => c.expires === 0 || c.expires > nowSec);
      if (mine.length === 0) {
        const others = [...new Set(all.map((c) => c.domain.replace(/^\./, '')))].slice(0, 3).join(', ');
        throw new VidKeepError('invalid-input', `None of these ${all.length} cookies belong to ${site} (they are for ${others}).`, `Export the cookies while on ${site}, or add them under the right site.`, { reason: 'cookiesOtherSites', count: all.length, site, others });
      }
      if (live.length === 0) throw new VidKeepError('invalid-input', `All ${mine.length} cookies for ${site} have expired.`, `Sign in to ${site} again in your browser and export fresh cookies.`, { reason: 'cookiesExpired', count: mine.length, site });
      ensure();
      writePrivate(fileOf(site), formatCookieFile(live));
      writePrivate(metaOf(site), JSON.stringify({ addedAt: now(), source: source ? 'browser' : 'file', browser: source?.browser ?? null } satisfies Meta));
      return { ...summary(site, live), droppedOtherSites: all.length - mine.length, droppedExpired: mine.length - live.length };
    },
    remove(rawSite) {
      const site = siteKeyOf(rawSite);
      const had = existsSync(fileOf(site));
      rmSync(fileOf(site), { force: true });
      rmSync(metaOf(site), { force: true });
      return had;
    },
    siteFor: (host) => matchSite(siteKeyOf(host), sites()),
    writeRunFile(host, runId) {
      const site = store.siteFor(host);
      if (!site) return null;
      const nowSec = now() / 1000;
      const cookies = read(site).filter((c) => cookieBelongsTo(c, site) && (c.expires === 0 || c.expires > nowSec));
      if (cookies.length === 0) return null;
      ensure();
      const path = join(runDir, `${safeName(runId)}.txt`);
      writePrivate(path, formatCookieFile(cookies));
      return path;
    },
    writeRunConfig(runId, text) {
      ensure();
      const path = join(runDir, `${safeName(runId)}.conf`);
      writePrivate(path, text);
      return path;
    },
    removeRunFile(runId) {
      rmSync(join(runDir, `${safeName(runId)}.txt`), { force: true });
      rmSync(join(runDir, `${safeName(runId)}.conf`), { force: true });
    },
  };
  return store;
}
