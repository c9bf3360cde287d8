// `npm run serve -- [--port N] [--host H] [--data-dir D] [--library L] [--token T] [--open] [--no-build]`
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--no-build` runs what `npm run build` left in out/ (the test suite's smoke run uses it).
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
if (!skipBuild) {
  const built = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}
const child = spawn(process.execPath, [join(root, 'out/main/server.js'), ...args.filter((a) => a !== '--no-build')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
