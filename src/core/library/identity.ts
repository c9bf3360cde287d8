import { randomBytes } from 'node:crypto';

/**
 * A new video's id: random, so another web page cannot compute the id of a video it guesses you
 * keep and probe for it. It is stored once; a re-download of the same video keeps its row's id.
 */
export function newVideoId(): string {
  return randomBytes(12).toString('hex');
}

/** yt-dlp's extractor for direct links and pages it has no site support for. */
export function isGenericSite(site: string): boolean {
  return site.toLowerCase() === 'generic';
}

/**
 * The site id a video is stored under. A generic link's yt-dlp id is its file name, the same for
 * a.example/clip.mp4 and b.example/clip.mp4: for those, the (normalized) link itself is the identity.
 */
export function storedSiteId(site: string, siteId: string, sourceUrl: string): string {
  return isGenericSite(site) ? sourceUrl : siteId;
}
