/**
 * launchApp(): starts VidKeep on a given data + library folder and returns when it is ready.
 * The web flavour runs the built headless host; kill('SIGKILL') and relaunching on the same
 * folders is how crash tests work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface AppProcess {
  url: string;
  pid: number;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface LaunchOptions {
  dataDir: string;
  libraryDir: string;
  env?: Record<string, string>;
  /** More host options, e.g. `--library-root <folder>`. */
  args?: string[];
}

const root = join(import.meta.dirname, '..');

export async function launchWebApp(opts: LaunchOptions): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'out/main/server.js'), '--port', '0', '--data-dir', opts.dataDir, '--library', opts.libraryDir, ...(opts.args ?? [])], {
    cwd: root,
    env: { ...process.env, VIDKEEP_RETRY_DELAY_MS: '1500', VIDKEEP_SHUTDOWN_GRACE_MS: '2000', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VidKeep did not start in 20 s:\n${log}`)), 20_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = /VidKeep is running at (\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VidKeep exited (${code}) before it was ready:\n${log}`));
    });
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  return {
    url,
    pid: child.pid!,
    output: () => log,
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
