import type { Db } from './open';
import { VidKeepError } from '../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations';

/** Forward-only, one transaction each, version kept in PRAGMA user_version. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (from > latest) {
    throw new VidKeepError(
      'db-newer',
      `This library was last opened by a newer VidKeep (database version ${from}; this VidKeep knows up to ${latest}).`,
      'Update VidKeep to open it. The database was left untouched.',
      { found: from, known: latest },
    );
  }
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, latest) };
}
