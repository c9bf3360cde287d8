import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** The freedesktop.org home trash on Linux; elsewhere null (files are unlinked). */
export function defaultTrashDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  if (platform !== 'linux') return null;
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'Trash');
}

const pad = (n: number) => String(n).padStart(2, '0');
function localIso(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * Moves a file to the trash per the freedesktop.org Trash spec (files/ + info/<name>.trashinfo),
 * so a deleted video can be restored from the file manager. Falls back to unlink when there is no
 * trash or it is on another file system. Returns where the file went.
 */
export function moveToTrash(path: string, trashDir: string | null, now: () => number = Date.now): 'trash' | 'deleted' | 'absent' {
  if (!existsSync(path)) return 'absent';
  if (trashDir) {
    try {
      const files = join(trashDir, 'files');
      const info = join(trashDir, 'info');
      mkdirSync(files, { recursive: true, mode: 0o700 });
      mkdirSync(info, { recursive: true, mode: 0o700 });
      const base = basename(path);
      let name = base;
      for (let i = 2; existsSync(join(files, name)) || existsSync(join(info, `${name}.trashinfo`)); i++) name = `${base}.${i}`;
      // The info file is written first and exclusively: that reserves the name, as the spec asks.
      writeFileSync(join(info, `${name}.trashinfo`), `[Trash Info]\nPath=${encodeURI(path)}\nDeletionDate=${localIso(new Date(now()))}\n`, { flag: 'wx' });
      try {
        renameSync(path, join(files, name));
        return 'trash';
      } catch (err) {
        unlinkSync(join(info, `${name}.trashinfo`));
        throw err;
      }
    } catch {
      // EXDEV (library on another disk) or no permission: plain delete below.
    }
  }
  unlinkSync(path);
  return 'deleted';
}
