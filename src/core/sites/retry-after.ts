/**
 * Retry-After, learned cheaply: yt-dlp does not print response headers, so after a 429 VidKeep asks
 * the link once itself (HEAD, no cookies, short timeout) and reads the header the site sends.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export const RETRY_AFTER_MIN_MS = 1_000;
export const RETRY_AFTER_MAX_MS = 6 * 3_600_000;

const clamp = (ms: number) => Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, ms));

/** Retry-After as delay-seconds or an HTTP date, clamped to 1 s .. 6 h; null when it is neither. */
export function parseRetryAfter(value: string | undefined | null, now: number): number | null {
  const v = (value ?? '').trim();
  if (!v || v.length > 64) return null;
  if (/^\d+$/.test(v)) return clamp(Number(v) * 1000);
  // Only the shapes HTTP allows for a date (they all name a weekday or month in letters).
  if (!/^[A-Za-z]{3,9},? +[A-Za-z\d]/.test(v)) return null;
  const at = Date.parse(v);
  return Number.isFinite(at) ? clamp(at - now) : null;
}

/** One HEAD request to `url`; the site's Retry-After in ms, or undefined (none, error, timeout). */
export function fetchRetryAfter(url: URL, o: { timeoutMs?: number; now?: () => number } = {}): Promise<number | undefined> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.resolve(undefined);
  const now = o.now ?? Date.now;
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: number | undefined) => {
      if (done) return;
      done = true;
      resolve(v);
    };
    try {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'HEAD', timeout: o.timeoutMs ?? 5_000, headers: { 'User-Agent': 'VidKeep' } }, (res) => {
        const h = res.headers['retry-after'];
        res.resume();
        finish(parseRetryAfter(Array.isArray(h) ? h[0] : h, now()) ?? undefined);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => finish(undefined));
      req.end();
    } catch {
      finish(undefined);
    }
  });
}
