import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { migrate } from './db/migrate';
import { createSettingsStore, defaultSettings, type SettingsStore } from './settings';
import { EventHub } from './events';
import { createHandlers } from './api';
import type { Handlers } from '../shared/contract';
import type { AppInfo, ToolStatus } from '../shared/types';

export interface CoreOptions {
  /** Folder for the database and downloaded tools. */
  dataDir: string;
  /** Where videos go unless the user picked another folder in settings. */
  libraryDir: string;
  dbPath?: string;
  ytDlpPath?: string;
  resourcesDir?: string;
  nativeBinding?: string;
  host: 'electron' | 'web';
  version: string;
  now?: () => number;
}

export interface Core {
  readonly db: Db;
  readonly events: EventHub;
  readonly settings: SettingsStore;
  readonly handlers: Handlers;
  readonly options: CoreOptions;
  info(): AppInfo;
  libraryDir(): string;
  /** Absolute path of a video's file or thumbnail, resolved inside the library, or null. */
  resolveMedia(kind: 'video' | 'thumb', videoId: string): Promise<string | null>;
  close(): Promise<void>;
}

const missingTool = (name: string): ToolStatus => ({ found: false, path: null, version: null, source: null, message: `${name} was not looked for yet.` });

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(options.dbPath ?? join(options.dataDir, 'vidkeep.db'), options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const settings = createSettingsStore(db, defaultSettings(options.libraryDir));
  const events = new EventHub();
  const libraryDir = () => settings.get().libraryDir;
  mkdirSync(libraryDir(), { recursive: true });

  const core: Core = {
    db,
    events,
    settings,
    options,
    handlers: undefined as unknown as Handlers,
    info: () => ({
      version: options.version,
      host: options.host,
      dataDir: options.dataDir,
      libraryDir: libraryDir(),
      ytDlp: missingTool('yt-dlp'),
      ffmpeg: missingTool('ffmpeg'),
    }),
    libraryDir,
    resolveMedia: async () => null,
    async close() {
      db.close();
    },
  };
  (core as { handlers: Handlers }).handlers = createHandlers(core);
  return core;
}
