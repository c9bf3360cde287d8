import type { Core } from '../core/index';
import type { ShellElectron, WindowLike } from './electron-api';
import { isSafeExternalUrl, windowOptions } from './security';

const BOUNDS_KEY = 'window.bounds';

type Bounds = { x: number; y: number; width: number; height: number };

function savedBounds(screen: ShellElectron['screen'], core: Core): Bounds | undefined {
  try {
    const b = JSON.parse(core.settings.getRaw(BOUNDS_KEY) ?? 'null') as Bounds | null;
    if (!b) return undefined;
    // Only restore a place that is still on a connected display.
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return b.x < a.x + a.width && b.x + b.width > a.x && b.y < a.y + a.height && b.y + b.height > a.y;
    });
    return visible ? b : { ...b, x: undefined as unknown as number, y: undefined as unknown as number };
  } catch {
    return undefined;
  }
}

export interface WindowSetup {
  preload: string;
  /** The page to load: the app scheme's index.html, or the dev server. */
  url: string;
  isAppUrl(url: string): boolean;
  devTools: boolean;
}

export function createMainWindow(electron: Pick<ShellElectron, 'BrowserWindow' | 'screen' | 'shell'>, core: Core, setup: WindowSetup): WindowLike {
  const { shell } = electron;
  const win = new electron.BrowserWindow(windowOptions(setup.preload, savedBounds(electron.screen, core), { devTools: setup.devTools }));
  win.once('ready-to-show', () => win.show());

  // New windows never open; web links go to the system browser, anything else nowhere.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!setup.isAppUrl(url)) {
      event.preventDefault();
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
    }
  });
  // Redirects are navigations too (a page could 30x itself elsewhere).
  win.webContents.on('will-redirect', (event, url) => {
    if (!setup.isAppUrl(url)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  const save = () => {
    if (!win.isDestroyed() && !win.isMinimized() && !win.isFullScreen()) core.settings.setRaw(BOUNDS_KEY, JSON.stringify(win.getNormalBounds()));
  };
  win.on('close', save);

  void win.loadURL(setup.url);
  return win;
}
