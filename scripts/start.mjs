// `npm start`: build, then launch the Electron app; where no Electron binary exists, the headless host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './lib/tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status === 0;

if (!run([join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'])) process.exit(1);

const electron = electronBinary(root);
if (!electron) {
  console.log('No Electron binary on this machine (it cannot be downloaded here), so VidKeep starts in headless mode: open the link below in a browser.');
  startHeadless();
} else {
  if (!existsSync(join(root, 'build/electron-native/better_sqlite3.node')) && !run([join(root, 'scripts/rebuild-electron.mjs')])) {
    console.log('Could not build the database module for Electron; starting headless mode instead.');
    startHeadless();
  } else {
    const child = spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      process.stderr.write(d);
    });
    child.on('exit', (code) => {
      if (code !== 0 && /failed to install correctly|cannot open shared object|GLIBC/i.test(err)) {
        console.log('Electron could not start on this machine; starting headless mode instead.');
        startHeadless();
      } else process.exit(code ?? 0);
    });
  }
}

function startHeadless() {
  const child = spawn(process.execPath, [join(root, 'out/main/server.js'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
