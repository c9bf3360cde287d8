import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';

export const SPONSORBLOCK_API = 'https://sponsor.ajay.app';

/**
 * Whether SponsorBlock answers at all (any HTTP status counts). yt-dlp fails the whole download when it
 * cannot reach the service, so VidKeep asks first and goes on without it when there is no answer.
 */
export function sponsorBlockReachable(base: string, timeoutMs = 5000): Promise<boolean> {
  let url: URL;
  try {
    url = new URL('/api/status', base);
  } catch {
    return Promise.resolve(false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = (url.protocol === 'https:' ? httpsRequest : request)(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}
