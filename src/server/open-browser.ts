import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export type SpawnFn = (command: string, args: string[], options: SpawnOptions) => ChildProcess;

/** The desktop's "open this link" command for each platform. */
export function openCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * `--open`: shows the app in the default browser. Detached, so the browser outlives nothing of
 * ours and VidKeep never waits on it; resolves with one line to print when it could not.
 */
export function openBrowser(url: string, o: { platform?: NodeJS.Platform; spawn?: SpawnFn } = {}): Promise<{ ok: true } | { ok: false; message: string }> {
  const { command, args } = openCommand(o.platform ?? process.platform, url);
  const spawn = o.spawn ?? nodeSpawn;
  const failed = (why: string) => ({ ok: false as const, message: `vidkeep: could not open a browser (${command}: ${why}); open ${url} yourself.` });
  return new Promise((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    } catch (err) {
      resolve(failed(err instanceof Error ? err.message : String(err)));
      return;
    }
    child.once('error', (err: NodeJS.ErrnoException) => resolve(failed(err.code === 'ENOENT' ? 'not found' : err.message)));
    // xdg-open and friends hand the link over and exit; a non-zero code means nobody took it.
    child.once('exit', (code) => resolve(code === 0 ? { ok: true } : failed(`exited with code ${code ?? 'unknown'}`)));
    child.unref();
  });
}
