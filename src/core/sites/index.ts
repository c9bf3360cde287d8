/**
 * Sites: what VidKeep adds to each yt-dlp run for the site it talks to (pacing, speed limit, proxy,
 * that site's cookies, the user's allowlisted options) and the per-site 429 waits.
 */
import type { SitesView } from '../../shared/sites';
import { randomUUID } from 'node:crypto';
import { VidKeepError, type ErrorInfo } from '../../shared/errors';
import { DeferJob, PermanentJobError } from '../queue/types';
import type { SettingsStore } from '../settings';
import { createSiteBackoff, type SiteBackoff, type SiteWait } from './backoff';
import { bandwidthArgs } from './bandwidth';
import { createSitesConfigStore, type SitesConfigStore, type SitesPatch } from './config';
import { createCookieStore, type CookieStore } from './cookies';
import { DEFAULT_PACING, pacingArgs, pacingFor } from './pacing';
import { maskProxy, proxyArgs, proxyFor } from './proxy';
import { siteKeyOf } from './site-key';
import { validateExtraArgs } from './extra-args';
import { fetchRetryAfter } from './retry-after';

export interface SitesOptions {
  dataDir: string;
  settings: Pick<SettingsStore, 'getRaw' | 'setRaw'>;
  desktop: boolean;
  now?: () => number;
  /** First wait after a 429 (default 5 min), doubling per 429 in a row. */
  rateLimitBaseMs?: number;
  rateLimitMaxMs?: number;
  /** 429s in a row from one site before a download that meets another one fails (default 8). */
  rateLimitMaxStrikes?: number;
}

export interface SiteRun {
  /** Goes before yt-dlp's `--` (see withSiteArgs). */
  args: string[];
  /** Removes the run's cookie file. */
  cleanup(): void;
}

export interface Sites {
  readonly config: SitesConfigStore;
  readonly cookies: CookieStore;
  readonly backoff: SiteBackoff;
  view(lastUpdateCheck: number | null): SitesView;
  set(patch: SitesPatch): SitesView['config'];
  /**
   * Args for one download or listing of `url`; throws DeferJob while the site is waiting out a 429
   * (the wait is the site's doing, so it spends none of the user's tries).
   */
  begin(url: URL, runId: string, o?: { kind?: 'download' | 'list' }): SiteRun;
  /**
   * The 429 that just happened, as the deferral that waits it out (no try spent), or, once the
   * site has answered 429 `rateLimitMaxStrikes` times in a row, the error that ends the download.
   */
  rateLimited(url: URL, info: ErrorInfo, retryAfterMs?: number): DeferJob | PermanentJobError;
  /**
   * The site's Retry-After after a 429, asked once with a HEAD request (yt-dlp does not show
   * headers). Only when no proxy is set for the site: VidKeep must not go around the user's proxy.
   */
  retryAfter(url: URL): Promise<number | undefined>;
  succeeded(url: URL): void;
  waiting(url: URL): SiteWait | null;
}

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 5);

export function waitInfo(w: SiteWait, hint?: string): ErrorInfo {
  return {
    code: 'rate-limited',
    message: `Waiting: ${w.site} asked VidKeep to slow down; next try at ${clock(w.retryAt)}.`,
    hint: hint ?? 'Other sites go on meanwhile. VidKeep waits longer each time the site says so again.',
    values: { reason: 'waiting', site: w.site, retryAt: w.retryAt, strikes: w.strikes },
  };
}

/** The same wait, said of a download that gave up after the site answered 429 `strikes` times in a row. */
export function gaveUpInfo(w: SiteWait): ErrorInfo {
  return {
    code: 'rate-limited',
    message: `${w.site} kept asking VidKeep to slow down (${w.strikes} times in a row); VidKeep gave up on this download.`,
    hint: `Retry it after ${clock(w.retryAt)}; other downloads from ${w.site} wait until then.`,
    values: { site: w.site, retryAt: w.retryAt, strikes: w.strikes, reason: 'gaveUp' },
  };
}

/** Inserts site args before yt-dlp's `--` (the URL comes last, after it). */
export function withSiteArgs(args: string[], extra: readonly string[]): string[] {
  const end = args.lastIndexOf('--');
  return end < 0 ? [...args, ...extra] : [...args.slice(0, end), ...extra, ...args.slice(end)];
}

export function createSites(o: SitesOptions): Sites {
  const now = o.now ?? Date.now;
  const config = createSitesConfigStore(o.settings);
  const cookies = createCookieStore({ dataDir: o.dataDir, now });
  const WAITS = 'sites.waits';
  const backoff = createSiteBackoff({
    now,
    baseMs: o.rateLimitBaseMs ?? 5 * 60_000,
    ...(o.rateLimitMaxMs !== undefined ? { maxMs: o.rateLimitMaxMs } : {}),
    load: () => {
      try {
        return JSON.parse(o.settings.getRaw(WAITS) ?? '[]') as SiteWait[];
      } catch {
        return [];
      }
    },
    save: (w) => o.settings.setRaw(WAITS, JSON.stringify(w)),
  });
  const site = (url: URL) => siteKeyOf(url.hostname);
  const maxStrikes = o.rateLimitMaxStrikes ?? 8;
  const sites: Sites = {
    config,
    cookies,
    backoff,
    view(lastUpdateCheck) {
      const c = config.get();
      return {
        config: { ...c, proxy: { global: maskProxy(c.proxy.global), perSite: Object.fromEntries(Object.entries(c.proxy.perSite).map(([k, v]) => [k, maskProxy(v)])) } },
        defaultPacing: DEFAULT_PACING,
        cookies: cookies.list(),
        waiting: backoff.list(),
        desktop: o.desktop,
        lastUpdateCheck,
      };
    },
    set: (patch) => config.set(patch, { desktop: o.desktop }),
    begin(url, runId, opts) {
      const w = backoff.waiting(site(url));
      if (w) throw new DeferJob(Math.max(1000, w.retryAt - now()), waitInfo(w));
      const c = config.get();
      const cookieFile = cookies.writeRunFile(url.hostname, runId);
      const extra = o.desktop && c.extraArgs.length > 0 && opts?.kind !== 'list' ? validateExtraArgs(c.extraArgs) : [];
      return {
        args: [
          ...pacingArgs(pacingFor(url.hostname, c)),
          ...(opts?.kind === 'list' ? [] : bandwidthArgs(c.bandwidth, now())),
          ...proxyArgs(proxyFor(url.hostname, c), (text) => cookies.writeRunConfig(runId, text)),
          ...(cookieFile ? ['--cookies', cookieFile] : []),
          ...extra,
        ],
        cleanup: () => cookies.removeRunFile(runId),
      };
    },
    rateLimited(url, info, retryAfterMs) {
      const w = backoff.rateLimited(site(url), retryAfterMs);
      void info;
      // Bounded: a site that answers nothing but 429 must not keep a download waiting for ever.
      if (w.strikes >= maxStrikes) return new PermanentJobError(gaveUpInfo(w));
      return new DeferJob(Math.max(0, w.retryAt - now()), waitInfo(w));
    },
    retryAfter: async (url) => (proxyFor(url.hostname, config.get()) ? undefined : fetchRetryAfter(url, { now, timeoutMs: 5_000 })),
    succeeded: (url) => backoff.succeeded(site(url)),
    waiting: (url) => backoff.waiting(site(url)),
  };
  return sites;
}

/** What a subscription lister needs to pace like downloads: the site's args, its 429 wait, and news of a 429. */
export function listerSiteHooks(sites: Sites): { siteRun: (url: string) => SiteRun; onRateLimited: (url: string, retryAfterMs?: number) => Promise<void> } {
  return {
    siteRun(url) {
      const u = new URL(url);
      const w = sites.waiting(u);
      if (w) {
        const info = waitInfo(w);
        throw new VidKeepError(info.code, info.message, info.hint, info.values);
      }
      return sites.begin(u, `list-${randomUUID()}`, { kind: 'list' });
    },
    // Like downloads: the site's own Retry-After when yt-dlp did not show it (one HEAD request).
    async onRateLimited(url, retryAfterMs) {
      const u = new URL(url);
      sites.backoff.rateLimited(siteKeyOf(u.hostname), retryAfterMs ?? (await sites.retryAfter(u)));
    },
  };
}
