import { describe, expect, it } from 'vitest';
import { limitProbes } from './run';
import type { Prober } from './probe';

describe('ffprobe during an import', () => {
  it('runs at most two at a time, and every file still gets its answer', async () => {
    let running = 0;
    let most = 0;
    const started: string[] = [];
    const probe: Prober = async (file) => {
      started.push(file);
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return { durationSec: file.length, hasVideo: true, hasAudio: false };
    };
    const limited = limitProbes(probe)!;
    const files = Array.from({ length: 9 }, (_, i) => `/f/${'x'.repeat(i)}.mp4`);
    const answers = await Promise.all(files.map((f) => limited(f, new AbortController().signal)));
    expect(most).toBe(2);
    expect(started).toEqual(files);
    expect(answers.map((a) => a?.durationSec)).toEqual(files.map((f) => f.length));
  });
  it('no ffprobe, no prober', () => {
    expect(limitProbes(null)).toBeNull();
  });
});
