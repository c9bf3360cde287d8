import { BrowserWindow, screen, session, shell } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core/index';
import { CSP, isAppUrlFor, isSafeExternalUrl, windowOptions } from './security';

const BOUNDS_KEY = 'window.bounds';

type Bounds = { x: number; y: number; width: number; height: number };

function savedBounds(core: Core): Bounds | undefined {
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

export function rendererEntry(): { url?: string; file?: string } {
  const dev = process.env.ELECTRON_RENDERER_URL;
  return dev ? { url: dev } : { file: join(import.meta.dirname, '../renderer/index.html') };
}

export function isAppUrl(url: string): boolean {
  return isAppUrlFor(rendererEntry(), url);
}

export function createMainWindow(core: Core): BrowserWindow {
  session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) => cb(permission === 'clipboard-read' || permission === 'clipboard-sanitized-write' || permission === 'notifications'));

  const win = new BrowserWindow(windowOptions(join(import.meta.dirname, '../preload/index.cjs'), savedBounds(core)));
  win.once('ready-to-show', () => win.show());

  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
    }
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  const save = () => {
    if (!win.isDestroyed() && !win.isMinimized() && !win.isFullScreen()) core.settings.setRaw(BOUNDS_KEY, JSON.stringify(win.getNormalBounds()));
  };
  win.on('close', save);

  const entry = rendererEntry();
  if (entry.url) void win.loadURL(entry.url);
  else void win.loadFile(entry.file!);
  return win;
}
