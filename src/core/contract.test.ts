import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNELS, schemas } from '../shared/contract';
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
    expect(core.settings.get()).toEqual(before);
  });

  it('carries a valid request through to the core', async () => {
    const r = await dispatch(core.handlers, 'settings.set', { theme: 'dark' });
    expect(r).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(core.settings.get().theme).toBe('dark');
  });
});
