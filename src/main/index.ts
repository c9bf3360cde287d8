import type { BrowserWindow } from 'electron';
import { app, dialog, Menu, Notification, powerMonitor, shell } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/index';
import { dispatch } from '../core/dispatch';
import { toErrorInfo } from '../shared/errors';
import { wireIpc } from './ipc';
import { createNotifier } from './notify';
import { wordsFor } from './words';
import type { Events } from '../shared/contract';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { electronNativeBinding } from './native';
import { createMainWindow, isAppUrl } from './window';

let core: Core | null = null;
let win: BrowserWindow | null = null;
let quitting = false;

if (process.env.VIDKEEP_DATA_DIR) app.setPath('userData', process.env.VIDKEEP_DATA_DIR);
registerMediaScheme();

const urlsIn = (argv: string[]) => argv.filter((a) => /^https?:\/\//i.test(a));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const urls = urlsIn(argv);
    if (core && urls.length) void addFromCommandLine(core, urls);
  });
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
  const nativeBinding = electronNativeBinding({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  if (!nativeBinding) {
    throw Object.assign(new Error('VidKeep’s database module has not been built for this Electron version.'), {
      code: 'internal',
      hint: 'Run `npm run rebuild:electron` once, then start VidKeep again.',
    });
  }
  core = await createCore({
    dataDir: app.getPath('userData'),
    libraryDir: process.env.VIDKEEP_LIBRARY_DIR ?? join(app.getPath('videos'), 'VidKeep'),
    resourcesDir: process.resourcesPath,
    nativeBinding,
    host: 'electron',
    version: app.getVersion(),
    allowToolPathChange: true,
    trashItem: (path) => shell.trashItem(path),
  });
  handleMediaProtocol(core);
  wireIpc(core, () => win, isAppUrl);
  win = createMainWindow(core);
  win.on('closed', () => (win = null));
  notifyOnFinish(core);

  // Sleep pauses claiming; waking resumes and lets schedules catch up per their policy.
  powerMonitor.on('suspend', () => core?.suspend());
  powerMonitor.on('resume', () => core?.resume());

  const urls = urlsIn(process.argv);
  if (urls.length) await addFromCommandLine(core, urls);

  app.on('activate', () => {
    if (!win && core) win = createMainWindow(core);
  });
}

function notifyOnFinish(c: Core): void {
  const notifier = createNotifier({
    show: (note) => {
      if (Notification.isSupported()) new Notification(note).show();
    },
    isFocused: () => win?.isFocused() ?? false,
    // Same language as the window: the one chosen in Settings, else the system's.
    words: () => wordsFor(c.settings.get().language, app.getPreferredSystemLanguages()),
  });
  const running = new Set<string>();
  c.events.onAny((name, payload) => {
    if (name === 'jobs.progress' && win) {
      const p = (payload as Events['jobs.progress']).updates[0]?.progress.percent;
      win.setProgressBar(p == null ? 2 : p / 100);
    }
    if (name !== 'jobs.changed') return;
    const { kind, job, jobId } = payload as Events['jobs.changed'];
    // The taskbar bar shows while anything runs and clears when the last one stops.
    if (kind === 'started') running.add(jobId);
    else if (kind !== 'updated' && kind !== 'added' && running.delete(jobId) && running.size === 0) win?.setProgressBar(-1);
    notifier.onJob(kind, job);
  });
}

/** Links given on the command line (or to a second launch) go through the same checks as the UI's. */
async function addFromCommandLine(c: Core, urls: string[]): Promise<void> {
  const r = await dispatch(c.handlers, 'jobs.add', { urls: urls.slice(0, 1000), origin: 'command-line' });
  if (!r.ok) console.error(`[vidkeep] could not add links from the command line: ${r.error.message}`);
}

function fail(err: unknown): void {
  const info = toErrorInfo(err);
  const hint = (err as { hint?: string }).hint ?? info.hint;
  dialog.showErrorBox('VidKeep could not start', `${info.message}${hint ? `\n\n${hint}` : ''}`);
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('before-quit', (event) => {
  if (quitting || !core) return;
  // Let running downloads stop cleanly and go back to the queue before the process exits.
  event.preventDefault();
  quitting = true;
  const c = core;
  core = null;
  c.close().finally(() => app.quit());
});
