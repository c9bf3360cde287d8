import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The environment variable that tags each child with its run's marker (its children inherit it). */
export const RUN_MARKER_ENV = 'VIDKEEP_RUN';

/**
 * Live processes carrying any of `markers` in their environment, by marker. Linux reads
 * /proc/<pid>/environ (this user's processes only: that is all VidKeep starts). macOS asks `ps -E`,
 * which appends each of this user's processes' environment to its command. Windows offers no
 * reading of another process's environment without native code, so it answers nothing and
 * reaping there relies on the recorded pid.
 */
export function findByMarker(markers: readonly string[], platform: NodeJS.Platform = process.platform): Map<string, number[]> {
  const found = new Map<string, number[]>();
  if (markers.length === 0) return found;
  const want = new Set(markers);
  const note = (marker: string, pid: number) => {
    if (!want.has(marker) || pid === process.pid) return;
    found.set(marker, [...(found.get(marker) ?? []), pid]);
  };
  const re = new RegExp(`(?:^|[\\0\\s])${RUN_MARKER_ENV}=([\\w.-]+)`);
  if (platform === 'linux') {
    let pids: string[];
    try {
      pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
    } catch {
      return found;
    }
    for (const d of pids) {
      let env: string;
      try {
        env = readFileSync(`/proc/${d}/environ`, 'latin1');
      } catch {
        continue; // gone, or another user's
      }
      const m = re.exec(env);
      if (m) note(m[1]!, Number(d));
    }
    return found;
  }
  if (platform === 'win32') return found;
  try {
    const out = execFileSync('ps', ['-E', '-ww', '-ax', '-o', 'pid=,command='], { encoding: 'utf8', timeout: 10_000, maxBuffer: 64 * 1024 * 1024 });
    for (const line of out.split('\n')) {
      const m = re.exec(line);
      const pid = Number(line.trim().split(/\s+/, 1)[0]);
      if (m && Number.isInteger(pid) && pid > 0) note(m[1]!, pid);
    }
  } catch {
    // no ps: the recorded pid is all there is
  }
  return found;
}

/** Not running: gone, or a zombie waiting for a reaper (a container's pid 1 may never reap it). */
export function processGone(pid: number, platform: NodeJS.Platform = process.platform): boolean {
  if (platform === 'linux') {
    try {
      return /^\d+ \(.*\) [ZX]/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return true;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

/** Start-up only: a synchronous pause while killed orphans finish dying. */
export function pauseSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
