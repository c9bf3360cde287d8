import { homedir } from 'node:os';
import { join } from 'node:path';

/** Platform defaults; hosts override them (Electron's app paths, CLI flags, VIDKEEP_* env for tests). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.VIDKEEP_DATA_DIR) return env.VIDKEEP_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'VidKeep');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'VidKeep');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'VidKeep');
}

export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.VIDKEEP_LIBRARY_DIR) return env.VIDKEEP_LIBRARY_DIR;
  if (platform === 'linux' && env.XDG_VIDEOS_DIR) return join(env.XDG_VIDEOS_DIR, 'VidKeep');
  return join(homedir(), platform === 'darwin' ? 'Movies' : 'Videos', 'VidKeep');
}
