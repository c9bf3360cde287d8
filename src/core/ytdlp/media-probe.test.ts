import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, statSync, readFileSync, copyFileSync } from 'node:fs';
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
});
