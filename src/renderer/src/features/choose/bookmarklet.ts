/**
 * The "Send to VidKeep" bookmarklet: it opens this host with the page's address in `?add=`, where the
 * paste box picks it up (and a paste's checks apply). The access token rides along when the host has one,
 * since a new tab has no session of its own.
 */
export function bookmarklet(origin: string, token: string | null): string {
  const base = `${origin}/?${token ? `token=${encodeURIComponent(token)}&` : ''}add=`;
  return `javascript:void(window.open(${JSON.stringify(base)}+encodeURIComponent(location.href),"vidkeep"))`;
}

/** A link the bookmarklet sent, taken out of the address bar so a reload does not add it again. */
export function takeSentLink(): string | null {
  const params = new URLSearchParams(location.search);
  const link = params.get('add');
  if (link === null) return null;
  const clean = new URL(location.href);
  clean.searchParams.delete('add');
  history.replaceState(history.state, '', clean.pathname + clean.search + clean.hash);
  return link;
}
