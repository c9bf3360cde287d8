import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDbLock } from './lock';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'vk-lock-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireDbLock', () => {
  it('refuses a second owner in the same process and frees on release', () => {
    const db = join(dir, 'a.db');
    const lock = acquireDbLock(db);
    expect(() => acquireDbLock(db)).toThrowError(expect.objectContaining({ code: 'db-locked' }));
    lock.release();
    expect(existsSync(`${db}.lock`)).toBe(false);
    acquireDbLock(db).release();
  });

  it('reports another live process by pid', async () => {
    const db = join(dir, 'b.db');
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      writeFileSync(`${db}.lock`, JSON.stringify({ pid: child.pid, launch: 'other', startedAt: 1 }));
      expect(() => acquireDbLock(db)).toThrowError(expect.objectContaining({ code: 'db-locked', message: expect.stringContaining(String(child.pid)) }));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a stale lock left by a SIGKILLed process', () => {
    const db = join(dir, 'c.db');
    const code = `import('${join(import.meta.dirname, 'lock.ts').replace(/\\/g, '/')}').then(m => { m.acquireDbLock(${JSON.stringify(db)}); process.kill(process.pid, 'SIGKILL'); })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: join(import.meta.dirname, '../../..') });
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(`${db}.lock`)).toBe(true);
    const lock = acquireDbLock(db);
    lock.release();
  });
});
