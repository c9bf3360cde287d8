/**
 * How VidKeep behaves towards websites: pacing, bandwidth, proxies, extra yt-dlp options, the
 * yt-dlp update channel, and which sites have sign-in cookies (never the cookies themselves).
 */
import { z } from 'zod';

/** A site as settings name it: a host name without `www.`, e.g. `youtube.com`; it covers its subdomains. */
export const siteKeySchema = z
  .string()
  .min(1)
  .max(253)
  .transform((s) => s.trim().toLowerCase().replace(/^www\./, ''))
  .refine((s) => /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(s) || /^\d{1,3}(\.\d{1,3}){3}$/.test(s), 'must be a site name like youtube.com');

/** Seconds. `sleepInterval`/`maxSleepInterval` wait before each download, `sleepRequests` between requests. */
export const pacingSchema = z
  .object({
    sleepRequests: z.number().min(0).max(60),
    sleepInterval: z.number().min(0).max(600),
    maxSleepInterval: z.number().min(0).max(1200),
  })
  .refine((p) => p.maxSleepInterval === 0 || p.maxSleepInterval >= p.sleepInterval, 'the longest wait must not be shorter than the shortest');
export type Pacing = z.infer<typeof pacingSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00');
export const bandwidthSchema = z.object({
  /** KB/s; 0 means no limit. */
  limitKBps: z.number().int().min(0).max(10_000_000),
  /** Limited only between these times (local clock); null = always. `from` after `to` spans midnight. */
  hours: z.object({ from: hhmm, to: hhmm }).nullable(),
});
export type Bandwidth = z.infer<typeof bandwidthSchema>;

export const YTDLP_CHANNELS = ['stable', 'nightly'] as const;
export const ytDlpUpdatesSchema = z.object({
  channel: z.enum(YTDLP_CHANNELS),
  /** The daily check; in headless mode it only runs when the host was started allowing it. */
  autoUpdate: z.boolean(),
});

export const sitesConfigSchema = z.object({
  /** Per site; the big sites have defaults (see core/sites/pacing.ts) that an entry here replaces. */
  pacing: z.record(z.string(), pacingSchema),
  bandwidth: bandwidthSchema,
  /** `http://`, `https://` or `socks5://` addresses; '' = none. */
  proxy: z.object({ global: z.string().max(500), perSite: z.record(z.string(), z.string().max(500)) }),
  /** Desktop app only: allowlisted yt-dlp options, one argument per item. */
  extraArgs: z.array(z.string().max(500)).max(40),
  ytDlp: ytDlpUpdatesSchema,
});
export type SitesConfig = z.infer<typeof sitesConfigSchema>;

export const cookieSiteSchema = z.object({
  site: z.string(),
  count: z.number().int(),
  /** Earliest expiry among them (ms), null when all are session cookies. */
  expiresAt: z.number().nullable(),
  addedAt: z.number(),
  source: z.enum(['file', 'browser']),
  /** For a browser source: which browser (and profile). */
  browser: z.string().nullable(),
});
export type CookieSite = z.infer<typeof cookieSiteSchema>;

/** A site waiting out a 429. */
export const siteWaitSchema = z.object({ site: z.string(), retryAt: z.number(), strikes: z.number().int() });

export const sitesViewSchema = z.object({
  config: sitesConfigSchema,
  /** The defaults for big sites, for the editor to show. */
  defaultPacing: z.record(z.string(), pacingSchema),
  cookies: z.array(cookieSiteSchema),
  waiting: z.array(siteWaitSchema),
  /** What the host allows: browser cookies and extra options are desktop-only. */
  desktop: z.boolean(),
  lastUpdateCheck: z.number().nullable(),
});
export type SitesView = z.infer<typeof sitesViewSchema>;

export const BROWSERS = ['brave', 'chrome', 'chromium', 'edge', 'firefox', 'opera', 'safari', 'vivaldi'] as const;

/** `reason` and `proxy` (password masked) let the UI word the result from its catalog; `message` is the English. */
export const PROXY_TEST_REASONS = ['ok', 'refused', 'dns', 'auth', 'timeout', 'socks', 'status', 'other'] as const;
export const proxyTestSchema = z.object({
  ok: z.boolean(),
  ms: z.number().nullable(),
  message: z.string(),
  reason: z.enum(PROXY_TEST_REASONS),
  proxy: z.string(),
  /** The HTTP status the test page came back with (reason 'status'). */
  status: z.number().int().optional(),
});
export type ProxyTest = z.infer<typeof proxyTestSchema>;
