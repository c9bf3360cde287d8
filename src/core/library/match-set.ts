/**
 * The FTS matches a search has already read, held in memory for one statement: `vk_matched(token,
 * rowid)` is 1 when the row is one of them. Walking a sort's index with it tests each entry by its
 * rowid alone, so SQLite never reads the row (a deferred seek), where a word test (word-match.ts)
 * reads every row's text: at a million rows a broad query's page costs ~5 ms instead of ~40 ms.
 *
 * One set at a time (the connection runs one statement at a time); the token ties a statement to
 * the set it was built for, so a statement run against another set fails loudly instead of
 * answering for the wrong query.
 */
import type { Db } from '../db/open';

export const MATCHED_FN = 'vk_matched';

export interface MatchSet {
  /** Holds `ids` for the statements built with the returned token (until the next load). */
  load(ids: readonly number[]): number;
}

const registered = new WeakMap<Db, MatchSet>();

/** The connection's match set (one per connection: a second registration would orphan the first's tokens). */
export function registerMatchSet(db: Db): MatchSet {
  const known = registered.get(db);
  if (known) return known;
  let token = 0;
  let set = new Set<number>();
  db.function(MATCHED_FN, { deterministic: false }, (t: unknown, rowid: unknown) => {
    if (t !== token) throw new Error(`${MATCHED_FN}: the statement was built for match set ${String(t)}, not the one loaded (${token})`);
    return set.has(Number(rowid)) ? 1 : 0;
  });
  const ms: MatchSet = {
    load(ids) {
      set = new Set(ids);
      return ++token;
    },
  };
  registered.set(db, ms);
  return ms;
}
