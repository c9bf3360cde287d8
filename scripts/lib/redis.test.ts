import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ensureRedisServer } from './redis.mjs';
import { which } from './tools.mjs';

describe('redis-server for the queue bench', () => {
  it('finds the real redis-server on PATH without installing anything', () => {
    const calls: string[] = [];
    const r = ensureRedisServer({ run: (cmd) => (calls.push(cmd), false) });
    if (which('redis-server') === null) return expect(r).toHaveProperty('missing');
    expect(r).toEqual({ path: which('redis-server') });
    expect(spawnSync((r as { path: string }).path, ['--version']).status).toBe(0);
    expect(calls).toEqual([]);
  });

  it('installs it with apt-get on first use where it may, and uses what was installed', () => {
    let installed = false;
    const ran: string[] = [];
    const r = ensureRedisServer({
      which: (cmd) => (cmd === 'redis-server' && installed ? '/usr/bin/redis-server' : null),
      canApt: () => true,
      run: (cmd, args) => {
        ran.push([cmd, ...args].join(' '));
        if (args.includes('install')) installed = true;
        return true;
      },
      log: () => {},
    });
    expect(r).toEqual({ path: '/usr/bin/redis-server' });
    expect(ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends redis-server']);
  });

  it('says how to install it where it may not, and when apt-get fails', () => {
    expect(ensureRedisServer({ which: () => null, canApt: () => false })).toEqual({ missing: expect.stringContaining('redis-server') });
    const failed = ensureRedisServer({ which: () => null, canApt: () => true, run: () => false, log: () => {} });
    expect(failed).toEqual({ missing: expect.stringContaining('could not be installed') });
  });
});
