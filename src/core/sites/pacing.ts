/** Polite pacing per site: yt-dlp's own sleeps, with safe defaults for the big sites. Pure. */
import type { Pacing, SitesConfig } from '../../shared/sites';
import { matchSite } from './site-key';

const p = (sleepRequests: number, sleepInterval: number, maxSleepInterval: number): Pacing => ({ sleepRequests, sleepInterval, maxSleepInterval });

/**
 * Sites known to flag clients that ask fast (accounts limited after a few hundred videos in a
 * night). Between downloads a random wait in [sleepInterval, maxSleepInterval] looks less robotic.
 */
export const DEFAULT_PACING: Record<string, Pacing> = {
  'youtube.com': p(1, 5, 15),
  'youtu.be': p(1, 5, 15),
  'instagram.com': p(2, 10, 30),
  'tiktok.com': p(1, 5, 15),
  'twitter.com': p(1, 3, 10),
  'x.com': p(1, 3, 10),
  'facebook.com': p(1, 5, 15),
  'vimeo.com': p(1, 2, 6),
  'twitch.tv': p(1, 2, 6),
  'dailymotion.com': p(1, 2, 6),
  'soundcloud.com': p(1, 2, 6),
  'bilibili.com': p(1, 3, 10),
};

/** The user's entry for the site, else the default, else none. */
export function pacingFor(host: string, config: Pick<SitesConfig, 'pacing'>): Pacing | null {
  const own = matchSite(host, Object.keys(config.pacing));
  if (own) return config.pacing[own]!;
  const def = matchSite(host, Object.keys(DEFAULT_PACING));
  return def ? DEFAULT_PACING[def]! : null;
}

export function pacingArgs(pacing: Pacing | null): string[] {
  if (!pacing) return [];
  const out: string[] = [];
  if (pacing.sleepRequests > 0) out.push('--sleep-requests', String(pacing.sleepRequests));
  if (pacing.sleepInterval > 0) {
    out.push('--sleep-interval', String(pacing.sleepInterval));
    if (pacing.maxSleepInterval > pacing.sleepInterval) out.push('--max-sleep-interval', String(pacing.maxSleepInterval));
  }
  return out;
}
