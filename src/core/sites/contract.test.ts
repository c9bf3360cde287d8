import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../index';
import { dispatch } from '../dispatch';
import { responses, type Channel } from '../../shared/contract';

let dir: string;
let core: Core;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-sites-contract-'));
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 't' });
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sites channels', () => {
  it('every reply fits its schema', async () => {
    const calls: Array<[Channel, unknown]> = [
      ['sites.get', {}],
      ['sites.set', { bandwidth: { limitKBps: 500, hours: { from: '08:00', to: '23:00' } }, pacing: { 'example.com': { sleepRequests: 1, sleepInterval: 2, maxSleepInterval: 4 } } }],
      ['cookies.add', { site: 'example.com', text: '.example.com\tTRUE\t/\tFALSE\t0\tsid\tv\n' }],
      ['cookies.remove', { site: 'example.com' }],
    ];
    for (const [channel, payload] of calls) {
      const r = await dispatch(core.handlers, channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      const checked = responses[channel].safeParse(r.value);
      expect(checked.success, `${channel}: ${checked.error?.message}`).toBe(true);
    }
  });

  it('refuses what the headless host must not do, with clear errors', async () => {
    expect(await dispatch(core.handlers, 'cookies.fromBrowser', { site: 'youtube.com', browser: 'firefox' })).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/only in the desktop app/) } });
    expect(await dispatch(core.handlers, 'sites.set', { extraArgs: ['--embed-subs'] })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await dispatch(core.handlers, 'cookies.fromBrowser', { site: 'youtube.com', browser: 'netscape' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(core.handlers, 'sites.set', { bandwidth: { limitKBps: 100, hours: { from: '25:00', to: '07:00' } } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(core.handlers, 'proxy.test', { proxy: 'http://127.0.0.1:9', url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-url' } });
  });
});
