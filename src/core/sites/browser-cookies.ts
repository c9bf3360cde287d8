/**
 * Desktop app only: reads one site's cookies from an installed browser through yt-dlp's
 * `--cookies-from-browser`, exported once into VidKeep's own per-site file (so the site's cookies,
 * and no other site's, are what downloads get).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS } from '../../shared/sites';
import { VidKeepError } from '../../shared/errors';

/** yt-dlp's complaint to a sentence that says what to do. Pure. */
export function explainBrowserFailure(stderr: string, browser: string): VidKeepError {
  const name = browser.charAt(0).toUpperCase() + browser.slice(1);
  if (/could not copy .*cookie database|database is locked|being used by another process|Permission denied/i.test(stderr)) {
    return new VidKeepError('forbidden', `${name} is holding its cookies locked, so VidKeep cannot read them.`, `Close ${name} completely and try again.`, { reason: 'browserLocked', browser });
  }
  if (/could not find \w+ (cookies database|profile)|could not find firefox|FileNotFoundError/i.test(stderr)) {
    return new VidKeepError('not-found', `VidKeep found no ${name} cookies on this computer (is ${name} installed, with that profile?).`, 'Pick the browser and profile you sign in with, or add a cookies.txt file.', { reason: 'browserCookies', browser });
  }
  if (/keyring (?:is|was|not|could|failed)|no keyring|secretstorage|Secret Service|kwallet|gnome-keyring|failed to decrypt|cannot decrypt|DPAPI|App-Bound/i.test(stderr)) {
    return new VidKeepError('forbidden', `${name}'s cookies are encrypted and the system keyring refused to unlock them.`, `Allow access when your system asks, or export a cookies.txt from ${name} instead.`, { reason: 'browserKeyring', browser });
  }
  if (/unsupported browser/i.test(stderr)) return new VidKeepError('invalid-input', `yt-dlp cannot read cookies from ${name}.`, 'Add a cookies.txt file instead.', { reason: 'browserUnsupported', browser });
  const err = stderr.split(/\r?\n/).filter((l) => /^ERROR:/.test(l)).pop();
  return new VidKeepError('internal', `VidKeep could not read ${name}'s cookies.`, err ? `yt-dlp said: ${err.replace(/^ERROR:\s*/, '').slice(0, 200)}` : 'Add a cookies.txt file instead.', { reason: 'browserCookies', browser, ...(err ? { ytdlpSaid: err.replace(/^ERROR:\s*/, '').slice(0, 200) } : {}) });
}

export function browserSpec(browser: string, profile?: string): string {
  if (!(BROWSERS as readonly string[]).includes(browser)) throw new VidKeepError('invalid-input', `VidKeep cannot read cookies from “${browser.slice(0, 40)}”.`, `Pick one of ${BROWSERS.join(', ')}.`, { reason: 'browserName', browser: browser.slice(0, 40) });
  if (profile !== undefined && profile !== '' && !/^[\w .@-]{1,100}$/.test(profile)) throw new VidKeepError('invalid-input', 'That browser profile name holds characters VidKeep does not pass on.', undefined, { reason: 'browserProfile' });
  return profile ? `${browser}:${profile}` : browser;
}

/** Exports the browser's whole jar into a temporary file and returns its text (the caller keeps one site's part). */
export function readBrowserCookies(o: { ytDlp: string; browser: string; profile?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<string> {
  const spec = browserSpec(o.browser, o.profile);
  const dir = mkdtempSync(join(tmpdir(), 'vk-cookies-'));
  const out = join(dir, 'cookies.txt');
  // With no link yt-dlp complains "You must provide at least one URL", but it has loaded the
  // browser's jar and writes it to --cookies on the way out.
  return new Promise((resolve, reject) => {
    execFile(o.ytDlp, ['--ignore-config', '--cookies-from-browser', spec, '--cookies', out], { timeout: o.timeoutMs ?? 60_000, windowsHide: true, encoding: 'utf8', ...(o.env ? { env: o.env } : {}) }, (_err, _stdout, stderr) => {
      let text = '';
      try {
        text = readFileSync(out, 'utf8');
      } catch {
        // nothing written: explained below
      }
      rmSync(dir, { recursive: true, force: true });
      if (text.split('\n').some((l) => l.includes('\t'))) return resolve(text);
      reject(explainBrowserFailure(stderr, o.browser));
    });
  });
}
