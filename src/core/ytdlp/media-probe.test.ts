import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, statSync, readFileSync, copyFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { makeMedia, type Media } from '../../../test/fixtures/media';
import { makePosterFrame, probeDuration } from './media-probe';
import { lowerPriority, sessionOf } from './background-priority';

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

  it.runIf(process.platform === 'linux')('runs in the background: nice 19 in a scheduling group of its own, also niced', { timeout: 240_000 }, async () => {
    const file = join(dir, 'niced.mp4');
    copyFileSync(media.mp4, file);
    const seen: Array<{ nice: number; group: string; session: boolean }> = [];
    const mine: string[] = [];
    const out = await makePosterFrame('/usr/bin/ffmpeg', file, media.durationSec, {
      background: true,
      timeoutMs: 200_000,
      onSpawn: (pid) => {
        // Fields after the command name: state is [0], session id [3], nice [16].
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        seen.push({ nice: Number(stat[16]), group: readFileSync(`/proc/${pid}/autogroup`, 'utf8'), session: Number(stat[3]) === pid });
        mine.push(readFileSync('/proc/self/autogroup', 'utf8'));
      },
    });
    expect(out).not.toBeNull();
    expect(seen).toEqual([{ nice: 19, group: expect.stringMatching(/ nice 19\n$/), session: true }]);
    // VidKeep's own group is never touched (it would slow the app, and whatever shares its session).
    expect(mine[0]).not.toMatch(/ nice 19\n$/);
    expect(seen[0]!.group).not.toBe(mine[0]);
  });

  it.runIf(process.platform === 'linux')('never renices the group of a process that shares VidKeep\'s session', () => {
    const before = readFileSync('/proc/self/autogroup', 'utf8');
    const child = spawn('sleep', ['5'], { stdio: 'ignore' });
    try {
      expect(sessionOf(child.pid!)).not.toBe(child.pid);
      lowerPriority(child.pid!);
      expect(readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]).toBe('19');
      expect(readFileSync('/proc/self/autogroup', 'utf8')).toBe(before);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
