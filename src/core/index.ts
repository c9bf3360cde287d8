import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { migrate } from './db/migrate';
import { acquireDbLock, type DbLock } from './db/lock';
import { createSettingsStore, defaultSettings, type SettingsStore } from './settings';
import { EventHub } from './events';
import { ensureFolder } from './folders';
import { createSubscriptions, type Subscriptions } from './subscriptions/index';
import { createYtDlpLister } from './subscriptions/list';
import type { Lister } from './subscriptions/types';
import { createProcessTracker } from './ytdlp/processes';
import { createHandlers } from './api';
import { createQueue } from './queue/index';
import type { Queue } from './queue/types';
import { createLibrary, type Library } from './library/index';
import { createDownloads, MEDIA_CONCURRENCY, MEDIA_QUEUE, type Downloads } from './downloads/index';
import { locateTools } from './ytdlp/locate';
import { reapOrphans } from './ytdlp/processes';
import { bridgeQueueEvents } from './queue-events';
import type { Handlers } from '../shared/contract';
import type { AppInfo, ToolStatus } from '../shared/types';

export interface CoreOptions {
  /** Folder for the database and downloaded tools. */
  dataDir: string;
  /** Where videos go unless the user picked another folder in settings. */
  libraryDir: string;
  dbPath?: string;
  /** Overrides the yt-dlp search (tests, packaging). */
  ytDlpPath?: string;
  resourcesDir?: string;
  nativeBinding?: string;
  host: 'electron' | 'web';
  version: string;
  now?: () => number;
  /** Test knobs: retry delays and watchdogs in ms. */
  downloads?: { rateLimitDelayMs?: number; networkDelayMs?: number; stallMs?: number; timeoutMs?: number };
  /** How long shutdown waits for running downloads before stopping them (default 10 s). */
  shutdownGraceMs?: number;
  /**
   * Whether the contract may change which program runs as yt-dlp. Only the desktop app allows it:
   * over the web host, any local process could otherwise make VidKeep run a program of its choice.
   */
  allowToolPathChange?: boolean;
  /** Moves a deleted video's files to the system trash (the desktop app passes shell.trashItem). */
  trashItem?: (path: string) => Promise<void>;
  /** Tests inject a listing and a small catch-up spread. */
  subscriptions?: { lister?: Lister; staggerMs?: number; maxEntries?: number };
}

export interface Core {
  readonly db: Db;
  readonly events: EventHub;
  readonly settings: SettingsStore;
  readonly queue: Queue;
  readonly library: Library;
  readonly downloads: Downloads;
  readonly subscriptions: Subscriptions;
  readonly handlers: Handlers;
  readonly options: CoreOptions;
  readonly launchId: string;
  info(): AppInfo;
  libraryDir(): string;
  tools(): { ytDlp: ToolStatus; ffmpeg: ToolStatus };
  refreshTools(): Promise<void>;
  /** Absolute path of a video's file or thumbnail, resolved inside the library, or null. */
  resolveMedia(kind: 'video' | 'thumb', videoId: string): Promise<string | null>;
  /** The computer is going to sleep / woke up. */
  suspend(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const dbPath = options.dbPath ?? join(options.dataDir, 'vidkeep.db');
  const launchId = randomUUID();
  const lock = acquireDbLock(dbPath, launchId);
  let db: Db;
  try {
    db = openDatabase(dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    lock.release();
    throw err;
  }
  try {
    migrate(db);
  } catch (err) {
    db.close();
    lock.release();
    throw err;
  }
  try {
    return await assemble(options, db, lock, launchId);
  } catch (err) {
    // Whatever failed after the database opened, the next launch must find it closed and unlocked.
    if (db.open) db.close();
    lock.release();
    throw err;
  }
}

async function assemble(options: CoreOptions, db: Db, lock: DbLock, launchId: string): Promise<Core> {
  const now = options.now ?? Date.now;
  const settings = createSettingsStore(db, defaultSettings(options.libraryDir));
  const events = new EventHub();
  const libraryDir = () => settings.get().libraryDir;
  if (!ensureFolder(libraryDir())) {
    // A saved folder that cannot be made now (unplugged drive, revoked permission) must not
    // stop VidKeep from starting: use the default until the user picks another.
    console.warn(`[vidkeep] library folder ${libraryDir()} is unavailable; using ${options.libraryDir}`);
    settings.set({ libraryDir: options.libraryDir });
    mkdirSync(options.libraryDir, { recursive: true });
  }

  let tools = await locateTools({
    settingsYtDlpPath: options.ytDlpPath ?? settings.get().ytDlpPath,
    ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
    userDataDir: options.dataDir,
  });

  const s = settings.get();
  const queue = createQueue({
    db,
    now,
    launchId,
    maxJobs: s.maxConcurrent,
    perKeyConcurrency: s.perSiteConcurrent,
    perQueueConcurrency: { [MEDIA_QUEUE]: MEDIA_CONCURRENCY },
    shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
  });
  const trash = options.trashItem ? { trashItem: options.trashItem } : {};
  let library = createLibrary({ db, libraryDir: libraryDir(), now, ...trash });
  const downloads = createDownloads({
    queue,
    get library() {
      return library;
    },
    db,
    getLibraryDir: libraryDir,
    getTools: () => tools,
    getSettings: () => settings.get(),
    now,
    launchId,
    ...options.downloads,
    onLibraryChanged: (videoIds) => events.emit('library.changed', { videoIds }),
  });
  const tracker = createProcessTracker(db, launchId, now);
  const subscriptions = createSubscriptions({
    db,
    queue,
    library: () => library,
    downloads,
    defaults: () => settings.get().defaults,
    lister:
      options.subscriptions?.lister ??
      createYtDlpLister({ getYtDlp: () => tools.ytDlp.path ?? null, onSpawn: (pid, cmd) => tracker.add(pid, cmd), onExit: (pid) => tracker.remove(pid) }),
    now,
    ...(options.subscriptions?.staggerMs !== undefined ? { staggerMs: options.subscriptions.staggerMs } : {}),
    ...(options.subscriptions?.maxEntries !== undefined ? { maxEntries: options.subscriptions.maxEntries } : {}),
    onChange: (id, subscription) => events.emit('subscriptions.changed', { id, subscription }),
    onLibraryChanged: (videoIds) => events.emit('library.changed', { videoIds }),
  });
  subscriptions.start();
  const stopBridge = bridgeQueueEvents(queue, events);

  // Leftovers of a crashed launch: orphaned yt-dlp/ffmpeg processes, files that vanished.
  reapOrphans({ db, launchId });
  library.markMissing();
  try {
    await queue.start();
  } catch (err) {
    stopBridge();
    await queue.stop().catch(() => undefined);
    throw err;
  }

  const core: Core = {
    db,
    events,
    settings,
    queue,
    get library() {
      return library;
    },
    downloads,
    subscriptions,
    options,
    launchId,
    handlers: undefined as unknown as Handlers,
    info: () => ({
      version: options.version,
      host: options.host,
      dataDir: options.dataDir,
      libraryDir: libraryDir(),
      ytDlp: tools.ytDlp,
      ffmpeg: tools.ffmpeg,
    }),
    libraryDir,
    tools: () => tools,
    async refreshTools() {
      tools = await locateTools({
        settingsYtDlpPath: options.ytDlpPath ?? settings.get().ytDlpPath,
        ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
        userDataDir: options.dataDir,
      });
    },
    resolveMedia: (kind, videoId) => library.resolveMedia(videoId, kind),
    suspend: () => queue.pause(),
    resume() {
      queue.resume();
      queue.catchUp();
    },
    async close() {
      await queue.stop();
      stopBridge();
      subscriptions.stop();
      db.close();
      lock.release();
    },
  };
  (core as { handlers: Handlers }).handlers = createHandlers(core, {
    reopenLibrary(dir) {
      mkdirSync(dir, { recursive: true });
      library = createLibrary({ db, libraryDir: dir, now, ...trash });
    },
  });
  return core;
}

