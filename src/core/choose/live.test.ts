import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { Probe } from '../../shared/choose';
import type { SpawnFn } from '../ytdlp/run';
import type { Library } from '../library/types';
import { createLive } from './live';
import { liveArgs, recordedSeconds } from './live-args';

const tool = (path: string) => ({ found: true, path, version: 'x', source: 'system' }) as never;
const probeOf = (p: Partial<Probe>) => async (url: string): Promise<Probe> => ({ url, title: 'T', durationSec: null, liveStatus: 'is_live', startsAt: null, formats: [], ...p });

function fakeSpawn() {
  const calls: string[][] = [];
  const spawn = ((_bin: string, args: string[]) => {
    calls.push(args);
    const child = Object.assign(new EventEmitter(), { stdout: new EventEmitter(), stderr: new EventEmitter(), pid: undefined });
    return child;
  }) as unknown as SpawnFn;
  return { spawn, calls };
}

afterEach(() => vi.useRealTimers());

describe('live recordings', () => {
  it('a premiere waits visibly with its start time, then starts on time', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { spawn, calls } = fakeSpawn();
    const told: string[] = [];
    const live = createLive({
      getTools: () => ({ ytDlp: tool('/y'), ffmpeg: tool('/f') }),
      getLibraryDir: () => '/lib',
      library: () => ({}) as Library,
      probe: probeOf({ liveStatus: 'is_upcoming', startsAt: 1_000_000 + 90_000 }),
      notify: (r) => told.push(`${r.state}@${r.startsAt}`),
      spawn,
    });
    const r = await live.record('https://x.test/premiere', false);
    expect(r).toMatchObject({ state: 'waiting', startsAt: 1_090_000 });
    vi.advanceTimersByTime(89_000);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1_000);
    expect(calls).toHaveLength(1);
    expect(told).toEqual(['waiting@1090000', 'queued@1090000', 'recording@1090000']);
  });

  it('has its own limit: a second stream queues behind the first, never behind downloads', async () => {
    const { spawn, calls } = fakeSpawn();
    const live = createLive({
      getTools: () => ({ ytDlp: tool('/y'), ffmpeg: tool('/f') }),
      getLibraryDir: () => '/lib',
      library: () => ({}) as Library,
      probe: probeOf({}),
      notify: () => undefined,
      spawn,
      maxRecordings: 1,
    });
    await live.record('https://x.test/a', true);
    const b = await live.record('https://x.test/b', false);
    expect(b.state).toBe('queued');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('--live-from-start');
    const stopped = await live.stop(b.id);
    expect(stopped).toMatchObject({ state: 'failed', error: 'Stopped before it started.' });
  });

  it('argv records to MPEG-TS through ffmpeg, URL last after --; progress from ffmpeg', () => {
    const a = liveArgs({ url: 'https://x.test/l', libraryDir: '/lib', recordingId: 'abc', ffmpegPath: '/ff', fromStart: false });
    expect(a).toEqual(expect.arrayContaining(['--downloader', 'ffmpeg', '--hls-use-mpegts', '--ignore-config']));
    expect(a.slice(-2)).toEqual(['--', 'https://x.test/l']);
    expect(recordedSeconds('frame=1 size=10kB time=00:01:02.50 bitrate=1\nframe=2 time=00:01:03.00')).toBe(63);
    expect(recordedSeconds('nothing')).toBeNull();
  });
});
