import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, eventSchemas, responses, schemas, type Channel, type EventName } from '../shared/contract';
import { createCore, type Core } from './index';
import { dispatch } from './dispatch';

let dir: string;
let core: Core;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-contract-'));
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('contract conformance', () => {
  it('every reply and event fits its schema', async () => {
    const seen: Array<{ name: EventName; payload: unknown }> = [];
    const off = core.events.onAny((name, payload) => void seen.push({ name, payload }));
    const calls: Array<[Channel, unknown]> = [
      ['app.info', {}],
      ['settings.get', {}],
      ['settings.set', { theme: 'light' }],
      ['jobs.add', { urls: ['not a link', 'https://example.invalid/contract-check'] }],
      ['jobs.list', { limit: 10 }],
      ['queue.pause', {}],
      ['queue.metrics', {}],
      ['queue.schedules', {}],
      ['queue.resume', {}],
      ['library.search', { query: '', limit: 10 }],
      ['library.disk', {}],
      ['library.disk', { channel: 'Someone' }],
      ['library.sites', {}],
      ['subscriptions.list', {}],
      ['subscriptions.importArchive', { text: 'youtube abc\nnonsense' }],
      ['subscriptions.exportArchive', {}],
    ];
    for (const [channel, payload] of calls) {
      const r = await dispatch(core.handlers, channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      const checked = responses[channel].safeParse(r.value);
      expect(checked.success, `${channel}: ${checked.error?.message}`).toBe(true);
    }
    const jobs = await dispatch(core.handlers, 'jobs.list', { limit: 10 });
    const first = jobs.ok ? (jobs.value as { items: Array<{ id: string; download: unknown }> }).items[0] : undefined;
    expect(first?.download).toMatchObject({ origin: 'pasted', url: 'https://example.invalid/contract-check' });
    const cancelled = await dispatch(core.handlers, 'jobs.cancel', { jobId: first!.id });
    expect(responses['jobs.cancel'].safeParse(cancelled.ok ? cancelled.value : null).success).toBe(true);
    off();
    expect(seen.map((e) => e.name)).toEqual(expect.arrayContaining(['settings.changed', 'jobs.changed']));
    for (const e of seen) expect(eventSchemas[e.name].safeParse(e.payload).success, e.name).toBe(true);
  });

  it('every channel has a schema and a handler, and nothing extra', () => {
    expect(Object.keys(core.handlers).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) {
      expect(schemas[c], c).toBeDefined();
      expect(typeof core.handlers[c], c).toBe('function');
    }
  });

  it('rejects unknown channels with a clear error', async () => {
    const r = await dispatch(core.handlers, 'fs.readFile', { path: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it.each([
    ['settings.set', { maxConcurrent: 'ten' }],
    ['settings.set', { maxConcurrent: 0 }],
    ['settings.set', { unknownKey: true }],
    ['jobs.add', { urls: [] }],
    ['jobs.add', { urls: 'http://x' }],
    ['library.search', { query: 5, limit: 10 }],
    ['library.search', { query: '', limit: 100000 }],
    ['jobs.cancel', {}],
    ['jobs.cancel', null],
  ])('rejects a wrong shape for %s and stores nothing', async (channel, payload) => {
    const before = core.settings.get();
    const r = await dispatch(core.handlers, channel, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-input');
    // The field travels as a value, so the renderer can word the error in its own language.
    if (!r.ok && payload && typeof payload === 'object' && Object.keys(payload).length) expect(r.error.values?.field).toBeTypeOf('string');
    expect(core.settings.get()).toEqual(before);
  });

  it('carries a valid request through to the core', async () => {
    const r = await dispatch(core.handlers, 'settings.set', { theme: 'dark' });
    expect(r).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(core.settings.get().theme).toBe('dark');
  });

  it('refuses a relative library folder and one that cannot be made, keeping the old one', async () => {
    const before = core.settings.get().libraryDir;
    expect(await dispatch(core.handlers, 'settings.set', { libraryDir: 'Videos' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const r = await dispatch(core.handlers, 'settings.set', { libraryDir: '/proc/vidkeep-cannot-exist' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('/proc/vidkeep-cannot-exist') } });
    expect(core.settings.get().libraryDir).toBe(before);
  });

  it('never lets the web contract choose which program runs as yt-dlp', async () => {
    const r = await dispatch(core.handlers, 'settings.set', { ytDlpPath: '/tmp/evil' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(core.settings.get().ytDlpPath).toBe('');
  });
});

describe('start-up', () => {
  it('starts with the default folder when the saved library folder is unavailable, and can start again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vk-start-'));
    const opts = { dataDir: join(root, 'data'), libraryDir: join(root, 'lib'), host: 'web' as const, version: 'test' };
    const first = await createCore(opts);
    first.settings.set({ libraryDir: '/proc/vidkeep-unplugged' });
    await first.close();
    const second = await createCore(opts);
    expect(second.libraryDir()).toBe(opts.libraryDir);
    await second.close();
    // The lock and the database were released: a third start works too.
    const third = await createCore(opts);
    await third.close();
    rmSync(root, { recursive: true, force: true });
  });
});

