/** Shared setup for the download integration tests: temp db + library + media server + real tools. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { spawn as nodeSpawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createLibrary } from '../library/index';
import type { Library } from '../library/types';
import { defaultSettings } from '../settings';
import { locateTools } from '../ytdlp/locate';
import { startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';
import type { ToolStatus } from '../../shared/types';
import type { Queue, QueueJob } from '../queue/types';
import type { DownloadsOptions } from './types';

export interface Harness {
  dir: string;
  lib: string;
  db: Db;
  library: Library;
  server: MediaServer;
  tools: { ytDlp: ToolStatus; ffmpeg: ToolStatus };
  pids: number[];
  /** Video ids the library said changed, in order. */
  libraryChanges: string[];
  options(extra?: Partial<DownloadsOptions>): DownloadsOptions;
  close(): Promise<void>;
}

const MEDIA_DIR = join(tmpdir(), 'vidkeep-test-media');

export async function createHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'vk-dl-'));
  const lib = join(dir, 'library');
  mkdirSync(lib);
  const db = openDatabase(join(dir, 'db.sqlite'));
  migrate(db);
  const libraryChanges: string[] = [];
  const library = createLibrary({ db, libraryDir: lib, trashDir: null, onChange: (ids) => libraryChanges.push(...ids) });
  const server = await startMediaServer({ mediaDir: MEDIA_DIR, host: '127.0.0.1', port: 0 });
  const tools = await locateTools({ userDataDir: dir });
  const pids: number[] = [];
  const spawn = ((cmd: string, args: string[], opts: object) => {
    const child = nodeSpawn(cmd, args, opts);
    if (child.pid) pids.push(child.pid);
    return child;
  }) as unknown as typeof nodeSpawn;
  return {
    dir, lib, db, library, server, tools, pids, libraryChanges,
    options: (extra = {}) => ({
      queue: undefined as unknown as Queue,
      library, db,
      getLibraryDir: () => lib,
      getTools: () => tools,
      getSettings: () => defaultSettings(lib),
      spawn,
      launchId: 'test-launch',
      rateLimitDelayMs: 1234,
      networkDelayMs: 567,
      killGraceMs: 2000,
      ...extra,
    }),
    async close() {
      await server.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Live processes whose command line mentions `needle` (Linux /proc). */
export function processesMentioning(needle: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.includes(needle)) out.push(Number(d));
    } catch {
      // exited while we looked
    }
  }
  return out;
}

export function groupGone(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Resolves when the job reaches a final state (checked on every queue event, no polling). */
export function settled(queue: Pick<Queue, 'get' | 'on'>, jobId: string): Promise<QueueJob> {
  return new Promise((resolve) => {
    const check = () => {
      const j = queue.get(jobId);
      if (j && (j.state === 'succeeded' || j.state === 'failed' || j.state === 'cancelled')) {
        off();
        resolve(j);
      }
    };
    const off = queue.on(check);
    check();
  });
}

/** The most downloads running at once from now on, counted from the queue's events. */
export function downloadsAtOnce(queue: Pick<Queue, 'on'>): () => number {
  let running = 0;
  let most = 0;
  queue.on((e) => {
    if (!('job' in e) || e.job.name !== 'download') return;
    if (e.type === 'started') most = Math.max(most, ++running);
    else if (e.type === 'succeeded' || e.type === 'failed' || e.type === 'retrying') running--;
  });
  return () => most;
}
