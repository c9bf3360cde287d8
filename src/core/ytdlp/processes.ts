import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Db } from '../db/open';
import { pidAlive } from './kill';

export interface ProcessTracker {
  add(pid: number, command: string): void;
  remove(pid: number): void;
}

/** Records each yt-dlp child with this launch's id, so a later launch can end what a crash left. */
export function createProcessTracker(db: Db, launchId: string, now: () => number = Date.now): ProcessTracker {
  const ins = db.prepare('INSERT OR REPLACE INTO child_processes (pid, launch_id, command, started_at) VALUES (?, ?, ?, ?)');
  const del = db.prepare('DELETE FROM child_processes WHERE pid = ? AND launch_id = ?');
  return {
    add: (pid, command) => void ins.run(pid, launchId, command.slice(0, 2000), now()),
    // On quit the queue stops before an aborted yt-dlp has finished exiting, and the database may
    // be closed by the time it does: the row then stays for the next launch's reaper, which checks
    // the command line before it kills anything.
    remove: (pid) => void (db.open && del.run(pid, launchId)),
  };
}

type Exec = (file: string, args: string[], o: { encoding: 'utf8'; windowsHide: boolean; timeout: number }) => string;
const exec: Exec = (file, args, o) => execFileSync(file, args, o);

/** The command line of a running process, or null. */
export function readCommandLine(pid: number, platform: NodeJS.Platform = process.platform, run: Exec = exec): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const o = { encoding: 'utf8' as const, windowsHide: true, timeout: 10_000 };
  try {
    if (platform === 'linux') return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() || null;
    // Windows has no ps: WMI knows each process's command line (PowerShell ships with Windows 10+).
    if (platform === 'win32') return run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', `(Get-CimInstance Win32_Process -Filter "ProcessId=${pid}").CommandLine`], o).trim() || null;
    return run('ps', ['-o', 'command=', '-p', String(pid)], o).trim() || null;
  } catch {
    return null;
  }
}

export interface ReapOptions {
  db: Db;
  /** This launch: its own rows are left alone. */
  launchId: string;
  platform?: NodeJS.Platform;
  readCmdline?: (pid: number) => string | null;
  kill?: (pid: number, signal: NodeJS.Signals) => void;
}

/**
 * At startup: ends yt-dlp/ffmpeg processes an earlier launch left running (crash, kill -9), but
 * only after checking the pid still belongs to yt-dlp or ffmpeg — pids get reused. Call before
 * the queue starts claiming jobs.
 */
export function reapOrphans(o: ReapOptions): { killed: number[]; skipped: number[] } {
  const platform = o.platform ?? process.platform;
  const read = o.readCmdline ?? ((pid: number) => readCommandLine(pid, platform));
  const kill =
    o.kill ??
    ((pid: number, signal: NodeJS.Signals) => {
      // Windows: taskkill /T ends the tree (yt-dlp's ffmpeg too); it fails when the pid is gone.
      if (platform === 'win32') {
        exec('taskkill', ['/pid', String(pid), '/T', '/F'], { encoding: 'utf8', windowsHide: true, timeout: 10_000 });
        return;
      }
      // Children were started as group leaders: the negative pid takes ffmpeg with them.
      try {
        process.kill(-pid, signal);
      } catch {
        if (pidAlive(pid)) process.kill(pid, signal);
      }
    });
  const rows = o.db.prepare<[string], { pid: number }>('SELECT DISTINCT pid FROM child_processes WHERE launch_id != ?').all(o.launchId);
  const killed: number[] = [];
  const skipped: number[] = [];
  for (const { pid } of rows) {
    const cmd = read(pid);
    if (cmd && /yt-dlp|yt_dlp|ffmpeg/i.test(cmd)) {
      try {
        kill(pid, 'SIGKILL');
        killed.push(pid);
      } catch {
        skipped.push(pid);
      }
    } else skipped.push(pid);
  }
  o.db.prepare('DELETE FROM child_processes WHERE launch_id != ?').run(o.launchId);
  return { killed, skipped };
}
