// Builds better-sqlite3 for Electron's ABI into build/electron-native/, leaving the Node build in
// node_modules untouched (tests and the headless host keep using that one).
import { cpSync, mkdirSync, mkdtempSync, copyFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const work = mkdtempSync(join(tmpdir(), 'vk-native-'));
cpSync(join(root, 'node_modules/better-sqlite3'), join(work, 'better-sqlite3'), { recursive: true, filter: (s) => !s.includes(`${join('better-sqlite3', 'build')}`) });
const gyp = join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js');
const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${process.arch}`], {
  cwd: join(work, 'better-sqlite3'),
  stdio: 'inherit',
});
if (r.status !== 0) {
  console.error(`Could not build better-sqlite3 for Electron ${electronVersion} (needs Electron's headers from electronjs.org).`);
  process.exit(1);
}
mkdirSync(join(root, 'build/electron-native'), { recursive: true });
copyFileSync(join(work, 'better-sqlite3/build/Release/better_sqlite3.node'), join(root, 'build/electron-native/better_sqlite3.node'));
console.log(`Built better-sqlite3 for Electron ${electronVersion}: build/electron-native/better_sqlite3.node`);
