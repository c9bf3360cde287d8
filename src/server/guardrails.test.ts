// The headless host's guardrails, through a real host, socket and core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { createCore, type Core } from '../core/index';
import { startWebHost, type WebHost } from './host';

let dir: string;
let core: Core;
let locked: WebHost;
let rooted: WebHost;
let root: string;
let videoId: string;

beforeAll(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'vk-guard-')));
  const lib = join(dir, 'lib');
  root = join(dir, 'roots', 'videos');
  mkdirSync(root, { recursive: true });
  mkdirSync(join(dir, 'elsewhere'));
  symlinkSync(join(dir, 'elsewhere'), join(root, 'escape'));
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: lib, host: 'web', version: 'test' });
  core.queue.pause();
  mkdirSync(join(lib, 'Vimeo'), { recursive: true });
  writeFileSync(join(lib, 'Vimeo', 'v1.mp4'), 'bytes');
  videoId = core.library.add({ info: { id: 'v1', extractor_key: 'Vimeo', title: 'One' }, filePath: join(lib, 'Vimeo', 'v1.mp4'), sourceUrl: 'https://vimeo.com/v1', audioOnly: false }).id;
  locked = await startWebHost({ core, staticDir: dir, port: 0, limits: { socketsPerClient: 3, socketsTotal: 5, urlsPerRequest: 4, queuedDownloads: 6 } });
  rooted = await startWebHost({ core, staticDir: dir, port: 0, libraryRoots: [join(dir, 'roots')] });
});
afterAll(async () => {
  await locked.close();
  await rooted.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(host: WebHost): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}
let nextId = 1;
function invoke(ws: WebSocket, channel: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string; hint?: string } }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const on = (d: WebSocket.RawData) => {
      const msg = JSON.parse(d.toString()) as { id: unknown; result: never };
      if (msg.id !== id) return;
      ws.off('message', on);
      resolve(msg.result);
    };
    ws.on('message', on);
    ws.send(JSON.stringify({ id, channel, payload }));
  });
}
function get(host: WebHost, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`http://127.0.0.1:${host.port}${path}`, { headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('library folder from a browser', () => {
  it('is the desktop app’s to change when no --library-root was given, and nothing is saved', async () => {
    const ws = await open(locked);
    const before = core.settings.get().libraryDir;
    const r = await invoke(ws, 'settings.set', { libraryDir: join(dir, 'elsewhere') });
    expect(r.error).toMatchObject({ code: 'library-folder-locked', message: expect.stringMatching(/only be changed in the desktop app/), hint: expect.stringMatching(/--library-root/) });
    expect(core.settings.get().libraryDir).toBe(before);
    // Other settings in the same host still change; the same folder again is no change.
    expect((await invoke(ws, 'settings.set', { libraryDir: before, maxTries: 4 })).ok).toBe(true);
    expect(core.settings.get().maxTries).toBe(4);
    ws.close();
  });

  it('moves only inside the roots: hostile paths are refused and nothing is made or saved', async () => {
    const ws = await open(rooted);
    const before = core.settings.get().libraryDir;
    for (const bad of [join(dir, 'elsewhere', 'lib'), '/tmp', `${root}/../../elsewhere`, join(root, 'escape', 'lib'), join(dir, 'roots-evil')]) {
      const r = await invoke(ws, 'settings.set', { libraryDir: bad });
      expect(r.error?.code, bad).toBe('library-folder-locked');
    }
    expect(existsSync(join(dir, 'elsewhere', 'lib'))).toBe(false);
    expect(core.settings.get().libraryDir).toBe(before);
    const target = join(root, 'new-library');
    const ok = await invoke(ws, 'settings.set', { libraryDir: target });
    expect(ok).toMatchObject({ ok: true, value: { libraryDir: target } });
    expect(existsSync(target)).toBe(true);
    expect((await invoke(ws, 'settings.set', { libraryDir: before })).error?.code).toBe('library-folder-locked');
    await core.handlers['settings.set']({ libraryDir: before });
    ws.close();
  });
});

describe('import from a browser', () => {
  it('imports only from under the roots: hostile paths are refused and nothing is started', async () => {
    const locked_ = await open(locked);
    expect((await invoke(locked_, 'import.start', { folder: root, mode: 'in-place' })).error?.code).toBe('library-folder-locked');
    locked_.close();
    const ws = await open(rooted);
    for (const bad of [join(dir, 'elsewhere'), '/', '/etc', `${root}/../../elsewhere`, join(root, 'escape'), join(dir, 'roots-evil'), 'relative/folder']) {
      const r = await invoke(ws, 'import.start', { folder: bad, mode: 'copy' });
      expect(r.error?.code, bad).toBe('library-folder-locked');
    }
    expect(core.imports.status()).toBeNull();
    // The desktop's folder picker is not the web host's.
    expect((await invoke(ws, 'import.pickFolder', {})).error?.code).toBe('not-supported');
    const ok = await invoke(ws, 'import.start', { folder: root, mode: 'in-place' });
    expect(ok).toMatchObject({ ok: true, value: { folder: root, mode: 'in-place' } });
    await invoke(ws, 'import.cancel', {});
    ws.close();
  });
});

describe('library.reveal over the web host', () => {
  it('tells where the file is inside the library, never its absolute path', async () => {
    const ws = await open(locked);
    const r = await invoke(ws, 'library.reveal', { videoId });
    expect(r).toEqual({ ok: true, value: { path: 'Vimeo/v1.mp4' } });
    expect(JSON.stringify(r)).not.toContain(dir);
    // The desktop's handler (core.handlers) still has the absolute path to show in the file manager.
    expect((await core.handlers['library.reveal']({ videoId })).path).toBe(join(dir, 'lib', 'Vimeo', 'v1.mp4'));
    ws.close();
  });
});

describe('media from other sites', () => {
  it('sends Cross-Origin-Resource-Policy: same-origin with media', async () => {
    const r = await get(locked, `/media/video/${videoId}`);
    expect(r.status).toBe(200);
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect((await get(locked, `/media/video/${videoId}`, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    expect((await get(locked, '/media/video/unknown')).headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it.each(['cross-site', 'same-site'])('refuses Sec-Fetch-Site: %s alike for kept and unknown videos (no probing)', async (site) => {
    const kept = await get(locked, `/media/video/${videoId}`, { 'Sec-Fetch-Site': site });
    const unknown = await get(locked, '/media/video/0123456789abcdef01234567', { 'Sec-Fetch-Site': site });
    const thumb = await get(locked, `/media/thumb/${videoId}`, { 'Sec-Fetch-Site': site });
    expect([kept.status, unknown.status, thumb.status]).toEqual([403, 403, 403]);
    expect(kept.body).toBe(unknown.body);
    expect(kept.headers['content-length']).toBe(unknown.headers['content-length']);
  });
});

describe('caps', () => {
  it('caps sockets per client and in total, with a clear error', async () => {
    const mine = [await open(locked), await open(locked), await open(locked)];
    const refused = await new Promise<{ msg: { result: { error: { code: string; message: string } } }; code: number; reason: string }>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${locked.port}/ws`);
      let msg: never;
      ws.on('message', (d) => (msg = JSON.parse(d.toString()) as never));
      ws.on('close', (code, reason) => resolve({ msg, code, reason: reason.toString() }));
    });
    expect(refused.msg.result.error).toMatchObject({ code: 'too-many-connections', message: expect.stringMatching(/already has 3 VidKeep tabs/) });
    expect(refused.code).toBe(1008);
    // A closed socket frees its place.
    mine.pop()!.close();
    await expect.poll(async () => {
      const ws = await open(locked);
      const r = await Promise.race([invoke(ws, 'app.info', {}), new Promise<null>((res) => ws.once('close', () => res(null)))]);
      ws.close();
      return r?.ok ?? false;
    }).toBe(true);
    for (const ws of mine) ws.close();
  });

  it('caps many sockets in total', async () => {
    // Per-client cap high, total low: a second host on the same core.
    const host = await startWebHost({ core, staticDir: dir, port: 0, limits: { socketsPerClient: 100, socketsTotal: 4 } });
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`);
          ws.on('message', (d) => {
            const m = JSON.parse(d.toString()) as { result?: { error?: { code: string } } };
            if (m.result?.error) resolve(m.result.error.code);
          });
          ws.on('open', () => setTimeout(() => resolve('open'), 200));
        }),
      ),
    );
    expect(results.filter((r) => r === 'open')).toHaveLength(4);
    expect(results.filter((r) => r === 'too-many-connections')).toHaveLength(8);
    await host.close();
  });

  it('caps links per request and queued downloads in total, and queues nothing when refused', async () => {
    const ws = await open(locked);
    const links = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `https://videos.invalid/${tag}/${i}.mp4`);
    const waiting = () => core.queue.list({ state: 'queued', name: 'download', limit: 1 }).total;
    const tooMany = await invoke(ws, 'jobs.add', { urls: links(5, 'a') });
    expect(tooMany.error).toMatchObject({ code: 'too-many-downloads', message: expect.stringMatching(/5 links at once; VidKeep takes up to 4/) });
    expect(waiting()).toBe(0);
    expect((await invoke(ws, 'jobs.add', { urls: links(4, 'b') })).ok).toBe(true);
    expect((await invoke(ws, 'jobs.add', { urls: links(2, 'c') })).ok).toBe(true);
    expect(waiting()).toBe(6);
    const full = await invoke(ws, 'jobs.add', { urls: links(1, 'd') });
    expect(full.error).toMatchObject({ code: 'too-many-downloads', message: expect.stringMatching(/6 downloads are already waiting/) });
    expect(waiting()).toBe(6);
    // Playlist entries and clips are downloads too: the same bounds, checked before anything is probed.
    const entries = await invoke(ws, 'choose.addEntries', { listingId: 'any', indexes: [0, 1, 2, 3, 4] });
    expect(entries.error).toMatchObject({ code: 'too-many-downloads', message: expect.stringMatching(/5 videos at once/) });
    const clip = await invoke(ws, 'choose.addClip', { url: 'https://videos.invalid/e.mp4', range: { startSec: 0, endSec: 5 } });
    expect(clip.error).toMatchObject({ code: 'too-many-downloads', message: expect.stringMatching(/6 downloads are already waiting/) });
    expect(waiting()).toBe(6);
    ws.close();
  });
});

describe('access token', () => {
  it('refuses a token shorter than the minimum', async () => {
    await expect(startWebHost({ core, staticDir: dir, port: 0, token: 'short-token' })).rejects.toThrow(/too short \(11 characters; at least 20/);
  });
});
