import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { migrate } from './db/migrate';
import { acquireDbLock, type DbLock } from './db/lock';
import { createSettingsStore, defaultSettings, type SettingsStore } from './settings';
import { EventHub, type ContractEvents } from './events';
import { createBus, type Bus } from './bus';
import { createCoalescer } from './coalescer';
import { toJobView } from './views';
import { ensureFolder } from './folders';
import { createSubscriptions, type Subscriptions } from './subscriptions/index';
import { createYtDlpLister } from './subscriptions/list';
import type { Lister } from './subscriptions/types';
import { createProcessTracker } from './ytdlp/processes';
import { createHandlers } from './api';
import { createQueue } from './queue/index';
import type { Queue, QueueJob } from './queue/types';
import { createLibrary, type Library } from './library/index';
import { createDownloads, MEDIA_CONCURRENCY, MEDIA_QUEUE, type Downloads } from './downloads/index';
import { createChoose, type Choose } from './choose/index';
import { createLive, type Live } from './choose/live';
import { locateTools } from './ytdlp/locate';
import { reapOrphans } from './ytdlp/processes';
import { recordLaunch } from './queue/recovery';
import { createSites, listerSiteHooks, type Sites } from './sites/index';
import { updateYtDlp } from './ytdlp/update';
import { startDailyCheck } from './ytdlp/update-check';
import { VidKeepError } from '../shared/errors';
import { createImports, type Imports } from './import/index';
import { enqueueLibraryPosters } from './media/poster-job';
import { ffprobeFor } from './ytdlp/media-probe';
import { createPauseReasons, settingsPauseStore, type PauseReasons } from './pause-reasons';
import type { Handlers } from '../shared/contract';
import type { AppInfo, JobView, ToolStatus } from '../shared/types';
import { createReorganizeService, type ReorganizeService } from './library/reorganize/service';
import { DEFAULT_LAYOUT } from './library/layout/index';

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
  /** Where yt-dlp releases are fetched from (tests, mirrors); may hold `{channel}`. */
  ytDlpReleaseUrl?: string;
  /**
   * Whether the daily yt-dlp check may run. The desktop app allows it; the headless host only when
   * started with --allow-ytdlp-updates (a server should not change its programs unasked).
   */
  allowAutoUpdate?: boolean;
  /** Tests inject a listing and a small catch-up spread. */
  subscriptions?: { lister?: Lister; staggerMs?: number; maxEntries?: number };
  /** SponsorBlock's base URL (default the public service; tests use a local one). */
  sponsorBlockApi?: string;
  /** The desktop app's folder picker for Import (the web host has none: a path is typed there). */
  pickFolder?: () => Promise<string | null>;
}

export interface Core {
  readonly db: Db;
  /** Where the core's parts say what happened (internal). */
  readonly bus: Bus;
  /** Contract events, coalesced: hosts forward these and nothing else. */
  readonly events: ContractEvents;
  /** Queue rows -> contract views. */
  readonly views: { job(job: QueueJob): JobView };
  readonly settings: SettingsStore;
  readonly queue: Queue;
  readonly library: Library;
  readonly downloads: Downloads;
  readonly subscriptions: Subscriptions;
  /** Formats, playlist entries and clips chosen before anything downloads. */
  readonly choose: Choose;
  /** Live streams and premieres, recorded apart from the download queue. */
  readonly live: Live;
  /** Import a folder, and rebuild from disk on an empty database. */
  readonly imports: Imports;
  readonly sites: Sites;
  /** "Reorganize library": moves kept videos to the chosen layout, as one resumable job. */
  readonly reorganize: ReorganizeService;
  readonly handlers: Handlers;
  /** Pause all: the user's reason and the system's (sleep), kept apart. */
  readonly pauses: PauseReasons;
  readonly options: CoreOptions;
  readonly launchId: string;
  info(): AppInfo;
  libraryDir(): string;
  tools(): Tools;
  refreshTools(): Promise<void>;
  /** Fetches, verifies and installs the configured channel's yt-dlp; never throws anything but a VidKeepError. */
  updateYtDlp(): Promise<AppInfo>;
  /** When the last update (by hand or daily) was tried, or null. */
  lastUpdateCheck(): number | null;
  /** Absolute path of a video's file or thumbnail, resolved inside the library, or null. */
  resolveMedia(kind: 'video' | 'thumb', videoId: string): Promise<string | null>;
  /** One language of a video's subtitles as WebVTT, or null. */
  subtitleVtt(videoId: string, lang: string): Promise<string | null>;
  /** The computer is going to sleep / woke up; the user's own "Pause all" stays as it was. */
  suspend(): void;
  resume(): void;
  close(): Promise<void>;
}

type Tools = { ytDlp: ToolStatus; ffmpeg: ToolStatus; deno: ToolStatus };

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const dbPath = options.dbPath ?? join(options.dataDir, 'vidkeep.db');
  const launchId = randomUUID();
  const lock = acquireDbLock(dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  let db: Db;
  try {
    db = openDatabase(dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    lock.release();
    throw err;
  }
  try {
    migrate(db);
    // On record at once: a launch that dies during start-up is evidence of crashes no job caused.
    recordLaunch(db, launchId, (options.now ?? Date.now)());
    // Before anything can start a job or a listing: what an earlier (dead) launch left running is
    // ended and confirmed gone, so no job of it runs twice at once.
    reapOrphans({ db, launchId });
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
  const bus = createBus();
  const events = new EventHub();
  const settings = createSettingsStore(db, defaultSettings(options.libraryDir), (next) => bus.emit('settings.changed', next));
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

  const sites = createSites({
    dataDir: options.dataDir,
    settings,
    desktop: options.host === 'electron',
    now,
    ...(options.downloads?.rateLimitDelayMs !== undefined ? { rateLimitBaseMs: options.downloads.rateLimitDelayMs } : {}),
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
  // Before start(): a pause left by a sleep the last launch never woke from must not hold this one.
  const pauses = createPauseReasons(queue, settingsPauseStore(settings), () => queue.metrics().paused);
  const trash = options.trashItem ? { trashItem: options.trashItem } : {};
  const onLibraryChange = (videoIds: string[]) => bus.emit('library.changed', { videoIds });
  let library = createLibrary({ db, libraryDir: libraryDir(), now, ...trash, onChange: onLibraryChange });
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
    sites,
    ...options.downloads,
    ...(options.sponsorBlockApi ? { sponsorBlockApi: options.sponsorBlockApi } : {}),
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
      createYtDlpLister({
        getYtDlp: () => tools.ytDlp.path ?? null,
        tracker,
        // Checks follow the site's pacing and waits like downloads do.
        ...listerSiteHooks(sites),
      }),
    now,
    ...(options.subscriptions?.staggerMs !== undefined ? { staggerMs: options.subscriptions.staggerMs } : {}),
    ...(options.subscriptions?.maxEntries !== undefined ? { maxEntries: options.subscriptions.maxEntries } : {}),
    onChange: (id, subscription) => bus.emit('subscriptions.changed', { id, subscription }),
  });
  subscriptions.start();
  const choose = createChoose({
    queue,
    tracker,
    downloads,
    library: () => library,
    getTools: () => tools,
    getSettings: () => settings.get(),
    lister: createYtDlpLister({ getYtDlp: () => tools.ytDlp.path ?? null, tracker }),
    notify: (e) => bus.emit('choose.listing', e),
  });
  const live = createLive({
    getTools: () => tools,
    getLibraryDir: libraryDir,
    library: () => library,
    probe: (url) => choose.probe(url),
    notify: (r) => {
      bus.emit('live.changed', r);
      if (r.videoId) bus.emit('library.changed', { videoIds: [r.videoId] });
    },
    now,
    tracker,
  });
  const imports = createImports({
    db,
    queue,
    libraryDir,
    layout: () => settings.get().layout,
    ffprobe: () => (tools.ffmpeg.path ? ffprobeFor(tools.ffmpeg.path) : null),
    now,
    onStatus: (s) => bus.emit('import.changed', s),
    borrowSlot: downloads.borrowSlot,
    onVideos: (ids, inLibrary) => {
      onLibraryChange(ids);
      // Imported files without a picture or a duration get them from the file, like downloads do.
      if (inLibrary && tools.ffmpeg.found) enqueueLibraryPosters(queue, ids.flatMap((id) => library.get(id) ?? []));
    },
    importArchive: (keys) => subscriptions.importArchive(keys.join('\n')).added,
  });
  const views = { job: (job: QueueJob) => toJobView(job, { subscriptionTitle: subscriptions.titleOf }) };
  const stopQueueEvents = queue.on((e) => bus.emit('job', e));
  const stopCoalescer = createCoalescer({ bus, emit: (name, payload) => events.emit(name, payload), toJobView: views.job });
  const stopBridge = () => {
    stopQueueEvents();
    stopCoalescer();
  };

  const reorganize = createReorganizeService({
    db,
    queue,
    libraryDir,
    layout: () => settings.get().layout ?? DEFAULT_LAYOUT,
    onChange: onLibraryChange,
    onStatus: (s) => bus.emit('library.reorganize', s),
    borrowSlot: downloads.borrowSlot,
  });
  // Before anything reads a video's path: a move a killed launch left half done is finished or
  // undone, so every row points at its file again.
  try {
    await reorganize.recover();
  } catch (err) {
    console.warn('[vidkeep] could not finish an interrupted library reorganize; it is retried on the next one', err);
  }
  // Files that vanished while VidKeep was not running (orphaned processes were ended earlier).
  library.markMissing();
  // A new database over a library that holds videos: bring them back (before the queue claims work).
  imports.rebuildIfEmpty();
  try {
    await queue.start();
  } catch (err) {
    stopBridge();
    await queue.stop().catch(() => undefined);
    throw err;
  }

  const LAST_CHECK = 'ytdlp.lastUpdateCheck';
  const lastUpdateCheck = () => {
    const v = Number(settings.getRaw(LAST_CHECK));
    return Number.isFinite(v) && v > 0 ? v : null;
  };
  let updating: Promise<AppInfo> | null = null;
  const runUpdate = async (): Promise<AppInfo> => {
    settings.setRaw(LAST_CHECK, String(now()));
    try {
      await updateYtDlp({ userDataDir: options.dataDir, channel: sites.config.get().ytDlp.channel, ...(options.ytDlpReleaseUrl ? { baseUrl: options.ytDlpReleaseUrl } : {}) });
    } catch (err) {
      if (err instanceof VidKeepError) throw err;
      throw new VidKeepError('internal', 'Updating yt-dlp failed unexpectedly; your current copy is unchanged.', err instanceof Error ? err.message : String(err));
    }
    await core.refreshTools();
    return core.info();
  };
  const dailyCheck = startDailyCheck({
    enabled: () => (options.allowAutoUpdate ?? options.host === 'electron') && sites.config.get().ytDlp.autoUpdate,
    lastCheck: lastUpdateCheck,
    run: async () => void (await core.updateYtDlp()),
    now,
    log: (msg) => console.warn(`[vidkeep] ${msg}`),
  });

  const core: Core = {
    db,
    bus,
    events,
    views,
    settings,
    queue,
    get library() {
      return library;
    },
    downloads,
    subscriptions,
    choose,
    live,
    imports,
    sites,
    reorganize,
    pauses,
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
      deno: tools.deno,
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
    updateYtDlp() {
      // Two clicks, or a click during the daily check, share one update.
      updating ??= runUpdate().finally(() => (updating = null));
      return updating;
    },
    lastUpdateCheck,
    resolveMedia: (kind, videoId) => library.resolveMedia(videoId, kind),
    subtitleVtt: (videoId, lang) => library.subtitleVtt(videoId, lang),
    suspend: () => pauses.add('system'),
    resume() {
      pauses.remove('system');
      queue.catchUp();
    },
    async close() {
      // A recording being stopped keeps what it has; it must end before the database closes.
      await live.close();
      dailyCheck.stop();
      await queue.stop();
      stopBridge();
      subscriptions.stop();
      choose.close();
      db.close();
      lock.release();
    },
  };
  (core as { handlers: Handlers }).handlers = createHandlers(core, {
    sitesChanged: () => dailyCheck.rearm(),
    reopenLibrary(dir) {
      mkdirSync(dir, { recursive: true });
      library = createLibrary({ db, libraryDir: dir, now, ...trash, onChange: onLibraryChange });
    },
  });
  return core;
}

