/**
 * kill -9 of a real process between journaling a download's moves and indexing it, after every
 * possible rename: the next run finds every file, indexes the video where it is, loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { defaultSettings } from '../settings';
import { makeContext } from '../../../test/fixtures/job-context';
import { createDownloadHandler } from './handler';
import { createHarness, type Harness } from './harness.test-kit';

const WORKER = join(import.meta.dirname, 'place-kill-worker.ts');
const ROOT = resolve(import.meta.dirname, '../../..');
const SIDES = ['.info.json', '.jpg', '.en.vtt'];

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

function runWorker(args: string[]): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return new Promise((r) => child.once('exit', (_code, signal) => r(signal)));
}

describe('kill -9 while placing a download', () => {
  // 0: right after the journal commit; 1..4: after each rename (video, then its three side files).
  it.each([0, 1, 2, 3, 4])('killed after %i renames: the next run indexes the video at its readable path', async (n) => {
    const id = `kill${n}`;
    const url = `https://videos.example/${id}`;
    const staging = join(h.lib, 'Example');
    mkdirSync(staging, { recursive: true });
    const staged = join(staging, `${id}.mp4`);
    copyFileSync(h.server.media.mp4, staged);
    writeFileSync(join(staging, `${id}.info.json`), JSON.stringify({ id, title: `Killed ${n}`, uploader: 'Kim', upload_date: '20240505', extractor_key: 'Example', webpage_url: url }));
    writeFileSync(join(staging, `${id}.jpg`), 'jpg');
    writeFileSync(join(staging, `${id}.en.vtt`), 'WEBVTT\n');
    const jobId = `job-kill-${n}`;
    expect(await runWorker([join(h.dir, 'db.sqlite'), h.lib, staged, jobId, String(n)])).toBe('SIGKILL');

    const stem = join(h.lib, 'Kim', `2024-05-05 Killed ${n} [${id}]`);
    // Every file is in exactly one of its two places.
    for (const s of ['.mp4', ...SIDES]) expect(Number(existsSync(join(staging, id + s))) + Number(existsSync(stem + s)), s).toBe(1);

    let spawned = 0;
    const run = makeContext({ url, options: DEFAULT_DOWNLOAD_OPTIONS }, { jobId });
    const opts = h.options({ getSettings: () => defaultSettings(h.lib), spawn: (() => { spawned++; throw new Error('no download expected'); }) as never });
    const { videoId } = (await createDownloadHandler(opts)(run.ctx)) as { videoId: string };
    expect(spawned).toBe(0);
    const v = h.library.get(videoId)!;
    expect(v.filePath).toBe(`Kim/2024-05-05 Killed ${n} [${id}].mp4`);
    expect(v.hasThumbnail).toBe(true);
    for (const s of ['.mp4', ...SIDES]) {
      expect(existsSync(stem + s), s).toBe(true);
      expect(existsSync(join(staging, id + s)), s).toBe(false);
    }
    expect(readdirSync(staging).filter((f) => f.startsWith(id))).toEqual([]);
    expect(h.db.prepare('SELECT count(*) AS n FROM settings WHERE key = ?').get(`download.place.${jobId}`)).toEqual({ n: 0 });
  });
});
