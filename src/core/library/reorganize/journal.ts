/** The move journal (migration 009): written before a file is touched, read back by recovery. */
import type { Db } from '../../db/open';

/**
 * How a file reaches its new place. 'link': a hard link on the same drive (the old name goes only
 * after the database points at the new one). 'copy': across drives, through `temp` (copied, flushed,
 * size checked, then linked to its name; temp and old name go after the commit). 'copy-rename' and
 * 'rename': the same without hard links (FAT, exFAT, some network shares), recorded before the
 * rename so recovery knows a lone file at `to` is ours.
 */
export type PlaceMode = 'link' | 'copy' | 'copy-rename' | 'rename';

/** Which database column points at a file: its update is part of the commit. */
export type FileRef = { kind: 'file' } | { kind: 'thumb' } | { kind: 'sub'; lang: string } | { kind: 'side' };

export interface MoveFile {
  /** Library-relative, '/' separators. */
  from: string;
  to: string;
  temp: string;
  mode: PlaceMode;
  ref: FileRef;
}

export type MoveState = 'placing' | 'committed';

export interface MoveEntry {
  videoId: string;
  state: MoveState;
  files: MoveFile[];
}

export interface Journal {
  begin(entry: Omit<MoveEntry, 'state'>): void;
  /** Records a changed mode (a fallback found while placing). */
  update(videoId: string, files: MoveFile[]): void;
  setCommitted(videoId: string): void;
  remove(videoId: string): void;
  pending(): MoveEntry[];
  /** Every `to` and `temp` journaled now, so a new plan never picks a name a pending move holds. */
  claimed(): Set<string>;
}

export function createJournal(db: Db, now: () => number): Journal {
  const ins = db.prepare<[string, string, number]>("INSERT INTO library_moves (video_id, state, files, created_at) VALUES (?, 'placing', ?, ?)");
  const upd = db.prepare<[string, string]>('UPDATE library_moves SET files = ? WHERE video_id = ?');
  const commit = db.prepare<[string]>("UPDATE library_moves SET state = 'committed' WHERE video_id = ?");
  const del = db.prepare<[string]>('DELETE FROM library_moves WHERE video_id = ?');
  const all = db.prepare<[], { video_id: string; state: MoveState; files: string }>('SELECT video_id, state, files FROM library_moves ORDER BY created_at, video_id');
  const pending = (): MoveEntry[] => all.all().map((r) => ({ videoId: r.video_id, state: r.state, files: JSON.parse(r.files) as MoveFile[] }));
  return {
    begin: (e) => void ins.run(e.videoId, JSON.stringify(e.files), now()),
    update: (id, files) => void upd.run(JSON.stringify(files), id),
    setCommitted: (id) => void commit.run(id),
    remove: (id) => void del.run(id),
    pending,
    claimed() {
      const out = new Set<string>();
      for (const e of pending()) for (const f of e.files) out.add(f.to).add(f.temp);
      return out;
    },
  };
}
