import { promises as fs } from 'node:fs';
import { extname, join, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import type { ShellElectron } from './electron-api';
import { APP_HOST, APP_SCHEME, CSP } from './security';

/**
 * The renderer is served from app://vidkeep/ rather than file://: a page on file:// can read any
 * file the user can (checklist item 18), while this scheme answers only with the built renderer's
 * own files, each with the CSP as a header.
 */
/**
 * standard: relative URLs and a real origin; secure: a secure context like https. Not corsEnabled
 * and not bypassCSP: other origins cannot read it, and the CSP applies.
 */
export const APP_SCHEME_DEF: CustomScheme = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/** Headers on every answer of the scheme, refusals included. */
export const APP_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/**
 * The file under `root` that `url` names, or null for anything else: another scheme or host, a
 * user/port, an encoded slash or backslash, a dot segment (raw or encoded), a NUL, a drive letter.
 * Checked per segment before joining, so nothing is left for path normalisation to reinterpret.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return null;
  const raw = u.pathname === '/' || u.pathname === '' ? ['index.html'] : u.pathname.replace(/^\//, '').split('/');
  const segments: string[] = [];
  for (const r of raw) {
    let s: string;
    try {
      s = decodeURIComponent(r);
    } catch {
      return null;
    }
    if (s === '' || s === '.' || s === '..' || /[/\\:\0]/.test(s)) return null;
    segments.push(s);
  }
  const file = join(root, ...segments);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

const refuse = (status: 400 | 404 | 405, text: string) =>
  new Response(text, { status, headers: { ...APP_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });

/** Answers one request of the scheme from `root` (the built renderer folder). */
export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Only GET is served here.');
  const file = resolveAppFile(root, request.url);
  if (!file) return refuse(400, 'That address is not part of VidKeep.');
  try {
    // A symlink inside the folder must not lead out of it either.
    const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return refuse(404, 'Not found.');
    const st = await fs.stat(realFile);
    if (!st.isFile()) return refuse(404, 'Not found.');
    const headers = { ...APP_HEADERS, 'content-type': TYPES[extname(realFile).toLowerCase()] ?? 'application/octet-stream', 'content-length': String(st.size) };
    return new Response(request.method === 'HEAD' ? null : await fs.readFile(realFile), { status: 200, headers });
  } catch {
    return refuse(404, 'Not found.');
  }
}

/** After 'ready': app://vidkeep/… answers from `root` and from nowhere else. */
export function handleAppProtocol(protocol: ShellElectron['protocol'], root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request));
}
