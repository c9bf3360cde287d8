/** The import's writes: what is already kept, and new rows in one transaction per batch. */
import type { Db } from '../db/open';
import { newVideoId } from '../library/identity';

export interface NewRow {
  site: string;
  siteId: string;
  title: string;
  uploader: string | null;
  description: string | null;
  duration: number | null;
  size: number;
  filePath: string;
  thumbnailPath: string | null;
  infoJson: string | null;
  sourceUrl: string;
  addedAt: number;
  audioOnly: boolean;
  rootId: number | null;
  fileKey: string;
}

export interface ImportStore {
  keptAtPath(rootId: number | null, filePath: string): boolean;
  knownFile(fileKey: string): boolean;
  keptSource(site: string, siteId: string): boolean;
  /** Inserts what is not kept yet (same site and id: left as it is); returns the new ids, null for each already kept. */
  insert(rows: NewRow[]): Array<string | null>;
  videoCount(): number;
}

export function createImportStore(db: Db): ImportStore {
  const atPath = db.prepare<[string, number | null], { n: number }>('SELECT 1 AS n FROM videos WHERE file_path = ? AND root_id IS ?');
  const byKey = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM videos WHERE file_key = ?');
  const bySource = db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM videos WHERE site = ? AND site_id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM videos');
  const ins = db.prepare(`
    INSERT INTO videos (id, site, site_id, title, uploader, description, duration, size, file_path, thumbnail_path, info_json, source_url, added_at, audio_only, missing, root_id, file_key)
    VALUES (@id, @site, @siteId, @title, @uploader, @description, @duration, @size, @filePath, @thumbnailPath, @infoJson, @sourceUrl, @addedAt, @audioOnly, 0, @rootId, @fileKey)
    ON CONFLICT (site, site_id) DO NOTHING`);
  const insertAll = db.transaction((rows: NewRow[]) =>
    rows.map((r) => {
      const id = newVideoId();
      return ins.run({ ...r, id, audioOnly: r.audioOnly ? 1 : 0 }).changes > 0 ? id : null;
    }),
  );
  return {
    keptAtPath: (rootId, filePath) => atPath.get(filePath, rootId) !== undefined,
    knownFile: (fileKey) => byKey.get(fileKey) !== undefined,
    keptSource: (site, siteId) => bySource.get(site, siteId) !== undefined,
    insert: (rows) => (rows.length === 0 ? [] : insertAll(rows)),
    videoCount: () => count.get()!.n,
  };
}
