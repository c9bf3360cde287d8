import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, type InvokeResult } from '../shared/contract';
import type { Core } from '../core/index';
import { dispatch } from '../core/dispatch';
import { serveMediaFile, serveWebVtt } from '../core/media/serve';
import { refusalLocale, refusalText } from './refusal';
import { checkAccess, checkTokenStrength, isLoopback, type AccessPolicy } from './auth';
import { createConnectionLimits } from './connection-limits';
import { isForeignFetch, MEDIA_ISOLATION_HEADERS } from './fetch-site';
import { guardHandlers } from './guarded-handlers';
import { resolveLibraryRoots } from './library-roots';
import { serveStatic } from './static';

export interface WebHostOptions {
  core: Core;
  host?: string;
  port?: number;
  token?: string | null;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** `--library-root` folders: a browser may move the library only inside them (none: not at all). */
  libraryRoots?: readonly string[];
  /** Caps; the defaults suit people, tests lower them. */
  limits?: { socketsPerClient?: number; socketsTotal?: number; urlsPerRequest?: number; queuedDownloads?: number };
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** The headless host: the same contract as the Electron IPC, over HTTP + WebSocket. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core } = options;
  const bind = options.host ?? '127.0.0.1';
  if (!isLoopback(bind) && !options.token) throw new Error('A token is required to listen beyond this computer.');
  if (options.token) checkTokenStrength(options.token);
  const limits = options.limits ?? {};
  const handlers = guardHandlers(core, {
    libraryRoots: resolveLibraryRoots(options.libraryRoots ?? []),
    ...(limits.urlsPerRequest !== undefined ? { maxUrlsPerRequest: limits.urlsPerRequest } : {}),
    ...(limits.queuedDownloads !== undefined ? { maxQueuedDownloads: limits.queuedDownloads } : {}),
  });
  const sockets = createConnectionLimits({
    ...(limits.socketsPerClient !== undefined ? { perClient: limits.socketsPerClient } : {}),
    ...(limits.socketsTotal !== undefined ? { total: limits.socketsTotal } : {}),
  });
  const policy: AccessPolicy = { allowedHosts: new Set(), token: options.token ?? null };

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((err) => {
      console.error('[vidkeep] request failed', err);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkAccess(req, policy);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8', 'content-language': refusalLocale(req) }).end(`${refusalText(verdict.reason, req)}\n`);
      return;
    }
    const extra: Record<string, string> = { ...SECURITY_HEADERS, ...(verdict.setCookie ? { 'set-cookie': verdict.setCookie } : {}) };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const media = /^\/media\/(video|thumb|sub)\/([^/]+)(?:\/([A-Za-z0-9_-]{1,20}))?$/.exec(url.pathname);
    if (media && (media[1] === 'sub') === (media[3] !== undefined)) {
      const isolated = { ...extra, ...MEDIA_ISOLATION_HEADERS };
      if (isForeignFetch(req)) {
        res.writeHead(403, { ...isolated, 'content-type': 'text/plain; charset=utf-8', 'content-language': refusalLocale(req) }).end(`${refusalText('media', req)}\n`);
        return;
      }
      let id: string;
      try {
        id = decodeURIComponent(media[2]!);
      } catch {
        id = '';
      }
      const r =
        media[1] === 'sub'
          ? serveWebVtt(id ? await core.subtitleVtt(id, media[3]!) : null)
          : await serveMediaFile(id ? await core.resolveMedia(media[1] as 'video' | 'thumb', id) : null, req.headers.range);
      res.writeHead(r.status, { ...isolated, ...r.headers });
      if (r.body && req.method === 'GET') await pipeline(r.body, res).catch(() => res.destroy());
      else {
        r.body?.destroy();
        res.end();
      }
      return;
    }
    if (url.pathname.startsWith('/media/')) {
      res.writeHead(404, { ...extra, ...MEDIA_ISOLATION_HEADERS }).end();
      return;
    }
    await serveStatic(options.staticDir, url.pathname, res, extra, req.method === 'HEAD');
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * MAX_MESSAGE_BYTES });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const verdict = checkAccess(req, policy);
    const url = new URL(req.url ?? '/', 'http://x');
    if (!verdict.ok || url.pathname !== '/ws') {
      socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} ${verdict.ok ? 'Not Found' : 'Refused'}\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const admission = sockets.admit(req.socket.remoteAddress ?? 'unknown');
      if (!admission.ok) {
        // Said over the socket (a browser cannot read a refused upgrade's answer), then closed.
        ws.send(JSON.stringify({ id: null, result: { ok: false, error: { code: 'too-many-connections', message: admission.message, values: admission.values } } }));
        ws.close(1008, 'Too many connections');
        return;
      }
      clients.add(ws);
      const drop = () => {
        clients.delete(ws);
        admission.release();
      };
      ws.on('close', drop);
      ws.on('error', drop);
      ws.on('message', (data, isBinary) => void onMessage(ws, data as Buffer, isBinary));
    });
  });

  const inFlight = new WeakMap<WebSocket, number>();
  async function onMessage(ws: WebSocket, data: Buffer, isBinary: boolean): Promise<void> {
    const reply = (id: unknown, result: InvokeResult<unknown>) => send(ws, JSON.stringify({ id, result }));
    if (isBinary || data.byteLength > MAX_MESSAGE_BYTES) {
      reply(null, { ok: false, error: { code: 'payload-too-large', message: `Requests are limited to ${MAX_MESSAGE_BYTES / 1024} KB.`, values: { kb: MAX_MESSAGE_BYTES / 1024 } } });
      return;
    }
    let msg: { id?: unknown; channel?: unknown; payload?: unknown };
    try {
      msg = JSON.parse(data.toString('utf8'));
      if (!msg || typeof msg !== 'object') throw new Error('not an object');
    } catch {
      reply(null, { ok: false, error: { code: 'invalid-input', message: 'That message was not valid JSON.' } });
      return;
    }
    // A page that fires requests faster than they finish gets told to slow down, not an unbounded backlog.
    const busy = inFlight.get(ws) ?? 0;
    if (busy >= MAX_IN_FLIGHT) {
      reply(msg.id ?? null, { ok: false, error: { code: 'busy', message: 'Too many requests at once.', hint: 'Wait for the ones already sent to finish.' } });
      return;
    }
    inFlight.set(ws, busy + 1);
    try {
      reply(msg.id ?? null, await dispatch(handlers, msg.channel, msg.payload));
    } finally {
      inFlight.set(ws, (inFlight.get(ws) ?? 1) - 1);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bind, () => resolve());
  });
  const unsubscribe = core.events.onAny((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of clients) send(ws, text);
  });
  const port = (server.address() as AddressInfo).port;
  const hostName = bind.includes(':') ? `[${bind}]` : bind;
  for (const h of [hostName, 'localhost', '127.0.0.1', ...(bind === '0.0.0.0' || bind === '::' ? lanAddresses() : [])]) {
    policy.allowedHosts.add(`${h}:${port}`.toLowerCase());
  }
  const url = `http://${hostName}:${port}/`;

  return {
    url,
    port,
    async close() {
      unsubscribe();
      for (const ws of clients) ws.close(1001, 'VidKeep is shutting down');
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Requests one connection may have running at once. */
export const MAX_IN_FLIGHT = 64;
/** Bytes queued for a client that is not reading before it is dropped; it reconnects and reloads. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

function send(ws: WebSocket, text: string): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    ws.terminate();
    return;
  }
  ws.send(text);
}

function lanAddresses(): string[] {
  const out = [hostname()];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) out.push(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  }
  return out;
}
