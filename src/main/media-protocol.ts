import { Readable } from 'node:stream';
import type { CustomScheme } from 'electron';
import type { Core } from '../core/index';
import { serveMediaFile, serveWebVtt } from '../core/media/serve';
import type { ShellElectron } from './electron-api';

export const MEDIA_SCHEME = 'vidkeep-media';

/** Registered with the app scheme in one call before 'ready' (Electron allows only one). */
export const MEDIA_SCHEME_DEF: CustomScheme = { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } };

/** vidkeep-media://video/<id>, thumb/<id> and sub/<id>/<lang> (WebVTT): ids only, never paths. */
export function handleMediaProtocol(protocol: ShellElectron['protocol'], core: Core): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const kind = url.hostname === 'video' || url.hostname === 'thumb' ? url.hostname : null;
    let id = '';
    try {
      id = decodeURIComponent(url.pathname.replace(/^\//, ''));
    } catch {
      id = '';
    }
    const sub = url.hostname === 'sub' ? /^([^/]+)\/([A-Za-z0-9_-]{1,20})$/.exec(id) : null;
    const r = sub
      ? serveWebVtt(await core.subtitleVtt(sub[1]!, sub[2]!))
      : await serveMediaFile(kind && id && !id.includes('/') ? await core.resolveMedia(kind, id) : null, request.headers.get('range'));
    const body = r.body ? (Readable.toWeb(r.body) as ReadableStream) : null;
    return new Response(body, { status: r.status, headers: r.headers });
  });
}
