import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createWatchStates } from './watch-states';
import { prng } from '../../../test/fixtures/prng';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-watch-states-'));
  db = openDatabase(join(dir, 'db.sqlite'), { synchronous: 'NORMAL' });
  migrate(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let next = 0;
const add = (d: Db, state = 0) =>
  Number(d.prepare(`INSERT INTO videos (id, site, site_id, title, file_path, source_url, added_at, watch_state) VALUES (?, 'Y', ?, 't', 'x', 'u', 1, ?)`).run(`v${next}`, `s${next++}`, state).lastInsertRowid);
const rowids = (d: Db) => d.prepare('SELECT rowid FROM videos').pluck().all() as number[];
const truth = (d: Db, ids: number[], state: number) => ids.filter((r) => d.prepare('SELECT watch_state FROM videos WHERE rowid = ?').pluck().get(r) === state).length;

describe('watch states in memory', () => {
  it('agree with SQLite through 300 random changes: this connection, a rolled-back one, another connection', () => {
    const ws = createWatchStates(db);
    expect(createWatchStates(db)).toBe(ws);
    const other = openDatabase(join(dir, 'db.sqlite'), { synchronous: 'NORMAL' });
    try {
      const rand = prng(5);
      for (let i = 0; i < 40; i++) add(db, Math.floor(rand() * 3));
      for (let step = 0; step < 300; step++) {
        const ids = rowids(db);
        const pickId = () => ids[Math.floor(rand() * ids.length)]!;
        const r = rand();
        const op = r < 0.3 ? 'update' : r < 0.4 ? 'add' : r < 0.5 && ids.length > 5 ? 'delete' : r < 0.65 ? 'other update' : r < 0.7 ? 'other add' : r < 0.8 ? 'rollback' : 'none';
        if (r < 0.3) db.prepare('UPDATE videos SET watch_state = ? WHERE rowid = ?').run(Math.floor(rand() * 3), pickId());
        else if (r < 0.4) add(db, Math.floor(rand() * 3));
        else if (r < 0.5 && ids.length > 5) db.prepare('DELETE FROM videos WHERE rowid = ?').run(pickId());
        else if (r < 0.65) other.prepare('UPDATE videos SET watch_state = ? WHERE rowid = ?').run(Math.floor(rand() * 3), pickId());
        else if (r < 0.7) add(other, Math.floor(rand() * 3));
        else if (r < 0.8) {
          // Changed, then rolled back: the count must not see it.
          expect(() =>
            db.transaction(() => {
              db.prepare('UPDATE videos SET watch_state = (watch_state + 1) % 3').run();
              add(db, 2);
              throw new Error('rolled back');
            })(),
          ).toThrow('rolled back');
        }
        // Asked for rowids that are gone or never were, too.
        const asked = [...rowids(db), 999_999, ...(rand() < 0.5 ? ids : [])];
        for (const state of [0, 1, 2]) expect(ws.count(asked, state), `step ${step} (${op}), state ${state}`).toBe(truth(db, asked, state));
      }
    } finally {
      other.close();
    }
  });

  it('leaves a count inside a transaction to SQLite', () => {
    const ws = createWatchStates(db);
    const id = add(db, 1);
    expect(ws.count([id], 1)).toBe(1);
    db.transaction(() => {
      db.prepare('UPDATE videos SET watch_state = 2').run();
      expect(ws.count([id], 2)).toBeNull();
    })();
    expect(ws.count([id], 2)).toBe(1);
    expect(ws.count([id], 1)).toBe(0);
  });
});
