/**
 * Fetches one release file with a deadline and a size cap. Every way it can go wrong (offline,
 * DNS, 404, timeout, a body cut short) becomes a VidKeepError; nothing is left to emit an
 * unhandled 'error' event, which is what took the host down with yt-dlp-wrap's downloader.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { VidKeepError } from '../../shared/errors';

export type FetchFn = typeof fetch;

export interface FetchFileOptions {
  fetch?: FetchFn;
  /** Whole request, body included (default 2 min). */
  timeoutMs?: number;
  maxBytes: number;
}

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function explain(err: unknown, url: string, timedOut: boolean): VidKeepError {
  if (err instanceof VidKeepError) return err;
  if (timedOut) return new VidKeepError('timeout', `${host(url)} did not answer in time.`, 'Check the internet connection and try again later.', { reason: 'release', host: host(url) });
  const cause = (err as { cause?: { code?: string; message?: string } } | null)?.cause;
  const code = cause?.code ?? (err as { code?: string } | null)?.code ?? '';
  const detail = (cause?.message ?? (err instanceof Error ? err.message : String(err))).slice(0, 200);
  if (/ENOTFOUND|EAI_AGAIN/.test(code)) return new VidKeepError('network', `VidKeep could not reach ${host(url)}: this computer seems to be offline.`, `Check the internet connection and try again (${detail}).`, { reason: 'offline', host: host(url) });
  return new VidKeepError('network', `VidKeep could not download from ${host(url)}.`, `Check the internet connection and try again (${detail}).`, { reason: 'release', host: host(url) });
}

async function withDeadline<T>(url: string, o: FetchFileOptions, body: (res: Response) => Promise<T>): Promise<T> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, o.timeoutMs ?? 120_000);
  try {
    const res = await (o.fetch ?? fetch)(url, { signal: ctrl.signal, redirect: 'follow' });
    if (res.status === 404) throw new VidKeepError('not-found', `The release server has no ${url.split('/').pop()} (404).`, 'The release may not be published for this channel yet; try the other channel or later.', { reason: 'releaseFile', file: String(url.split('/').pop()) });
    if (!res.ok) throw new VidKeepError('network', `The release server answered ${res.status} for ${url.split('/').pop()}.`, 'Try again later.', { reason: 'releaseStatus', status: res.status, file: String(url.split('/').pop()) });
    const announced = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(announced) && announced > o.maxBytes) throw new VidKeepError('invalid-input', `${url.split('/').pop()} is larger than VidKeep accepts (${announced} bytes).`);
    return await body(res);
  } catch (err) {
    throw explain(err, url, timedOut);
  } finally {
    clearTimeout(timer);
  }
}

export function fetchText(url: string, o: FetchFileOptions): Promise<string> {
  return withDeadline(url, o, async (res) => {
    const text = await res.text();
    if (text.length > o.maxBytes) throw new VidKeepError('invalid-input', `${url.split('/').pop()} is larger than VidKeep accepts.`);
    return text;
  });
}

/** Streams the body to `dest` and returns its SHA-256; a failed or oversized transfer leaves no file. */
export function fetchToFile(url: string, dest: string, o: FetchFileOptions): Promise<{ sha256: string; bytes: number }> {
  return withDeadline(url, o, async (res) => {
    if (!res.body) throw new VidKeepError('network', `The release server sent an empty answer for ${url.split('/').pop()}.`);
    const hash = createHash('sha256');
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > o.maxBytes) return done(new VidKeepError('invalid-input', `${url.split('/').pop()} is larger than VidKeep accepts.`));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(res.body as WebReadableStream), count, createWriteStream(dest, { mode: 0o600 }));
    } catch (err) {
      rmSync(dest, { force: true });
      throw err;
    }
    return { sha256: hash.digest('hex'), bytes };
  });
}
