import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { clipOf, linkClip } from './clips';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-clips-'));
  db = openDatabase(join(dir, 'db.sqlite'));
  migrate(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const video = (id: string, site: string, siteId: string) =>
  db.prepare('INSERT INTO videos (id, site, site_id, title, file_path, source_url, added_at) VALUES (?, ?, ?, ?, ?, ?, 1)').run(id, site, siteId, id, `${site}/${siteId}.mp4`, `https://x.test/${siteId}`);

describe('clip links', () => {
  it('point at the full video when it is kept, hold without it, and go with the clip', () => {
    video('clip1', 'Youtube', 'abc.clip-1-4');
    linkClip(db, { videoId: 'clip1', sourceSite: 'Youtube', sourceId: 'abc', startSec: 1, endSec: 4 });
    expect(clipOf(db, 'clip1')).toEqual({ startSec: 1, endSec: 4, sourceVideoId: null });
    video('full', 'Youtube', 'abc');
    expect(clipOf(db, 'clip1')!.sourceVideoId).toBe('full');
    expect(clipOf(db, 'full')).toBeNull();
    db.prepare('DELETE FROM videos WHERE id = ?').run('clip1');
    expect(db.prepare('SELECT count(*) AS n FROM clips').get()).toEqual({ n: 0 });
  });
});
