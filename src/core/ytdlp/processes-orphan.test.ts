import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { reapOrphans, RUN_MARKER_ENV } from './processes';
import { findByMarker, processGone } from './processes-scan';

const ROOT = join(import.meta.dirname, '../../..');
const WORKER = join(import.meta.dirname, 'processes-orphan-worker.ts');

let dir: string;
let db: Db;
const strays: number[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-orphan-'));
  db = openDatabase(join(dir, 'o.db'));
  migrate(db);
});
afterEach(() => {
  for (const pid of strays.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const until = async (ok: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('orphans of a killed launch', () => {
  it('a child whose pid was never recorded is found by its marker and ended', async () => {
    const marker = 'test-marker-1';
    db.prepare('INSERT INTO child_processes (pid, marker, launch_id, command, started_at) VALUES (NULL, ?, ?, ?, ?)').run(marker, 'dead', 'yt-dlp …', Date.now());
    const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore', env: { ...process.env, [RUN_MARKER_ENV]: marker } });
    strays.push(child.pid!);
    await until(() => (findByMarker([marker]).get(marker) ?? []).includes(child.pid!));
    const out = reapOrphans({ db, launchId: 'now' });
    expect(out.killed).toEqual([child.pid]);
    // Confirmed gone when reapOrphans returns, not merely signalled.
    expect(processGone(child.pid!)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM child_processes').get()).toEqual({ n: 0 });
  });

  it('a launch killed right after spawning yt-dlp leaves a child the next launch finds and ends', async () => {
    const pidFile = join(dir, 'orphan.pid');
    // Hold the database's write lock: the worker cannot write its child's record for a while, and
    // its child kills it meanwhile (the unlucky moment of a real crash, made certain).
    db.exec('BEGIN IMMEDIATE');
    const worker = spawn(process.execPath, ['--import', 'tsx', WORKER, join(dir, 'o.db'), pidFile], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<NodeJS.Signals | null>((r) => worker.once('exit', (_code, signal) => r(signal)));
    await new Promise<void>((r) => worker.stdout.once('data', () => r()));
    await new Promise((r) => setTimeout(r, 300));
    db.exec('COMMIT');
    expect(await exited).toBe('SIGKILL');
    await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '');
    const orphan = Number(readFileSync(pidFile, 'utf8'));
    strays.push(orphan);
    expect(processGone(orphan)).toBe(false);
    const out = reapOrphans({ db, launchId: 'next-launch' });
    expect(out.killed).toContain(orphan);
    expect(processGone(orphan)).toBe(true);
  });
});
