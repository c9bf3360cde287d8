import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const root = join(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function startFaulty(env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const dir = mkdtempSync(join(tmpdir(), 'vk-guard-'));
  dirs.push(dir);
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'test/fixtures/faulty-host.ts'), dir], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, url, out: () => out };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + 'ws', { headers: { origin: url.replace(/\/$/, '') } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

let seq = 0;
function call(ws: WebSocket, channel: string): Promise<{ ok: boolean; error?: { code: string } }> {
  const id = ++seq;
  return new Promise((resolve) => {
    const on = (d: WebSocket.RawData) => {
      const msg = JSON.parse(d.toString()) as { id?: number; result?: { ok: boolean } };
      if (msg.id !== id) return;
      ws.off('message', on);
      resolve(msg.result as { ok: boolean });
    };
    ws.on('message', on);
    ws.send(JSON.stringify({ id, channel, payload: {} }));
  });
}

const exited = (c: ChildProcess, ms: number) => new Promise<boolean>((resolve) => {
  if (c.exitCode !== null) return resolve(true);
  const t = setTimeout(() => resolve(false), ms);
  c.once('exit', () => {
    clearTimeout(t);
    resolve(true);
  });
});

describe('no handler takes a host down', () => {
  it('survives an unhandled error event, an unawaited rejection and a throwing handler', async () => {
    const { child, url, out } = await startFaulty();
    const ws = await open(url);
    expect(await call(ws, 'tools.updateYtDlp')).toMatchObject({ ok: true });
    expect(await call(ws, 'queue.metrics')).toMatchObject({ ok: true });
    expect(await call(ws, 'library.sites')).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await exited(child, 500)).toBe(false);
    // Still serving after all three.
    expect(await call(ws, 'app.info')).toMatchObject({ ok: true });
    expect(out().match(/guard caught one/g)?.length).toBe(2);
    ws.close();
  }, 30_000);

  it('without the guard the same error event kills the host (the test can fail)', async () => {
    const { child, url } = await startFaulty({ VIDKEEP_NO_GUARD: '1' });
    const ws = await open(url);
    ws.on('error', () => undefined);
    void call(ws, 'tools.updateYtDlp');
    expect(await exited(child, 10_000)).toBe(true);
  }, 30_000);
});
