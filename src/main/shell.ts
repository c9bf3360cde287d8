import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core/index';
import { dispatch } from '../core/dispatch';
import { toErrorInfo } from '../shared/errors';
import type { Res } from '../shared/contract';
import { APP_SCHEME_DEF, handleAppProtocol } from './app-protocol';
import type { ShellElectron, WindowLike } from './electron-api';
import { wireIpc } from './ipc';
import { wireJobFeedback } from './job-feedback';
import { handleMediaProtocol, MEDIA_SCHEME_DEF } from './media-protocol';
import { wordsFor } from './words';
import { appMenuTemplate } from './menu';
import { installPermissionHandlers } from './permissions';
import { entryUrl, isAppUrlFor, rendererEntry } from './security';
import { createMainWindow } from './window';
import { keepsRunning } from './background';
import { linksFromArgs, PROTOCOL } from './send-links';
import { createTray } from './tray';

export interface ShellDeps {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  resourcesPath: string;
  /** The built renderer folder: the only files app://vidkeep/ serves. */
  rendererDir: string;
  preload: string;
  /** better-sqlite3 built for Electron's ABI, or null when it has not been built. */
  nativeBinding(): string | null;
  /** Knobs a test turns (grace period, yt-dlp); the app passes none. */
  core?: Pick<CoreOptions, 'shutdownGraceMs' | 'ytDlpPath' | 'downloads'>;
}

export interface Shell {
  /** Settles once start-up has finished or failed (at once for a second instance). */
  readonly started: Promise<void>;
}

/** `vidkeep <url>` and `vidkeep://add?url=…`; jobs.add checks them as it checks a paste. */
const urlsIn = linksFromArgs;

/**
 * The Electron lifecycle around the core: one instance, the window, protocols, IPC, power events
 * and a clean quit. Electron comes in as a parameter so a test can boot this against a fake.
 */
export function createShell(electron: ShellElectron, deps: ShellDeps): Shell {
  const { app, protocol } = electron;
  let core: Core | null = null;
  let win: WindowLike | null = null;
  let quitting = false;
  const disposers: Array<() => void> = [];
  // Links from a second launch that arrive while the core is still starting.
  const pendingUrls: string[] = [];

  if (deps.env.VIDKEEP_DATA_DIR) app.setPath('userData', deps.env.VIDKEEP_DATA_DIR);
  // Before 'ready', and once: Electron takes a single call with every privileged scheme.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_DEF, MEDIA_SCHEME_DEF]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { started: Promise.resolve() };
  }

  const entry = rendererEntry(deps.env, app.isPackaged);
  const isAppUrl = (url: string) => isAppUrlFor(entry, url);
  const openWindow = (c: Core) => {
    const w = createMainWindow(electron, c, { preload: deps.preload, url: entryUrl(entry), isAppUrl, devTools: !app.isPackaged });
    win = w;
    w.on('close', (event) => {
      if (quitting || !core) return;
      const bg = core.settings.get().background;
      if (!keepsRunning(bg, core.subscriptions.list().length)) return;
      // Subscriptions only check while VidKeep runs: the window hides, the tray stays.
      event.preventDefault();
      w.hide();
      if (!bg.toldKeepRunning) {
        if (electron.Notification.isSupported()) {
          const w = userWords();
          new electron.Notification({ title: w.t('tray.keptRunning.title'), body: w.t('tray.keptRunning.body') }).show();
        }
        void dispatch(core.handlers, 'settings.set', { background: { toldKeepRunning: true } });
      }
    });
    w.on('closed', () => (win = null));
  };
  const showWindow = () => {
    if (win && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    } else if (core) openWindow(core);
  };

  // macOS opens vidkeep:// links in the running app rather than in a second launch.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const urls = urlsIn([url]);
    if (core) {
      showWindow();
      void addLinks(core, urls);
    } else pendingUrls.push(...urls);
  });

  app.on('second-instance', (_e, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
    const urls = urlsIn(argv);
    if (core) void addLinks(core, urls);
    else pendingUrls.push(...urls);
  });

  const systemWords = () => wordsFor(undefined, app.getPreferredSystemLanguages?.() ?? []);
  /** The language chosen in Settings (else the system's), for what the tray and notifications say. */
  const userWords = () => wordsFor(core?.settings.get().language, app.getPreferredSystemLanguages?.() ?? []);

  async function start(): Promise<void> {
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(appMenuTemplate(deps.platform, app.isPackaged, systemWords().t('menu.view'))));
    handleAppProtocol(protocol, deps.rendererDir);
    installPermissionHandlers(electron.session.defaultSession, isAppUrl);
    const nativeBinding = deps.nativeBinding();
    if (!nativeBinding) {
      throw Object.assign(new Error('VidKeep’s database module has not been built for this Electron version.'), {
        code: 'internal',
        hint: 'Run `npm run rebuild:electron` once, then start VidKeep again.',
      });
    }
    const c = await createCore({
      dataDir: app.getPath('userData'),
      libraryDir: deps.env.VIDKEEP_LIBRARY_DIR ?? join(app.getPath('videos'), 'VidKeep'),
      resourcesDir: deps.resourcesPath,
      nativeBinding,
      host: 'electron',
      version: app.getVersion(),
      allowToolPathChange: true,
      trashItem: (path) => electron.shell.trashItem(path),
      // Import's folder picker: the OS dialog, so the renderer never types a path on the desktop.
      pickFolder: async () => {
        const r = await electron.dialog.showOpenDialog({ properties: ['openDirectory'] });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      ...(deps.env.VIDKEEP_YTDLP_RELEASE_URL ? { ytDlpReleaseUrl: deps.env.VIDKEEP_YTDLP_RELEASE_URL } : {}),
      ...deps.core,
    });
    core = c;
    handleMediaProtocol(protocol, c);
    wireIpc(electron, c, () => win, isAppUrl);
    openWindow(c);
    disposers.push(wireJobFeedback(electron, c, () => win));
    // Packaged apps register the link handler; a development run must not take it from an installed VidKeep.
    if (app.isPackaged) app.setAsDefaultProtocolClient(PROTOCOL);
    const tray = createTray(electron, c, join(deps.resourcesPath, 'icon.png'), { open: showWindow, quit: () => app.quit() }, userWords);
    let login: boolean | null = null;
    const applyLogin = () => {
      const want = c.settings.get().background.startAtLogin;
      if (want !== login) app.setLoginItemSettings({ openAtLogin: (login = want) });
    };
    applyLogin();
    const offLogin = c.events.onAny((name) => name === 'settings.changed' && applyLogin());
    disposers.push(() => tray.dispose(), offLogin);

    // Sleep holds the queue; waking lifts only that hold (the user's Pause all stays) and lets
    // schedules catch up per their policy.
    electron.powerMonitor.on('suspend', () => core?.suspend());
    electron.powerMonitor.on('resume', () => core?.resume());

    app.on('activate', () => {
      if (!win && core) openWindow(core);
    });
    await addLinks(c, [...urlsIn(deps.argv), ...pendingUrls.splice(0)]);
  }

  /** Links given on the command line (or to a second launch) go through the same checks as the UI's. */
  async function addLinks(c: Core, urls: string[]): Promise<void> {
    if (urls.length === 0) return;
    const r = await dispatch(c.handlers, 'jobs.add', { urls: urls.slice(0, 1000), origin: 'command-line' });
    if (!r.ok) return console.error(`[vidkeep] could not add links from the command line: ${r.error.message}`);
    // Sent from a browser or a terminal, nobody watches the paste box: a refused link is said aloud.
    for (const j of (r.value as Res<'jobs.add'>).jobs) {
      if (!j.error) continue;
      console.error(`[vidkeep] could not add ${j.url.slice(0, 200)}: ${j.error.message}`);
      if (electron.Notification.isSupported()) {
        const w = userWords();
        new electron.Notification({ title: w.t('tray.linkRefused'), body: w.error(j.error) }).show();
      }
    }
  }

  function fail(err: unknown): void {
    const info = toErrorInfo(err);
    const hint = (err as { hint?: string }).hint ?? info.hint;
    // No settings to read yet: the system's language.
    const w = systemWords();
    const worded = { ...info, ...(hint ? { hint } : {}) };
    const detail = w.hint(worded);
    electron.dialog.showErrorBox(w.t('startup.failed'), `${w.error(worded)}${detail ? `\n\n${detail}` : ''}`);
    app.exit(1);
  }

  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    // Let running downloads stop cleanly and go back to the queue before the process exits.
    event.preventDefault();
    quitting = true;
    const c = core;
    core = null;
    for (const d of disposers.splice(0)) d();
    void c.close().finally(() => app.quit());
  });

  return { started: app.whenReady().then(start).catch(fail) };
}
