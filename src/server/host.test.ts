import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import WebSocket from 'ws';
import { createCore, type Core } from '../core/index';
import { MAX_IN_FLIGHT, startWebHost, type WebHost } from './host';
import { MAX_MESSAGE_BYTES } from '../shared/contract';

let dir: string;
let core: Core;
let host: WebHost;
let tokenHost: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-host-'));
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>VidKeep</title>');
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
  host = await startWebHost({ core, staticDir, port: 0 });
  tokenHost = await startWebHost({ core, staticDir, port: 0, token: 'sekret-token-0123456789' });
});
afterAll(async () => {
  await host.close();
  await tokenHost.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function socket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, raw: string | Buffer): Promise<{ id: unknown; result: { ok: boolean; error?: { code: string }; value?: unknown } }> {
  return new Promise((resolve) => {
    ws.once('message', (d) => resolve(JSON.parse(d.toString())));
    ws.send(raw);
  });
}

describe('web host', () => {
  it('serves the renderer on loopback', async () => {
    const r = await get(host.url);
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>VidKeep</title>');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a foreign Origin and a foreign Host (DNS rebinding)', async () => {
    expect((await get(host.url, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(host.url, { Host: 'evil.example' })).status).toBe(403);
    const ws = `ws://127.0.0.1:${host.port}/ws`;
    await expect(socket(ws, { Origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('words its refusals in the browser’s language', async () => {
    const en = await get(host.url, { Origin: 'http://evil.example' });
    expect(en.body).toBe('Requests from other sites are refused.\n');
    expect(en.headers['content-language']).toBe('en');
    const de = await get(host.url, { Origin: 'http://evil.example', 'Accept-Language': 'fr;q=0.9, de-AT, en;q=0.5' });
    expect(de.body).toBe('Anfragen von anderen Websites werden abgelehnt.\n');
    expect(de.headers['content-language']).toBe('de');
    const token = await get(tokenHost.url, { 'Accept-Language': 'de' });
    expect(token.body).toMatch(/^Ein VidKeep-Zugangstoken wird benötigt/);
    // q=0 means "not this one".
    expect((await get(tokenHost.url, { 'Accept-Language': 'de;q=0, en' })).body).toMatch(/^A VidKeep access token is needed/);
  });

  it('requires the token when one is set', async () => {
    expect((await get(tokenHost.url)).status).toBe(401);
    expect((await get(`${tokenHost.url}?token=wrong`)).status).toBe(401);
    const ok = await get(`${tokenHost.url}?token=sekret-token-0123456789`);
    expect(ok.status).toBe(200);
    expect(String(ok.headers['set-cookie'])).toContain('HttpOnly');
    await expect(socket(`ws://127.0.0.1:${tokenHost.port}/ws`)).rejects.toThrow(/401/);
    const ws = await socket(`ws://127.0.0.1:${tokenHost.port}/ws?token=sekret-token-0123456789`);
    expect((await call(ws, JSON.stringify({ id: 1, channel: 'app.info', payload: {} }))).result.ok).toBe(true);
    ws.close();
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(startWebHost({ core, staticDir: dir, host: '0.0.0.0', port: 0 })).rejects.toThrow(/token/);
  });

  it('answers bad messages with clear errors and keeps running', async () => {
    const ws = await socket(`ws://127.0.0.1:${host.port}/ws`);
    expect((await call(ws, 'not json')).result.error?.code).toBe('invalid-input');
    expect((await call(ws, JSON.stringify({ id: 2, channel: 'nope', payload: {} }))).result.error?.code).toBe('unknown-channel');
    expect((await call(ws, JSON.stringify({ id: 3, channel: 'settings.set', payload: { maxConcurrent: 'x' } }))).result.error?.code).toBe('invalid-input');
    const big = JSON.stringify({ id: 4, channel: 'settings.set', payload: { ytDlpPath: 'x'.repeat(MAX_MESSAGE_BYTES) } });
    expect((await call(ws, big)).result.error?.code).toBe('payload-too-large');
    const ok = await call(ws, JSON.stringify({ id: 5, channel: 'settings.get', payload: {} }));
    expect(ok).toMatchObject({ id: 5, result: { ok: true } });
    expect(core.settings.get().ytDlpPath).toBe('');
    ws.close();
  });

  it('sends core events to connected clients', async () => {
    const ws = await socket(`ws://127.0.0.1:${host.port}/ws`);
    const got = new Promise<{ event: string; payload: unknown }>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
    core.bus.emit('library.changed', { videoIds: ['abc'] });
    expect(await got).toEqual({ event: 'library.changed', payload: { videoIds: ['abc'] } });
    ws.close();
  });

  it.each(['/media/video/unknown-id', '/media/video/..%2F..%2Fetc%2Fpasswd', '/media/thumb/%2e%2e', '/media/other/x'])('404s media request %s', async (path) => {
    const r = await get(`http://127.0.0.1:${host.port}${path}`);
    expect(r.status).toBe(404);
  });

  it('answers HEAD with headers only', async () => {
    const r = await new Promise<{ status: number; length: string | undefined; body: string }>((resolve, reject) => {
      const req = request(host.url, { method: 'HEAD' }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, length: res.headers['content-length'], body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(r.status).toBe(200);
    expect(Number(r.length)).toBeGreaterThan(0);
    expect(r.body).toBe('');
  });

  it('caps how many requests one connection may have running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowCore = Object.create(core) as Core;
    Object.defineProperty(slowCore, 'handlers', { value: { ...core.handlers, 'settings.get': async () => (await gate, core.settings.get()) } });
    const slowHost = await startWebHost({ core: slowCore, staticDir: join(dir, 'static'), port: 0 });
    const ws = await socket(slowHost.url.replace('http', 'ws') + 'ws');
    const replies: { id: number; result: { ok: boolean; error?: { code: string } } }[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    const total = MAX_IN_FLIGHT + 5;
    for (let i = 0; i < total; i++) ws.send(JSON.stringify({ id: i, channel: 'settings.get', payload: {} }));
    await expect.poll(() => replies.length).toBe(5);
    expect(replies.every((r) => r.result.error?.code === 'busy')).toBe(true);
    release();
    await expect.poll(() => replies.length).toBe(total);
    expect(replies.filter((r) => r.result.ok)).toHaveLength(MAX_IN_FLIGHT);
    ws.close();
    await slowHost.close();
  });
});
