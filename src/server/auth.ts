import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { VidKeepError } from '../shared/errors';

export interface AccessPolicy {
  /** Host:port values this server answers to. */
  allowedHosts: Set<string>;
  /** Required when bound beyond loopback. */
  token: string | null;
}

const COOKIE = 'vidkeep_token';

/** Shortest access token accepted: a short one can be guessed by trying, over the network. */
export const MIN_TOKEN_LENGTH = 20;

/** Throws a human message for a token too short to protect anything. */
export function checkTokenStrength(token: string): void {
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new VidKeepError('invalid-input', `The access token is too short (${token.length} characters; at least ${MIN_TOKEN_LENGTH} are needed).`, 'Leave --token out and VidKeep makes a strong one for you, or use a longer random one.');
  }
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readToken(req: IncomingMessage, url: URL): string | null {
  const q = url.searchParams.get('token');
  if (q) return q;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  const cookie = req.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Why a request was refused: worded from the catalog in the browser's language (refusal.ts). */
export type Refusal = 'host' | 'origin' | 'crossSite' | 'token';
export type Verdict = { ok: true; setCookie?: string } | { ok: false; status: 401 | 403; reason: Refusal };

/**
 * DNS-rebinding and cross-site defence: the Host must be ours, an Origin (when sent) must be ours,
 * and beyond loopback a token is needed.
 */
export function checkAccess(req: IncomingMessage, policy: AccessPolicy): Verdict {
  const host = req.headers.host ?? '';
  if (!policy.allowedHosts.has(host.toLowerCase())) return { ok: false, status: 403, reason: 'host' };
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost = '';
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return { ok: false, status: 403, reason: 'origin' };
    }
    if (!policy.allowedHosts.has(originHost)) return { ok: false, status: 403, reason: 'crossSite' };
  }
  if (policy.token) {
    const url = new URL(req.url ?? '/', 'http://x');
    const given = readToken(req, url);
    if (!given || !safeEqual(given, policy.token)) return { ok: false, status: 401, reason: 'token' };
    if (url.searchParams.has('token')) {
      return { ok: true, setCookie: `${COOKIE}=${encodeURIComponent(policy.token)}; HttpOnly; SameSite=Strict; Path=/` };
    }
  }
  return { ok: true };
}
