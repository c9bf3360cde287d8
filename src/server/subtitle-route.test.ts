import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { createCore, type Core } from '../core/index';
import { startWebHost, type WebHost } from './host';

let dir: string;
let core: Core;
let host: WebHost;
let videoId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-subroute-'));
  const lib = join(dir, 'lib');
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: lib, host: 'web', version: 'test' });
  mkdirSync(join(lib, 'Generic'), { recursive: true });
  writeFileSync(join(lib, 'Generic', 'clip.mp4'), 'bytes');
  writeFileSync(join(lib, 'Generic', 'clip.en.srt'), '1\n00:00:01,000 --> 00:00:02,000\n<b>Hello</b> & welcome\n');
  writeFileSync(join(lib, 'Generic', 'clip.de.ass'), '[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,Hallo\n');
  videoId = core.library.add({ info: { id: 'clip', extractor_key: 'Generic', title: 'Clip' }, filePath: join(lib, 'Generic', 'clip.mp4'), sourceUrl: 'https://example.com/clip', audioOnly: false }).id;
  host = await startWebHost({ core, staticDir: dir, port: 0 });
});
afterAll(async () => {
  await host.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(`http://127.0.0.1:${host.port}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('subtitles through the media route', () => {
  it('serves SRT and ASS as WebVTT, same-origin only, markup as text', async () => {
    const en = await get(`/media/sub/${videoId}/en`);
    expect(en.status).toBe(200);
    expect(en.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(en.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(en.body).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello &amp; welcome\n');
    expect((await get(`/media/sub/${videoId}/de`)).body).toContain('Hallo');
  });

  it('refuses other sites and unknown or malformed tracks', async () => {
    expect((await get(`/media/sub/${videoId}/en`, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await get(`/media/sub/${videoId}/fr`)).status).toBe(404);
    expect((await get(`/media/sub/${videoId}/..%2F..`)).status).toBe(404);
    expect((await get(`/media/sub/${videoId}`)).status).toBe(404);
    expect((await get(`/media/video/${videoId}/en`)).status).toBe(404);
  });
});
