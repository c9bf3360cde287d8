import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, statSync, readFileSync, copyFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeMedia, type Media } from '../../../test/fixtures/media';
import { makePosterFrame, probeDuration } from './media-probe';

let dir: string;
let media: Media;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-probe-'));
  media = makeMedia(join(tmpdir(), 'vk-test-media'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('media probe (real ffmpeg)', () => {
  it('reads the duration of a real file', async () => {
    const d = await probeDuration('/usr/bin/ffmpeg', media.mp4);
    expect(d).toBeGreaterThan(media.durationSec - 0.2);
    expect(d).toBeLessThan(media.durationSec + 0.2);
  });

  it('gives null for a file that is not media', async () => {
    expect(await probeDuration('/usr/bin/ffmpeg', join(import.meta.dirname, 'media-probe.ts'))).toBeNull();
  });

  it('writes a JPEG poster frame beside the video, and never overwrites one', async () => {
    const file = join(dir, 'clip.mp4');
    copyFileSync(media.mp4, file);
    const out = await makePosterFrame('/usr/bin/ffmpeg', file, media.durationSec);
    expect(out).toBe(join(dir, 'clip.jpg'));
    expect(statSync(out!).size).toBeGreaterThan(500);
    expect(readFileSync(out!).subarray(0, 2).toString('hex')).toBe('ffd8');
    const again = await makePosterFrame('/usr/bin/ffmpeg', file, media.durationSec);
    expect(again).toBe(out);
  });

  it('replaces a half-written poster a crash left (never keeps it) and leaves no temporary file', async () => {
    const file = join(dir, 'crashed.mp4');
    copyFileSync(media.mp4, file);
    writeFileSync(join(dir, 'crashed.vkpart.jpg'), 'half a jpeg');
    const spawned: number[] = [];
    const exited: number[] = [];
    const out = await makePosterFrame('/usr/bin/ffmpeg', file, media.durationSec, { onSpawn: (pid) => spawned.push(pid), onExit: (pid) => exited.push(pid) });
    expect(readFileSync(out!).subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(readdirSync(dir).filter((f) => f.startsWith('crashed'))).toEqual(['crashed.jpg', 'crashed.mp4']);
    // Its pid was recorded while it ran (the orphan table), and dropped after.
    expect(spawned).toHaveLength(1);
    expect(exited).toEqual(spawned);
  });

  it('stops ffmpeg when aborted and makes no poster', async () => {
    const file = join(dir, 'aborted.mp4');
    copyFileSync(media.mp4, file);
    const stop = new AbortController();
    const made = makePosterFrame('/usr/bin/ffmpeg', file, media.durationSec, { signal: stop.signal, onSpawn: () => stop.abort() });
    expect(await made).toBeNull();
    expect(existsSync(join(dir, 'aborted.jpg'))).toBe(false);
    expect(existsSync(join(dir, 'aborted.vkpart.jpg'))).toBe(false);
  });
});
