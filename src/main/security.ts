import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer's own origin (see app-protocol.ts); nothing else may talk to the core. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vidkeep';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: vidkeep-media:",
  "media-src 'self' vidkeep-media:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Kept pure so a test can check the options without an Electron binary. */
export function windowOptions(
  preload: string,
  bounds?: { x?: number; y?: number; width: number; height: number },
  o: { devTools: boolean } = { devTools: false },
): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1200,
    height: bounds?.height ?? 800,
    ...(bounds?.x !== undefined && bounds?.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'VidKeep',
    backgroundColor: '#111418',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // Packaged builds have no DevTools at all, whatever the menu or a shortcut asks.
      devTools: o.devTools,
    },
  };
}

/** Only web links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Where the window's page comes from: the app scheme, or (development only) electron-vite's server. */
export type RendererEntry = { kind: 'app' } | { kind: 'dev'; url: string };

/**
 * A packaged build always loads its own files: an environment variable must never point the
 * installed app at another page. In development only a loopback dev server is taken.
 */
export function rendererEntry(env: Record<string, string | undefined>, packaged: boolean): RendererEntry {
  const dev = env.ELECTRON_RENDERER_URL;
  if (packaged || !dev) return { kind: 'app' };
  try {
    const u = new URL(dev);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]')) return { kind: 'dev', url: dev };
  } catch {
    // not a URL: use the built renderer
  }
  return { kind: 'app' };
}

export const entryUrl = (entry: RendererEntry): string => (entry.kind === 'dev' ? entry.url : APP_ENTRY_URL);

/**
 * Whether `url` (a page URL or a bare origin) is VidKeep's own page. Compared by parts, not by
 * prefix: `app://vidkeep.evil/` and `app://vidkeep@evil/` are someone else.
 */
export function isAppUrlFor(entry: RendererEntry, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (entry.kind === 'dev') return u.origin === new URL(entry.url).origin;
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port;
}
