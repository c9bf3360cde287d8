import { readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lets a helper process (ffmpeg making a poster) run only on CPU that downloads leave idle: a poster
 * can wait, a download the user is watching for cannot. Best effort; failures are ignored.
 *
 * A nice value only weighs a process against others in its scheduling group, and Linux gives each
 * session its own group (autogroups, on by default) — yt-dlp runs in sessions of its own. So on
 * Linux the helper is started detached (a session, hence a group, of its own) and that group's
 * nice value is raised too.
 */
export function lowerPriority(pid: number, platform: NodeJS.Platform = process.platform): void {
  try {
    // Windows maps 19 to the idle priority class.
    setPriority(pid, 19);
  } catch {
    // gone already, or not ours to change
  }
  if (platform !== 'linux') return;
  try {
    // Only the group of a session leader is its own: any other group is shared (with VidKeep itself).
    if (sessionOf(pid) !== pid) return;
    writeFileSync(`/proc/${pid}/autogroup`, '19');
  } catch {
    // gone already, or a kernel without autogroups
  }
}

/** The session id from /proc/<pid>/stat (the fields after the command name: state, ppid, pgrp, session). */
export function sessionOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);
}

/** Spawn options that give a helper a scheduling group of its own (see lowerPriority). */
export const ownGroup = (platform: NodeJS.Platform = process.platform): { detached: boolean } => ({ detached: platform === 'linux' });
