import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { createCore, type Core } from '../core/index';
import { startWebHost, type WebHost } from './host';

let dir: string;
let core: Core;
let host: WebHost;
let videoId: string;
let escapeId: string;
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-media-'));
  const lib = join(dir, 'lib');
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: lib, host: 'web', version: 'test' });
  mkdirSync(join(lib, 'Generic'), { recursive: true });
  writeFileSync(join(lib, 'Generic', 'clip.mp4'), BYTES);
  videoId = core.library.add({ info: { id: 'clip', extractor_key: 'Generic', title: 'Clip' }, filePath: join(lib, 'Generic', 'clip.mp4'), sourceUrl: 'https://example.com/clip', audioOnly: false }).id;
  // A file inside the library that is really a link to a file outside it.
  writeFileSync(join(dir, 'secret.mp4'), 'outside the library');
  symlinkSync(join(dir, 'secret.mp4'), join(lib, 'Generic', 'escape.mp4'));
  escapeId = core.library.add({ info: { id: 'escape', extractor_key: 'Generic', title: 'Escape' }, filePath: join(lib, 'Generic', 'escape.mp4'), sourceUrl: 'https://example.com/escape', audioOnly: false }).id;
  host = await startWebHost({ core, staticDir: dir, port: 0 });
});
afterAll(async () => {
  await host.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, range?: string): Promise<{ status: number; body: Buffer; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(`http://127.0.0.1:${host.port}${path}`, { headers: range ? { Range: range } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('media over HTTP with Range', () => {
  it('serves the whole file', async () => {
    const r = await get(`/media/video/${videoId}`);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('video/mp4');
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.body.equals(BYTES)).toBe(true);
  });

  it('serves a partial range (206)', async () => {
    const r = await get(`/media/video/${videoId}`, 'bytes=100-199');
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 100-199/1000');
    expect(r.body.equals(BYTES.subarray(100, 200))).toBe(true);
  });

  it('serves a suffix range (206)', async () => {
    const r = await get(`/media/video/${videoId}`, 'bytes=-10');
    expect(r.status).toBe(206);
    expect(r.body.equals(BYTES.subarray(990))).toBe(true);
  });

  it('answers 416 for a range past the end', async () => {
    const r = await get(`/media/video/${videoId}`, 'bytes=5000-');
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */1000');
    expect(r.body.length).toBe(0);
  });

  it('never follows a symlink out of the library', async () => {
    const r = await get(`/media/video/${escapeId}`);
    expect(r.status).toBe(404);
    expect(r.body.toString()).not.toContain('outside the library');
  });

  it.each(['..%2F..%2Fsecret.mp4', '%2e%2e%2fsecret.mp4', 'Generic%2Fclip.mp4', '%2Fetc%2Fpasswd'])('404s a path instead of an id: %s', async (id) => {
    const r = await get(`/media/video/${id}`);
    expect(r.status).toBe(404);
  });
});
