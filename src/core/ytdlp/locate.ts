import { execFile } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { ToolStatus } from '../../shared/types';
import { VidKeepError } from '../../shared/errors';

type Source = NonNullable<ToolStatus['source']>;

const exe = (name: string, platform = process.platform) => (platform === 'win32' ? `${name}.exe` : name);

/** Where a yt-dlp downloaded on the user's request lives. */
export const downloadedYtDlpPath = (userDataDir: string) => join(userDataDir, 'bin', exe('yt-dlp'));

function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? env.Path ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, exe(name));
    if (isExecutable(p)) return p;
  }
  return null;
}

/** `<bin> <flag>` first line, or null when it does not run (broken install, wrong arch). */
export function toolVersion(bin: string, flag: string, timeoutMs = 15_000): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(bin, [flag], { timeout: timeoutMs, windowsHide: true, encoding: 'utf8' }, (err, stdout) => {
      if (err) return resolve(null);
      const line = stdout.split('\n')[0]?.trim() ?? '';
      resolve(line === '' ? null : line.replace(/^ffmpeg version (\S+).*$/, '$1'));
    });
  });
}

async function firstWorking(candidates: Array<[Source, string | null | undefined]>, flag: string, name: string): Promise<ToolStatus> {
  let broken: string | null = null;
  for (const [source, path] of candidates) {
    if (!path || !isExecutable(path)) continue;
    const version = await toolVersion(path, flag);
    if (version) return { found: true, path, version, source };
    broken ??= path;
  }
  return {
    found: false,
    path: null,
    version: null,
    source: null,
    message: broken ? `${name} at ${broken} does not run.` : `${name} was not found.`,
    values: broken ? { reason: 'broken', name, path: broken } : { reason: 'missing', name },
  };
}

/**
 * yt-dlp: settings path, copy bundled in resources, PATH, copy downloaded into user data.
 * ffmpeg: bundled, then PATH. Each is run once to read its version.
 */
export async function locateTools(o: { settingsYtDlpPath?: string; resourcesDir?: string; userDataDir: string; env?: NodeJS.ProcessEnv }): Promise<{ ytDlp: ToolStatus; ffmpeg: ToolStatus }> {
  const env = o.env ?? process.env;
  const bundled = (name: string) => (o.resourcesDir ? [join(o.resourcesDir, 'bin', exe(name)), join(o.resourcesDir, exe(name))].find(existsSync) : undefined);
  const [ytDlp, ffmpeg] = await Promise.all([
    firstWorking(
      [
        ['settings', o.settingsYtDlpPath || undefined],
        ['bundled', bundled('yt-dlp')],
        ['path', onPath('yt-dlp', env)],
        ['downloaded', downloadedYtDlpPath(o.userDataDir)],
      ],
      '--version',
      'yt-dlp',
    ),
    firstWorking([['bundled', bundled('ffmpeg')], ['path', onPath('ffmpeg', env)]], '-version', 'ffmpeg'),
  ]);
  if (o.settingsYtDlpPath && ytDlp.source !== 'settings') {
    ytDlp.message = `The yt-dlp set in Settings (${o.settingsYtDlpPath}) does not run${ytDlp.found ? `; using ${ytDlp.path} instead` : ''}.`;
    ytDlp.values = ytDlp.found && ytDlp.path ? { reason: 'settingsReplaced', path: o.settingsYtDlpPath, using: ytDlp.path } : { reason: 'settingsBroken', path: o.settingsYtDlpPath };
  }
  return { ytDlp, ffmpeg };
}

type Downloader = (filePath: string) => Promise<void>;

async function githubDownload(filePath: string): Promise<void> {
  const mod = (await import('yt-dlp-wrap')) as unknown as { default: { downloadFromGithub?: Downloader; default?: { downloadFromGithub: Downloader } } };
  const Wrap = mod.default.default ?? (mod.default as { downloadFromGithub: Downloader });
  await Wrap.downloadFromGithub(filePath);
}

/**
 * Only on the user's request: fetches the latest yt-dlp release into user data, via a temporary
 * name so a failed download never replaces a working copy.
 */
export async function downloadYtDlp(o: { userDataDir: string; download?: Downloader }): Promise<ToolStatus> {
  const target = downloadedYtDlpPath(o.userDataDir);
  mkdirSync(join(o.userDataDir, 'bin'), { recursive: true });
  const tmp = `${target}.download`;
  try {
    await (o.download ?? githubDownload)(tmp);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new VidKeepError('network', 'VidKeep could not download yt-dlp from GitHub.', `Check the internet connection and try again (${msg.slice(0, 200)}).`, { reason: 'ytdlpDownload', detail: msg.slice(0, 200) });
  }
  if (process.platform !== 'win32') chmodSync(tmp, 0o755);
  const version = await toolVersion(tmp, '--version');
  if (!version) rmSync(tmp, { force: true });
  if (!version) throw new VidKeepError('ytdlp-broken', 'The downloaded yt-dlp does not run on this computer.', 'Install yt-dlp yourself and set its path in Settings.', { reason: 'downloaded' });
  renameSync(tmp, target);
  return { found: true, path: target, version, source: 'downloaded' };
}
