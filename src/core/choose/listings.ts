import { randomUUID } from 'node:crypto';
import type { PlaylistEntry, PlaylistPage } from '../../shared/choose';
import { VidKeepError } from '../../shared/errors';
import type { Library } from '../library/types';
import type { Lister } from '../subscriptions/types';
import { normalizeUrl, validateUrl } from '../ytdlp/url';

export interface ListingsOptions {
  lister: Lister;
  library: () => Library;
  /** Told as entries arrive (at most every `notifyMs`) and when the listing ends. */
  notify: (e: { listingId: string; total: number; done: boolean; error: string | null }) => void;
  /** Most entries one listing reads. */
  maxEntries?: number;
  notifyMs?: number;
  /** Listings kept at once; the oldest is stopped and forgotten. */
  keep?: number;
}

interface Listing {
  id: string;
  url: string;
  title: string | null;
  entries: Array<Omit<PlaylistEntry, 'keptVideoId'>>;
  done: boolean;
  error: string | null;
  stop: AbortController;
}

export interface Listings {
  open(url: string): PlaylistPage;
  page(listingId: string, offset: number, limit: number): PlaylistPage;
  /** The links of these entries, in listing order; throws on an empty or unknown selection. */
  pick(listingId: string, indexes: number[]): { urls: string[]; title: string | null };
  close(): void;
}

/**
 * Playlist and channel listings read lazily by yt-dlp, kept in memory while the user picks entries. The
 * renderer asks for pages of what is read so far; nothing downloads until it picks.
 */
export function createListings(o: ListingsOptions): Listings {
  const byId = new Map<string, Listing>();
  const byUrl = new Map<string, Listing>();
  const max = o.maxEntries ?? 10_000;
  const notifyMs = o.notifyMs ?? 250;

  const get = (id: string): Listing => {
    const l = byId.get(id);
    if (!l) throw new VidKeepError('not-found', 'That list is no longer open; paste the link again.', undefined, { reason: 'listing' });
    return l;
  };

  const pageOf = (l: Listing, offset: number, limit: number): PlaylistPage => {
    const lib = o.library();
    const entries = l.entries.slice(offset, offset + limit).map((e) => {
      let kept: string | null = null;
      try {
        const v = lib.findByUrl(normalizeUrl(e.url));
        kept = v && !v.missing ? v.id : null;
      } catch {
        kept = null;
      }
      return { ...e, keptVideoId: kept };
    });
    return { listingId: l.id, title: l.title, total: l.entries.length, done: l.done, error: l.error, entries };
  };

  const run = async (l: Listing) => {
    let last = 0;
    const tell = (force = false) => {
      const t = Date.now();
      if (!force && t - last < notifyMs) return;
      last = t;
      o.notify({ listingId: l.id, total: l.entries.length, done: l.done, error: l.error });
    };
    try {
      for await (const e of o.lister({ url: l.url, max, signal: l.stop.signal, onTitle: (t) => (l.title = t) })) {
        l.entries.push({ index: l.entries.length, url: e.url, title: e.title, durationSec: e.durationSec });
        tell();
      }
    } catch (err) {
      if (!l.stop.signal.aborted) l.error = err instanceof Error ? err.message : String(err);
    }
    l.done = true;
    if (!l.error && l.entries.length === 0) l.error = 'yt-dlp found no videos at this link.';
    tell(true);
  };

  return {
    open(url) {
      const key = normalizeUrl(validateUrl(url).toString());
      const known = byUrl.get(key);
      // A listing that failed is read again; one that worked is reused while it is kept.
      if (known && !known.error) return pageOf(known, 0, 100);
      if (known) byId.delete(known.id);
      const l: Listing = { id: randomUUID(), url: url.trim(), title: null, entries: [], done: false, error: null, stop: new AbortController() };
      byId.set(l.id, l);
      byUrl.set(key, l);
      while (byId.size > (o.keep ?? 20)) {
        const oldest = byId.values().next().value as Listing;
        oldest.stop.abort();
        byId.delete(oldest.id);
        for (const [k, v] of byUrl) if (v === oldest) byUrl.delete(k);
      }
      void run(l);
      return pageOf(l, 0, 100);
    },
    page: (id, offset, limit) => pageOf(get(id), offset, limit),
    pick(id, indexes) {
      const l = get(id);
      const chosen = [...new Set(indexes)].sort((a, b) => a - b);
      if (chosen.length === 0) throw new VidKeepError('invalid-input', 'Choose at least one video from the list.', undefined, { reason: 'emptySelection' });
      const bad = chosen.find((i) => i >= l.entries.length);
      if (bad !== undefined) throw new VidKeepError('invalid-input', `The list has ${l.entries.length} entries so far; entry ${bad + 1} is not one of them.`, undefined, { reason: 'notInList', count: l.entries.length, index: bad + 1 });
      return { urls: chosen.map((i) => l.entries[i]!.url), title: l.title };
    },
    close() {
      for (const l of byId.values()) l.stop.abort();
      byId.clear();
      byUrl.clear();
    },
  };
}
