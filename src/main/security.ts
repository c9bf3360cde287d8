import type { BrowserWindowConstructorOptions } from 'electron';
import { pathToFileURL } from 'node:url';

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
export function windowOptions(preload: string, bounds?: { x?: number; y?: number; width: number; height: number }): BrowserWindowConstructorOptions {
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
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
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

/**
 * Whether `url` is VidKeep's own page: the exact dev-server origin, or the exact built index.html
 * file (query and hash aside). A prefix match would also trust `file:///…/renderer/index.html.evil`.
 */
export function isAppUrlFor(entry: { url?: string; file?: string }, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (entry.url) return u.origin === new URL(entry.url).origin;
  if (!entry.file || u.protocol !== 'file:') return false;
  return `file://${u.host}${u.pathname}` === pathToFileURL(entry.file).href;
}
