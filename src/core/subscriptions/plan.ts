import type { InitialFetch, SubscriptionFilters } from '../../shared/types';
import type { ListedEntry } from './types';

/** Entries remembered after a first "only new from now" check, so reordering cannot re-fetch. */
export const BASELINE = 30;
/** Most entries one check will look at: a 10,000-video channel is walked once, in bounds. */
export const MAX_ENTRIES = 10_000;

export type EntryStatus = 'queued' | 'baseline' | 'filtered' | 'archived' | 'rejected' | 'gave-up';

export interface PlanOptions {
  firstCheck: boolean;
  initial: InitialFetch;
  initialCount: number;
  filters: SubscriptionFilters;
  /**
   * The list grows at its end (a playlist), not its top (a channel, a feed): the walk cannot stop at
   * a known entry, so it reads the whole list (bounded) and skips what it knows.
   */
  oldestFirst?: boolean;
  /** Seen by an earlier check of this subscription. */
  isKnown(key: string): boolean;
  /** In the library or an imported archive: recorded, never fetched. */
  isArchived(entry: ListedEntry): boolean;
  maxEntries?: number;
}

export interface Plan {
  /** Newest first. */
  decisions: Array<{ entry: ListedEntry; status: EntryStatus }>;
  /** How many entries were looked at (the listing is asked for no more). */
  looked: number;
  stop: 'known' | 'enough' | 'limit' | 'end';
  /** Premieres and live streams not ready yet: not recorded, so a later check takes them. */
  notReady: number;
}

/** Whether an entry passes the filters. Unknown durations and dates pass: a flat listing may not say. */
export function passes(e: ListedEntry, f: SubscriptionFilters): boolean {
  const title = (e.title ?? '').toLowerCase();
  if (f.titleIncludes && !title.includes(f.titleIncludes.toLowerCase())) return false;
  if (f.titleExcludes && title.includes(f.titleExcludes.toLowerCase())) return false;
  if (e.durationSec !== null) {
    if (f.minDurationSec !== undefined && e.durationSec < f.minDurationSec) return false;
    if (f.maxDurationSec !== undefined && e.durationSec > f.maxDurationSec) return false;
  }
  if (f.after && e.uploadDate && e.uploadDate < f.after.replace(/-/g, '')) return false;
  return true;
}

const notReady = (e: ListedEntry) => e.liveStatus === 'is_upcoming' || e.liveStatus === 'is_live';

/**
 * Decides, entry by entry in listing order, what a check does. `push` returns false once the
 * check has seen enough and the caller stops listing there: on a channel or feed (newest first) a
 * later check reads only what is new, up to the first entry it already knows.
 */
export function createPlanner(o: PlanOptions) {
  const max = o.maxEntries ?? MAX_ENTRIES;
  const fresh: ListedEntry[] = [];
  const seenNow = new Set<string>();
  let looked = 0;
  let skipped = 0;
  let stop: Plan['stop'] = 'end';
  let done = false;

  const decide = (entries: ListedEntry[]): Plan['decisions'] => {
    let queued = 0;
    let baseline = 0;
    const out: Plan['decisions'] = [];
    for (const entry of entries) {
      const first = o.firstCheck && o.initial !== 'all';
      if (first && !(o.initial === 'last' && queued < o.initialCount)) {
        if (baseline >= BASELINE && !o.oldestFirst) break;
        baseline++;
        out.push({ entry, status: 'baseline' });
        continue;
      }
      const status: EntryStatus = o.isArchived(entry) ? 'archived' : passes(entry, o.filters) ? 'queued' : 'filtered';
      if (status === 'queued') queued++;
      out.push({ entry, status });
    }
    return out;
  };

  return {
    push(entry: ListedEntry): boolean {
      if (done) return false;
      if (seenNow.has(entry.key)) return true;
      seenNow.add(entry.key);
      if (o.isKnown(entry.key)) {
        if (!o.firstCheck && !o.oldestFirst) {
          stop = 'known';
          done = true;
          return false;
        }
      } else if (notReady(entry)) skipped++;
      else fresh.push(entry);
      looked++;
      if (looked >= max) {
        stop = 'limit';
        done = true;
      } else if (!o.oldestFirst && o.firstCheck && o.initial !== 'all') {
        // A first check of a channel needs the newest N plus a baseline, not the whole back catalogue.
        const need = (o.initial === 'last' ? o.initialCount : 0) + BASELINE;
        if (fresh.length >= need) {
          stop = 'enough';
          done = true;
        }
      }
      return !done;
    },
    result(): Plan {
      // Newest first from here on, whatever order the site lists in.
      const ordered = o.oldestFirst ? [...fresh].reverse() : fresh;
      return { decisions: decide(ordered), looked, stop, notReady: skipped };
    },
  };
}
