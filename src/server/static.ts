import { createReadStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built renderer; unknown paths fall back to index.html so deep links load the app. */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse, extraHeaders: Record<string, string>, head = false): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const target = normalize(join(root, rel === '/' ? 'index.html' : rel));
  const inside = target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
  let file = inside ? target : join(root, 'index.html');
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) file = join(root, 'index.html');
  } catch {
    file = join(root, 'index.html');
  }
  try {
    const st = await fs.stat(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(st.size),
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      ...extraHeaders,
    });
  } catch {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The VidKeep interface has not been built. Run `npm run build`.\n');
    return;
  }
  if (head) {
    res.end();
    return;
  }
  // pipeline closes the file when the client goes away and never leaves a read error unhandled.
  await pipeline(createReadStream(file), res).catch(() => res.destroy());
}
