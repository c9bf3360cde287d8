import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { ToolStatus } from '../../shared/types';

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

/** What the user loses without Deno, said where the tools are listed. */
export const DENO_MISSING =
  'Deno was not found. Since late 2025 yt-dlp needs a JavaScript runtime for full YouTube support: without it, many YouTube formats are missing (often everything but low quality) and some YouTube downloads fail. Other sites are not affected. Install Deno (deno.com) and restart VidKeep.';

/** `<bin> <flag>` first line, or null when it does not run (broken install, wrong arch). */
export function toolVersion(bin: string, flag: string, timeoutMs = 15_000): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(bin, [flag], { timeout: timeoutMs, windowsHide: true, encoding: 'utf8' }, (err, stdout) => {
      if (err) return resolve(null);
      const line = stdout.split('\n')[0]?.trim() ?? '';
      resolve(line === '' ? null : line.replace(/^ffmpeg version (\S+).*$/, '$1').replace(/^deno (\S+).*$/, '$1'));
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
 * yt-dlp: settings path, the copy VidKeep updated in user data (it exists only because the user
 * or the daily check asked for a newer one), copy bundled in resources, PATH.
 * ffmpeg: bundled, then PATH. Deno (yt-dlp's JavaScript runtime): bundled, then PATH.
 * Each is run once to read its version.
 */
export async function locateTools(o: { settingsYtDlpPath?: string; resourcesDir?: string; userDataDir: string; env?: NodeJS.ProcessEnv }): Promise<{ ytDlp: ToolStatus; ffmpeg: ToolStatus; deno: ToolStatus }> {
  const env = o.env ?? process.env;
  const bundled = (name: string) => (o.resourcesDir ? [join(o.resourcesDir, 'bin', exe(name)), join(o.resourcesDir, exe(name))].find(existsSync) : undefined);
  const [ytDlp, ffmpeg, deno] = await Promise.all([
    firstWorking(
      [
        ['settings', o.settingsYtDlpPath || undefined],
        ['downloaded', downloadedYtDlpPath(o.userDataDir)],
        ['bundled', bundled('yt-dlp')],
        ['path', onPath('yt-dlp', env)],
      ],
      '--version',
      'yt-dlp',
    ),
    firstWorking([['bundled', bundled('ffmpeg')], ['path', onPath('ffmpeg', env)]], '-version', 'ffmpeg'),
    firstWorking([['bundled', bundled('deno')], ['path', onPath('deno', env)]], '--version', 'Deno'),
  ]);
  if (!deno.found) {
    deno.message = DENO_MISSING;
    deno.values = { reason: 'denoMissing', name: 'Deno' };
  }
  if (o.settingsYtDlpPath && ytDlp.source !== 'settings') {
    ytDlp.message = `The yt-dlp set in Settings (${o.settingsYtDlpPath}) does not run${ytDlp.found ? `; using ${ytDlp.path} instead` : ''}.`;
    ytDlp.values = ytDlp.found && ytDlp.path ? { reason: 'settingsReplaced', path: o.settingsYtDlpPath, using: ytDlp.path } : { reason: 'settingsBroken', path: o.settingsYtDlpPath };
  }
  return { ytDlp, ffmpeg, deno };
}
