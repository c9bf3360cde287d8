import { createReadStream, promises as fs } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { parseRange } from './range';

const TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.mov': 'video/quicktime',
  '.m4a': 'audio/mp4',
  '.mp3': 'audio/mpeg',
  '.opus': 'audio/ogg',
  '.ogg': 'audio/ogg',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

export interface MediaResponse {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

export const notFound = (): MediaResponse => ({ status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: null });

/** Subtitles, converted to WebVTT in memory (they are small); 404 when there is none. */
export function serveWebVtt(text: string | null): MediaResponse {
  if (text === null) return notFound();
  const body = Buffer.from(text, 'utf8');
  return {
    status: 200,
    headers: { 'content-type': 'text/vtt; charset=utf-8', 'content-length': String(body.length), 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
    body: Readable.from([body]),
  };
}

/** Streams a file the library already resolved (inside its real path), honouring one Range. */
export async function serveMediaFile(absPath: string | null, rangeHeader: string | null | undefined): Promise<MediaResponse> {
  if (!absPath) return notFound();
  let size: number;
  try {
    const st = await fs.stat(absPath);
    if (!st.isFile()) return notFound();
    size = st.size;
  } catch {
    return notFound();
  }
  const base = {
    'content-type': TYPES[extname(absPath).toLowerCase()] ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  const range = parseRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...base, 'content-range': `bytes */${size}` }, body: null };
  }
  if (range.kind === 'partial') {
    return {
      status: 206,
      headers: { ...base, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': String(range.end - range.start + 1) },
      body: createReadStream(absPath, { start: range.start, end: range.end }),
    };
  }
  return { status: 200, headers: { ...base, 'content-length': String(size) }, body: createReadStream(absPath) };
}
