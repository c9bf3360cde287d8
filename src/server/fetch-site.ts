import type { IncomingMessage } from 'node:http';

/** Sent with every media answer: a page from another origin may not embed or read it. */
export const MEDIA_ISOLATION_HEADERS = { 'cross-origin-resource-policy': 'same-origin' } as const;

/**
 * Whether a media request came from another site's page (a <video> or <img> pointed at us). It is
 * refused before the id is even looked up, so the answer is the same for kept and unknown videos
 * and a page cannot probe what is in the library. "same-site" is refused too: another port on this
 * computer is the same site. Requests without the header (older browsers, curl) are let through:
 * the Origin, Host and token checks still apply to them.
 */
export function isForeignFetch(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}
