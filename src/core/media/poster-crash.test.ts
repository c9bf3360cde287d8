import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { downloadJobId } from '../downloads/job-id';
import { normalizeUrl } from '../ytdlp/url';
import { startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';

const ROOT = join(import.meta.dirname, '../../..');
const WORKER = join(import.meta.dirname, 'poster-crash-worker.ts');

let dir: string;
let server: MediaServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-poster-crash-'));
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media'), host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the worker until it prints `until`; then SIGKILLs it (`kill`) or waits for it to exit. */
function runWorker(args: string[], until: string, kill: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (kill && out.includes(until)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (kill ? signal === 'SIGKILL' : code === 0) resolve(out);
      else reject(new Error(`worker ended with ${code ?? signal}: ${out}\n${err}`));
    });
  });
}

interface VideoRow {
  duration: number | null;
  thumbnail_path: string | null;
  file_path: string;
}

describe('crash between a download and its poster', { timeout: 480_000 }, () => {
  it('a launch killed after the download was recorded still makes the poster on the next start, without downloading again', async () => {
    const db = join(dir, 'vidkeep.db');
    const lib = join(dir, 'library');
    mkdirSync(lib);
    const url = `${server.url}/v/crash-poster.mp4`;
    const dl = downloadJobId(normalizeUrl(url));

    await runWorker([db, lib, url, 'hold'], 'poster-started', true);
    const read = openDatabase(db);
    const state = (id: string) => (read.prepare('SELECT state, tries FROM jobs WHERE id = ?').get(id) as { state: string; tries: number } | undefined) ?? null;
    const video = () => read.prepare('SELECT duration, thumbnail_path, file_path FROM videos WHERE source_url = ?').get(normalizeUrl(url)) as VideoRow | undefined;
    // Killed mid-poster: the download is recorded and its video kept; the poster job was running.
    expect(state(dl)).toEqual({ state: 'succeeded', tries: 1 });
    expect(state(`${dl}.poster`)?.state).toBe('active');
    const file = video()!.file_path;
    // Named by the default layout ("by channel"); a direct link has no uploader or date.
    expect(file).toBe('Unknown uploader/crash-poster [crash-poster].mp4');
    expect(video()).toMatchObject({ duration: null, thumbnail_path: null });
    const poster = file.replace(/\.mp4$/, '.jpg');
    expect(existsSync(join(lib, poster))).toBe(false);
    const fetched = server.count('/crash-poster.mp4');
    expect(fetched).toBeGreaterThan(0);

    expect(await runWorker([db, lib, url, 'run'], 'poster-done', false)).toContain('poster-done succeeded');
    const v = video()!;
    expect(v.thumbnail_path).toBe(poster);
    expect(v.duration).toBeCloseTo(server.media.durationSec, 0);
    expect(readFileSync(join(lib, poster)).subarray(0, 2).toString('hex')).toBe('ffd8');
    // The download itself was not run again.
    expect(state(dl)).toEqual({ state: 'succeeded', tries: 1 });
    expect(server.count('/crash-poster.mp4')).toBe(fetched);
    read.close();
  });
});
