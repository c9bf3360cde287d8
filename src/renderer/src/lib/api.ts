/**
 * The only code in the renderer that touches a transport. Under Electron the preload exposes
 * `window.vidkeep`; in the headless host we speak the same contract over a WebSocket.
 */
import type { Channel, EventName, Events, InvokeResult, Req, Res } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import type { Bridge } from '../../../shared/bridge';

export class ApiError extends Error implements ErrorInfo {
  code: ErrorInfo['code'];
  hint?: string;
  values?: ErrorInfo['values'];
  constructor(info: ErrorInfo) {
    super(info.message);
    this.code = info.code;
    if (info.hint) this.hint = info.hint;
    if (info.values) this.values = info.values;
  }
}

type Pending = { resolve: (r: InvokeResult<unknown>) => void };

function webSocketBridge(): Bridge {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const pending = new Map<number, Pending>();
  const outbox: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;
  const token = new URLSearchParams(location.search).get('token') ?? sessionStorage.getItem('vidkeep.token');
  if (token) sessionStorage.setItem('vidkeep.token', token);
  if (new URLSearchParams(location.search).has('token')) {
    // Keep the secret out of the address bar, history and screenshots; the session remembers it.
    const clean = new URL(location.href);
    clean.searchParams.delete('token');
    history.replaceState(history.state, '', clean.pathname + clean.search + clean.hash);
  }

  const connect = () => {
    const url = new URL('/ws', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    if (token) url.searchParams.set('token', token);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const m of outbox.splice(0)) ws.send(m);
      dispatchLocal('connection', { connected: true });
    };
    ws.onmessage = (ev) => {
      let msg: { id?: number; result?: InvokeResult<unknown>; event?: string; payload?: unknown };
      try {
        msg = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      if (typeof msg.id === 'number' && msg.result) {
        pending.get(msg.id)?.resolve(msg.result);
        pending.delete(msg.id);
      } else if (typeof msg.event === 'string') {
        dispatchLocal(msg.event, msg.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      dispatchLocal('connection', { connected: false });
      for (const [id, p] of pending) {
        p.resolve({ ok: false, error: { code: 'internal', message: 'Lost the connection to VidKeep.', hint: 'It will reconnect by itself.', values: { reason: 'connection' } } });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };

  const dispatchLocal = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };

  connect();
  return {
    host: 'web',
    invoke(channel, payload) {
      const id = nextId++;
      const text = JSON.stringify({ id, channel, payload });
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(text);
        else outbox.push(text);
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

const bridge: Bridge = window.vidkeep ?? webSocketBridge();

export const api = {
  host: bridge.host,
  async invoke<C extends Channel>(channel: C, payload: Req<C>): Promise<Res<C>> {
    const result = await bridge.invoke(channel, payload);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as Res<C>;
  },
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    return bridge.on(event, listener as (p: unknown) => void);
  },
  /** Web host only: fires when the socket connects or drops. */
  onConnection(listener: (state: { connected: boolean }) => void): () => void {
    return bridge.on('connection', listener as (p: unknown) => void);
  },
  mediaUrl(videoId: string): string {
    return bridge.host === 'electron' ? `vidkeep-media://video/${encodeURIComponent(videoId)}` : `/media/video/${encodeURIComponent(videoId)}${tokenQuery()}`;
  },
  /** One language of a video's subtitles, always served as WebVTT. */
  subtitleUrl(videoId: string, lang: string): string {
    const path = `${encodeURIComponent(videoId)}/${encodeURIComponent(lang)}`;
    return bridge.host === 'electron' ? `vidkeep-media://sub/${path}` : `/media/sub/${path}${tokenQuery()}`;
  },
  thumbUrl(videoId: string): string {
    return bridge.host === 'electron' ? `vidkeep-media://thumb/${encodeURIComponent(videoId)}` : `/media/thumb/${encodeURIComponent(videoId)}${tokenQuery()}`;
  },
};

function tokenQuery(): string {
  const t = sessionStorage.getItem('vidkeep.token');
  return t ? `?token=${encodeURIComponent(t)}` : '';
}

export type Api = typeof api;
