/** Netscape cookies.txt: parsing with clear reasons, and writing. Pure. */
import { VidKeepError, type ErrorValues } from '../../shared/errors';

export interface Cookie {
  domain: string;
  /** `#HttpOnly_` prefix in the file. */
  httpOnly: boolean;
  includeSubdomains: boolean;
  path: string;
  secure: boolean;
  /** Seconds since epoch; 0 = session cookie. */
  expires: number;
  name: string;
  value: string;
}

/** A cookies.txt for one site is a few kB; the cap stays under what one request may carry. */
export const MAX_COOKIE_FILE_BYTES = 200 * 1024;
const MAX_COOKIES = 5000;

const EXPORT_AGAIN = 'Export the cookies again with a “cookies.txt” browser extension (Netscape format), while signed in to the site.';
/** `values.reason` (and the line's `problem`) let the UI word it from its catalog. */
const bad = (message: string, values: ErrorValues, hint = EXPORT_AGAIN) => new VidKeepError('invalid-input', message, hint, values);

/** Parses and checks every line; throws on the first line that is not a cookie. */
export function parseCookieFile(text: string): Cookie[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_COOKIE_FILE_BYTES) throw bad(`That cookies file is too large (${Math.round(bytes / 1024)} kB; VidKeep accepts up to 200 kB).`, { reason: 'cookiesTooLarge', size: Math.round(bytes / 1024) }, 'Export only the cookies of this one site.');
  if (text.includes('\0')) throw bad('That file is not text; it cannot be a cookies.txt file.', { reason: 'cookiesNotText' });
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw bad('That cookies file is empty.', { reason: 'cookiesEmpty' });
  if (/^[[{]/.test(trimmed)) throw bad('That is a JSON cookie export; VidKeep needs a cookies.txt file in Netscape format.', { reason: 'cookiesJson' }, 'Use an extension that exports “cookies.txt” (Netscape format) instead of JSON.');
  const cookies: Cookie[] = [];
  const lines = trimmed.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.trim() === '') continue;
    let httpOnly = false;
    if (line.startsWith('#HttpOnly_')) {
      httpOnly = true;
      line = line.slice('#HttpOnly_'.length);
    } else if (line.startsWith('#')) continue;
    const f = line.split('\t');
    const where = `Line ${i + 1}`;
    if (f.length !== 7 && f.length !== 6) {
      throw bad(`${where} is not a cookie: a cookies.txt line has 7 fields separated by tabs, this one has ${f.length}.`, { reason: 'cookieLine', problem: 'fields', line: i + 1, count: f.length });
    }
    const [domain = '', sub = '', path = '', secure = '', expires = '', name = '', value = ''] = f;
    if (!/^\.?[A-Za-z0-9.-]+$/.test(domain) || domain.length > 253) throw bad(`${where} is not a cookie: “${domain.slice(0, 60)}” is not a site name.`, { reason: 'cookieLine', problem: 'domain', line: i + 1, domain: domain.slice(0, 60) });
    if (!/^(TRUE|FALSE)$/i.test(sub) || !/^(TRUE|FALSE)$/i.test(secure)) throw bad(`${where} is not a cookie: the 2nd and 4th fields must be TRUE or FALSE.`, { reason: 'cookieLine', problem: 'flags', line: i + 1 });
    if (!/^\d{1,12}(\.\d+)?$/.test(expires)) throw bad(`${where} is not a cookie: the 5th field must be an expiry time in seconds.`, { reason: 'cookieLine', problem: 'expiry', line: i + 1 });
    if (!path.startsWith('/')) throw bad(`${where} is not a cookie: the 3rd field must be a path starting with /.`, { reason: 'cookieLine', problem: 'path', line: i + 1 });
    if (name === '' || /[\s;=]/.test(name)) throw bad(`${where} is not a cookie: it has no valid name.`, { reason: 'cookieLine', problem: 'name', line: i + 1 });
    if (/[\r\n]/.test(value)) throw bad(`${where} is not a cookie: its value holds a line break.`, { reason: 'cookieLine', problem: 'value', line: i + 1 });
    cookies.push({ domain: domain.toLowerCase(), httpOnly, includeSubdomains: /^TRUE$/i.test(sub), path, secure: /^TRUE$/i.test(secure), expires: Math.floor(Number(expires)), name, value });
    if (cookies.length > MAX_COOKIES) throw bad(`That file holds more than ${MAX_COOKIES} cookies.`, { reason: 'cookiesTooMany', max: MAX_COOKIES }, 'Export only the cookies of this one site.');
  }
  if (cookies.length === 0) throw bad('That file holds no cookies.', { reason: 'cookiesNone' });
  return cookies;
}

export function formatCookieFile(cookies: readonly Cookie[]): string {
  const b = (v: boolean) => (v ? 'TRUE' : 'FALSE');
  const lines = cookies.map((c) => `${c.httpOnly ? '#HttpOnly_' : ''}${c.domain}\t${b(c.includeSubdomains)}\t${c.path}\t${b(c.secure)}\t${c.expires}\t${c.name}\t${c.value}`);
  return `# Netscape HTTP Cookie File\n# Written by VidKeep for one site only.\n${lines.join('\n')}\n`;
}

/** True when the cookie's domain is the site or inside it (`.m.youtube.com` in youtube.com), or the site inside a parent domain it covers. */
export function cookieBelongsTo(c: Pick<Cookie, 'domain' | 'includeSubdomains'>, site: string): boolean {
  const d = c.domain.replace(/^\./, '');
  if (d === site || d.endsWith(`.${site}`)) return true;
  // `.youtube.com` set for music.youtube.com: the cookie covers the site, but only if it was meant for subdomains.
  return (c.domain.startsWith('.') || c.includeSubdomains) && d.includes('.') && site.endsWith(`.${d}`);
}
