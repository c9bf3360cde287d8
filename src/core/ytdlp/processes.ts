import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../db/open';
import { pidAlive } from './kill';
import { findByMarker, pauseSync, processGone, RUN_MARKER_ENV } from './processes-scan';

export { RUN_MARKER_ENV } from './processes-scan';

/** One child's record, written before it exists. */
export interface TrackedRun {
  readonly marker: string;
  /** Add to the child's environment: it is how a later launch finds the child without its pid. */
  readonly env: Record<string, string>;
  spawned(pid: number): void;
  /** The child and everything it started are gone. */
  ended(): void;
}

export interface ProcessTracker {
  /** Durably records the intent to start `command` before it is spawned. */
  begin(command: string): TrackedRun;
  /** Records a child already started (no marker: found again only by its pid). */
  add(pid: number, command: string): void;
  remove(pid: number): void;
}

/** Records each yt-dlp child with this launch's id, so a later launch can end what a crash left. */
export function createProcessTracker(db: Db, launchId: string, now: () => number = Date.now): ProcessTracker {
  const ins = db.prepare('INSERT INTO child_processes (pid, marker, launch_id, command, started_at) VALUES (?, ?, ?, ?, ?)');
  const setPid = db.prepare('UPDATE child_processes SET pid = ? WHERE marker = ?');
  const endRun = db.prepare('DELETE FROM child_processes WHERE marker = ?');
  const del = db.prepare('DELETE FROM child_processes WHERE pid = ? AND launch_id = ?');
  return {
    begin(command) {
      const marker = randomUUID();
      // Committed (with the database's synchronous=FULL) before the spawn: a kill -9 at any later
      // moment leaves this row, and the child carries the marker in its environment.
      ins.run(null, marker, launchId, command.slice(0, 2000), now());
      return {
        marker,
        env: { [RUN_MARKER_ENV]: marker },
        spawned: (pid) => void (db.open && setPid.run(pid, marker)),
        // The database may be closed by the time an aborted child exits on quit: the row then
        // stays, and the next launch finds nothing under its marker and drops it.
        ended: () => void (db.open && endRun.run(marker)),
      };
    },
    add: (pid, command) => void ins.run(pid, null, launchId, command.slice(0, 2000), now()),
    // On quit the queue stops before an aborted yt-dlp has finished exiting, and the database may
    // be closed by the time it does: the row then stays for the next launch's reaper.
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
  /** Live processes carrying these markers (tests inject; default scans the system). */
  findMarked?: (markers: readonly string[]) => Map<string, number[]>;
  gone?: (pid: number) => boolean;
  /** How long to wait for killed orphans to die (default 5 s). */
  waitMs?: number;
}

export interface ReapResult {
  killed: number[];
  /** Recorded pids that now belong to something else (reused) or are gone. */
  skipped: number[];
  /** Killed but still running when the wait ran out; their rows stay for the next launch. */
  survivors: number[];
}

interface ChildRow {
  id: number;
  pid: number | null;
  marker: string | null;
}

/**
 * At startup, before any job runs: ends every yt-dlp/ffmpeg an earlier launch left running (crash,
 * kill -9) and waits until they are gone. Children are found by the marker in their environment
 * (rows are written before the spawn, so this finds a child whose pid never got recorded, and its
 * ffmpeg too); rows without a marker, and platforms that cannot read another process's environment,
 * fall back to the recorded pid after checking it still runs yt-dlp or ffmpeg (pids get reused).
 * The caller holds the database lock, so every other launch is dead and its children are orphans.
 */
export function reapOrphans(o: ReapOptions): ReapResult {
  const platform = o.platform ?? process.platform;
  const read = o.readCmdline ?? ((pid: number) => readCommandLine(pid, platform));
  const findMarked = o.findMarked ?? ((m: readonly string[]) => findByMarker(m, platform));
  const gone = o.gone ?? ((pid: number) => processGone(pid, platform));
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
  const rows = o.db.prepare<[string], ChildRow>('SELECT id, pid, marker FROM child_processes WHERE launch_id != ?').all(o.launchId);
  const result: ReapResult = { killed: [], skipped: [], survivors: [] };
  if (rows.length === 0) return result;
  const markers = rows.flatMap((r) => (r.marker ? [r.marker] : []));
  const canScan = platform !== 'win32';
  const targets = new Set<number>();
  const markerOf = new Map<number, string>();
  const sweep = () => {
    const fresh: number[] = [];
    for (const [marker, pids] of findMarked(markers)) {
      for (const pid of pids) {
        if (gone(pid)) continue;
        markerOf.set(pid, marker);
        fresh.push(pid);
      }
    }
    return fresh;
  };
  for (const pid of sweep()) targets.add(pid);
  for (const r of rows) {
    if (r.pid === null || targets.has(r.pid)) continue;
    // A marked child that the scan did not find is gone; its recorded pid may already be reused.
    if (r.marker && canScan) continue;
    const cmd = read(r.pid);
    if (cmd && /yt-dlp|yt_dlp|ffmpeg/i.test(cmd)) targets.add(r.pid);
    else result.skipped.push(r.pid);
  }
  const end = (pid: number) => {
    try {
      kill(pid, 'SIGKILL');
      return true;
    } catch {
      return false;
    }
  };
  for (const pid of targets) (end(pid) ? result.killed : result.skipped).push(pid);
  // SIGKILL is not instant: wait until each one is gone (a zombie counts as gone: it holds no
  // files and writes nothing). Sweep again for anything a dying yt-dlp forked meanwhile.
  const deadline = Date.now() + (o.waitMs ?? 5000);
  let alive = [...targets].filter((pid) => !gone(pid));
  while (Date.now() < deadline) {
    for (const pid of sweep()) {
      if (targets.has(pid)) continue;
      targets.add(pid);
      if (end(pid)) result.killed.push(pid);
    }
    alive = [...targets].filter((pid) => !gone(pid));
    if (alive.length === 0) break;
    pauseSync(10);
  }
  result.survivors = alive;
  const del = o.db.prepare('DELETE FROM child_processes WHERE id = ?');
  const aliveMarkers = new Set(alive.map((pid) => markerOf.get(pid)));
  const survivorRows = new Set(rows.filter((r) => (r.pid !== null && alive.includes(r.pid)) || (r.marker !== null && aliveMarkers.has(r.marker))).map((r) => r.id));
  o.db.transaction(() => {
    for (const r of rows) if (!survivorRows.has(r.id)) del.run(r.id);
  })();
  return result;
}
