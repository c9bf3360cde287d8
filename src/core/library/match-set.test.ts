import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { registerMatchSet } from './match-set';

describe('match set', () => {
  it('answers for the ids loaded, once per connection, and refuses a statement built for another set', () => {
    const db = new Database(':memory:');
    try {
      const set = registerMatchSet(db);
      expect(registerMatchSet(db)).toBe(set);
      db.exec('CREATE TABLE t (x INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2), (3), (4)');
      const q = db.prepare('SELECT x FROM t WHERE vk_matched(?, rowid) ORDER BY x').pluck();
      const first = set.load([2, 4, 9]);
      expect(q.all(first)).toEqual([2, 4]);
      const second = set.load([1]);
      expect(q.all(second)).toEqual([1]);
      expect(() => q.all(first)).toThrow(/built for match set 1, not the one loaded \(2\)/);
    } finally {
      db.close();
    }
  });
});
