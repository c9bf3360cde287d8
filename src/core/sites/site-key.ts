/** Which configured site a host belongs to. Pure. */

/** `WWW.YouTube.com.` -> `youtube.com`. */
export function siteKeyOf(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** True when `host` is `site` or one of its subdomains (`m.youtube.com` is youtube.com). */
export function hostInSite(host: string, site: string): boolean {
  const h = siteKeyOf(host);
  const s = siteKeyOf(site);
  return h === s || h.endsWith(`.${s}`);
}

/** The most specific of `sites` that `host` belongs to, or null. */
export function matchSite(host: string, sites: Iterable<string>): string | null {
  let best: string | null = null;
  for (const s of sites) if (hostInSite(host, s) && (best === null || s.length > best.length)) best = s;
  return best;
}
