import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 built for Electron's ABI lives apart from the Node build the tests and the
 * headless host use, so neither ever overwrites the other. Packaged apps carry it under
 * resources/native; development builds get it from `npm run rebuild:electron`.
 */
export function electronNativeBinding(opts: { packaged: boolean; resourcesPath: string; appPath: string }): string | null {
  const candidates = opts.packaged
    ? [join(opts.resourcesPath, 'native', 'better_sqlite3.node')]
    : [join(opts.appPath, 'build', 'electron-native', 'better_sqlite3.node')];
  return candidates.find((p) => existsSync(p)) ?? null;
}
