import { VidKeepError } from '../../shared/errors';
import { JOB_STATES } from '../../shared/types';
import type { Db } from '../db/open';
import type { ListQuery } from './types';
import { toView, type JobRow } from './view';

/**
 * One sort for every filter: running first (oldest start first), then queued in the order they
 * will run, then finished ones newest first. Each row gets five ascending keys so the cursor is a
 * plain row-value comparison and pages stay stable while jobs are added.
 */
const KEYS = `CASE state WHEN 'active' THEN 0 WHEN 'queued' THEN 1 ELSE 2 END AS k0,
  CASE state WHEN 'active' THEN started_at WHEN 'queued' THEN -lane ELSE -finished_at END AS k1,
  CASE state WHEN 'queued' THEN -priority ELSE 0 END AS k2,
  CASE state WHEN 'queued' THEN run_at ELSE 0 END AS k3,
  CASE WHEN state IN ('active', 'queued') THEN seq ELSE -seq END AS k4`;

type Keyed = JobRow & { k0: number; k1: number; k2: number; k3: number; k4: number };

export function createList(db: Db) {
  const cache = new Map<string, ReturnType<typeof db.prepare<unknown[]>>>();
  const prep = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare<unknown[]>(sql)));
    return s;
  };

  return (q: ListQuery) => {
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 1000) throw new VidKeepError('invalid-input', `limit must be a whole number from 1 to 1000 (got ${String(q.limit)}).`);
    if (q.state !== undefined && !JOB_STATES.includes(q.state)) throw new VidKeepError('invalid-input', `Unknown job state "${String(q.state)}".`);
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [col, v] of [['state', q.state], ['queue', q.queue], ['name', q.name]] as const) {
      if (v === undefined) continue;
      where.push(`${col} = ?`);
      args.push(v);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (prep(`SELECT count(*) AS n FROM jobs ${filter}`).get(...args) as { n: number }).n;
    let after = '';
    const pageArgs = [...args];
    if (q.cursor !== undefined) {
      let keys: unknown;
      try {
        keys = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8'));
      } catch {
        keys = null;
      }
      if (!Array.isArray(keys) || keys.length !== 5 || !keys.every((k) => typeof k === 'number')) throw new VidKeepError('invalid-input', 'The list cursor is not valid; start again from the first page.');
      after = 'WHERE (k0, k1, k2, k3, k4) > (?, ?, ?, ?, ?)';
      pageArgs.push(...(keys as number[]));
    }
    const rows = prep(`SELECT * FROM (SELECT *, ${KEYS} FROM jobs ${filter}) ${after} ORDER BY k0, k1, k2, k3, k4 LIMIT ?`).all(...pageArgs, q.limit + 1) as Keyed[];
    const more = rows.length > q.limit;
    const page = more ? rows.slice(0, q.limit) : rows;
    const last = page[page.length - 1];
    const out: { items: ReturnType<typeof toView>[]; total: number; nextCursor?: string } = { items: page.map(toView), total };
    if (more && last) out.nextCursor = Buffer.from(JSON.stringify([last.k0, last.k1, last.k2, last.k3, last.k4])).toString('base64url');
    return out;
  };
}
