/**
 * Links sent to VidKeep from outside: `vidkeep <url>` on the command line and `vidkeep://add?url=…`
 * from a browser. Nothing is checked here on purpose: every link goes to `jobs.add`, the same door
 * (and the same validation) as a paste, so a link a paste rejects is rejected here too.
 */
export const PROTOCOL = 'vidkeep';

/** The link inside `vidkeep://add?url=…`, or null when the argument is not such a link. */
export function linkFromProtocol(arg: string): string | null {
  if (!/^vidkeep:/i.test(arg)) return null;
  let u: URL;
  try {
    u = new URL(arg);
  } catch {
    return null;
  }
  // `vidkeep://add?url=` parses with host "add"; `vidkeep:add?url=` with path "add": both mean the same.
  const action = (u.host || u.pathname.replace(/^\/+/, '')).replace(/\/+$/, '').toLowerCase();
  if (action !== 'add') return null;
  return u.searchParams.get('url') ?? '';
}

/** Every link in a command line (or a second launch's), in order: web links and vidkeep:// links. */
export function linksFromArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (/^https?:\/\//i.test(a)) out.push(a);
    else {
      const link = linkFromProtocol(a);
      if (link !== null) out.push(link);
    }
  }
  return out;
}
