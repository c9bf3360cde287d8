import type { InitialFetch, SubscriptionFilters } from '../../shared/types';
import type { ListedEntry } from './types';

/** Entries remembered after a first "only new from now" check, so reordering cannot re-fetch. */
export const BASELINE = 30;
/** Most entries one check will look at: a 10,000-video channel is walked once, in bounds. */
export const MAX_ENTRIES = 10_000;

export type EntryStatus = 'queued' | 'baseline' | 'filtered' | 'archived';

export interface PlanOptions {
  firstCheck: boolean;
  initial: InitialFetch;
  initialCount: number;
  filters: SubscriptionFilters;
  /** Seen by an earlier check of this subscription: the walk stops here. */
  isKnown(key: string): boolean;
  /** In the library or an imported archive: recorded, never fetched. */
  isArchived(entry: ListedEntry): boolean;
  maxEntries?: number;
}

export interface Plan {
  decisions: Array<{ entry: ListedEntry; status: EntryStatus }>;
  /** How many entries were looked at (the listing is asked for no more). */
  looked: number;
  stop: 'known' | 'enough' | 'limit' | 'end';
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

/**
 * Decides, entry by entry in listing order (newest first), what a check does. `push` returns
 * false once the check has seen enough, and the caller stops listing there: a later check of a
 * big channel reads only what is new, up to the first entry it already knows.
 */
export function createPlanner(o: PlanOptions) {
  const max = o.maxEntries ?? MAX_ENTRIES;
  const decisions: Plan['decisions'] = [];
  let looked = 0;
  let queued = 0;
  let baseline = 0;
  let stop: Plan['stop'] = 'end';
  let done = false;
  const seenNow = new Set<string>();

  const want = (): 'queue' | 'baseline' => {
    if (!o.firstCheck || o.initial === 'all') return 'queue';
    if (o.initial === 'last' && queued < o.initialCount) return 'queue';
    return 'baseline';
  };

  return {
    push(entry: ListedEntry): boolean {
      if (done) return false;
      if (seenNow.has(entry.key)) return true;
      if (!o.firstCheck && o.isKnown(entry.key)) {
        stop = 'known';
        done = true;
        return false;
      }
      looked++;
      seenNow.add(entry.key);
      const mode = want();
      let status: EntryStatus;
      if (mode === 'baseline') status = 'baseline';
      else if (o.isArchived(entry)) status = 'archived';
      else if (!passes(entry, o.filters)) status = 'filtered';
      else status = 'queued';
      if (status === 'queued') queued++;
      if (status === 'baseline') baseline++;
      decisions.push({ entry, status });
      if (baseline >= BASELINE) {
        stop = 'enough';
        done = true;
      } else if (looked >= max) {
        stop = 'limit';
        done = true;
      }
      return !done;
    },
    result(): Plan {
      return { decisions, looked, stop };
    },
  };
}
