/**
 * A site that answered 429 waits, alone: its downloads and checks hold off until `retryAt`, with
 * the wait doubling on each 429 in a row (Retry-After honoured when the site gave one) and reset
 * by the first success. Other sites go on. Saved, so a restart does not hammer the site at once.
 */
export interface SiteWait {
  site: string;
  retryAt: number;
  strikes: number;
}

export interface SiteBackoffOptions {
  now: () => number;
  /** First wait (default 5 min); doubles per 429 in a row up to `maxMs`. */
  baseMs: number;
  maxMs?: number;
  load?: () => SiteWait[];
  save?: (waits: SiteWait[]) => void;
}

export interface SiteBackoff {
  /** Records a 429 and returns when the site may be asked again. */
  rateLimited(site: string, retryAfterMs?: number): SiteWait;
  succeeded(site: string): void;
  /** The site's wait, if it is still waiting. */
  waiting(site: string): SiteWait | null;
  list(): SiteWait[];
}

export function nextDelay(strikes: number, baseMs: number, maxMs: number, retryAfterMs?: number): number {
  // Retry-After is the site's own word on when to ask again: taken as given (within 1 s .. 6 h).
  if (retryAfterMs !== undefined) return Math.min(6 * 3_600_000, Math.max(1_000, retryAfterMs));
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, strikes - 1));
}

import { hostInSite } from './site-key';

export function createSiteBackoff(o: SiteBackoffOptions): SiteBackoff {
  const maxMs = o.maxMs ?? 3_600_000;
  const waits = new Map<string, SiteWait>();
  for (const w of o.load?.() ?? []) waits.set(w.site, w);
  const persist = () => o.save?.([...waits.values()]);
  // m.youtube.com and www.youtube.com are one site to the one who rate-limits.
  const keyOf = (site: string) => [...waits.keys()].find((k) => hostInSite(site, k) || hostInSite(k, site)) ?? site;
  return {
    rateLimited(raw, retryAfterMs) {
      const site = keyOf(raw);
      const strikes = (waits.get(site)?.strikes ?? 0) + 1;
      const w = { site, strikes, retryAt: o.now() + nextDelay(strikes, o.baseMs, maxMs, retryAfterMs) };
      waits.set(site, w);
      persist();
      return w;
    },
    succeeded(site) {
      if (waits.delete(keyOf(site))) persist();
    },
    waiting(site) {
      const w = waits.get(keyOf(site));
      return w && w.retryAt > o.now() ? w : null;
    },
    list: () => [...waits.values()].filter((w) => w.retryAt > o.now()),
  };
}
