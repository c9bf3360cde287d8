// redis-server for the queue bench's BullMQ side: found on PATH, or installed on first use where we may.
import { spawnSync } from 'node:child_process';
import { which } from './tools.mjs';

const defaults = {
  which,
  canApt: () => process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && which('apt-get') !== null,
  run: (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0,
  log: (msg) => console.error(msg),
};

/**
 * The path of redis-server, installing it with apt-get (as root on Debian/Ubuntu, as the test tools
 * are) when it is missing. Otherwise `{ missing }` says the one command that installs it.
 */
export function ensureRedisServer(deps = {}) {
  const d = { ...defaults, ...deps };
  const found = d.which('redis-server');
  if (found) return { path: found };
  if (d.canApt()) {
    d.log('Installing redis-server with apt-get for the BullMQ comparison…');
    if (d.run('apt-get', ['update', '-qq']) && d.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'])) {
      const path = d.which('redis-server');
      if (path) return { path };
    }
    return { missing: 'redis-server could not be installed with apt-get (see the output above); install it with: sudo apt-get install redis-server' };
  }
  return { missing: `redis-server is not on PATH; install it with: ${process.platform === 'darwin' ? 'brew install redis' : 'sudo apt-get install redis-server'}` };
}
