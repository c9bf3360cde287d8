import { spawn as nodeSpawn } from 'node:child_process';

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Ends a process started detached (its own process group) together with everything it started
 * (yt-dlp's ffmpeg): SIGTERM to the group, SIGKILL after `graceMs` if anything is left.
 */
export async function killTree(pid: number, o: { graceMs?: number; platform?: NodeJS.Platform } = {}): Promise<void> {
  const platform = o.platform ?? process.platform;
  if (platform === 'win32') {
    await new Promise<void>((resolve) => {
      const p = nodeSpawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      p.on('error', () => resolve());
      p.on('exit', () => resolve());
    });
    return;
  }
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // the group is already gone
  }
  const deadline = Date.now() + (o.graceMs ?? 5000);
  // Polling a kill(0) probe is the only portable way to learn a group emptied; it is bounded by graceMs.
  while (Date.now() < deadline) {
    if (!groupAlive(pid)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // gone between the probe and the kill
  }
}

export { groupAlive };
