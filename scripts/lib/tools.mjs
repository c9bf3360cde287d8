// Finding and (where we may) installing the system tools the tests and the app rely on.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of process.platform === 'win32' ? ['.exe', '.cmd', ''] : ['']) {
      const p = join(dir, cmd + ext);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

export function findChromium() {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const p = which(name);
    if (p) return p;
  }
  return null;
}

const DEBIAN_PACKAGES = { 'yt-dlp': 'yt-dlp', ffmpeg: 'ffmpeg', chromium: 'chromium' };

function canApt() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && which('apt-get') !== null;
}

/** Makes sure yt-dlp, ffmpeg and a Chromium exist; installs them on Debian/Ubuntu as root, else says how. */
export function ensureTestTools() {
  const missing = [];
  if (!which('yt-dlp')) missing.push('yt-dlp');
  if (!which('ffmpeg')) missing.push('ffmpeg');
  if (!findChromium()) missing.push('chromium');
  if (missing.length === 0) return true;
  if (canApt()) {
    console.log(`Installing ${missing.join(', ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const up = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const inst = up.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...missing.map((m) => DEBIAN_PACKAGES[m])], { stdio: 'inherit', env });
    if (inst && inst.status === 0) return true;
  }
  const pkgs = missing.map((m) => DEBIAN_PACKAGES[m]).join(' ');
  console.error(`Missing for the tests: ${missing.join(', ')}. Install with: sudo apt-get install ${pkgs}   (macOS: brew install ${pkgs.replace('chromium', '--cask chromium')})`);
  return false;
}

/** Where a runnable Electron binary is, or null (it cannot be downloaded on our machines). */
export function electronBinary(root) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = join(override, process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
    return existsSync(exe) ? exe : null;
  }
  const dir = join(root, 'node_modules', 'electron');
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt) || !existsSync(join(dir, 'dist'))) return null;
  const rel = spawnSync(process.execPath, ['-e', `process.stdout.write(require('fs').readFileSync(${JSON.stringify(pathTxt)},'utf8'))`]).stdout.toString().trim();
  const exe = join(dir, 'dist', rel);
  return existsSync(exe) ? exe : null;
}
