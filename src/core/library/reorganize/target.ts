/** The real target of a video: the layout setting applied to its info json (core/library/layout). */
import type { Db } from '../../db/open';
import { fieldsFromInfo, planPath, type LayoutSetting } from '../layout/index';
import type { Subject } from './engine';

/**
 * The media-server preset numbers an uploader's videos of one day (E<MMDD><nn>) in the order they
 * were kept, as a download counts them when it lands (downloads/place.ts dayIndexFor). Counted once
 * per run, so a rerun gives every video the same number again.
 */
function dayIndexes(db: Db): Map<string, number> {
  const rows = db
    .prepare<[], { id: string; n: number }>(
      `SELECT id, CASE WHEN uploader IS NULL OR json_extract(info_json, '$.upload_date') IS NULL THEN 1
         ELSE row_number() OVER (PARTITION BY uploader, json_extract(info_json, '$.upload_date') ORDER BY added_at, rowid) END AS n
       FROM videos WHERE json_valid(info_json)`,
    )
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function layoutTarget(db: Db, layout: LayoutSetting): (v: Subject) => string {
  let days: Map<string, number> | null = null;
  return (v) => {
    if (layout.preset === 'media-server') days ??= dayIndexes(db);
    return planPath(layout, fieldsFromInfo(v.info, v.ext, days?.get(v.id) ?? 1));
  };
}
