// A local "live" HLS stream (a playlist that grows by a segment a second, with no end) recorded by
// real yt-dlp + ffmpeg, stopped, and kept as a playable file; the download queue's slots stay free.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { RUN_MARKER_ENV } from '../ytdlp/processes';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMediaServer, type MediaServer } from '../../../test/fixtures/media-server';
import { processesMentioning } from '../downloads/harness.test-kit';
import { createCore, type Core } from '../index';
import type { LiveRecording } from '../../shared/choose';

let dir: string;
let server: MediaServer;
let core: Core;
const seen: LiveRecording[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-live-real-'));
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media') });
  core = await createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
  core.events.onAny((name, payload) => name === 'live.changed' && seen.push(payload as LiveRecording));
}, 120_000);
afterAll(async () => {
  await core.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('live recording', () => {
  it('records a growing stream without taking a download slot, and Stop keeps a playable file', async () => {
    const url = `${server.url}/live/rec-1/index.m3u8`;
    const started = await core.handlers['live.record']({ url });
    expect(['queued', 'recording']).toContain(started.state);
    await expect.poll(() => core.live.list()[0]?.recordedSec ?? 0, { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(4);
    // The recorder was recorded before it started, with a marker in its environment: a launch after
    // a crash finds it by that marker, not by a pid that may belong to someone else by then.
    const rows = core.db.prepare("SELECT pid, marker FROM child_processes WHERE command LIKE ?").all(`%live-${started.id}%`) as Array<{ pid: number; marker: string | null }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.marker).toMatch(/^[0-9a-f-]{36}$/);
    expect(readFileSync(`/proc/${rows[0]!.pid}/environ`, 'utf8').split('\0')).toContain(`${RUN_MARKER_ENV}=${rows[0]!.marker}`);
    // Apart from the queue: nothing is active there while the stream records.
    expect(core.queue.metrics().counts.active).toBe(0);
    const stopped = await core.handlers['live.stop']({ id: started.id });
    expect(stopped.error).toBeNull();
    expect(stopped.state).toBe('done');
    const video = core.library.get(stopped.videoId!)!;
    expect(video.title).toMatch(/\(recorded live\)$/);
    const file = core.library.absolute(video.filePath!);
    const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type:format=duration,format_name', '-of', 'json', file], { encoding: 'utf8' });
    const info = JSON.parse(out) as { streams: Array<{ codec_type: string }>; format: { duration: string; format_name: string } };
    expect(info.format.format_name).toMatch(/mp4/);
    expect(info.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(Number(info.format.duration)).toBeGreaterThanOrEqual(3);
    // Decodes to the end without errors: the cut at Stop left a clean file.
    expect(execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
    expect(readdirSync(join(dir, 'lib'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.part|\.ts$/.test(f))).toEqual([]);
    expect(processesMentioning(`live-${started.id}`)).toEqual([]);
    expect(core.db.prepare("SELECT count(*) AS n FROM child_processes WHERE command LIKE ?").get(`%live-${started.id}%`)).toEqual({ n: 0 });
    expect(seen.filter((r) => r.id === started.id).map((r) => r.state)).toEqual(expect.arrayContaining(['recording', 'stopping', 'done']));
  }, 120_000);

  it('refuses what a paste refuses, and says when ffmpeg is missing', async () => {
    await expect(core.handlers['live.record']({ url: 'file:///etc/passwd' })).rejects.toMatchObject({ code: 'invalid-url' });
    const tools = core.tools();
    const saved = tools.ffmpeg;
    tools.ffmpeg = { ...saved, found: false, path: null };
    try {
      await expect(core.handlers['live.record']({ url: `${server.url}/live/rec-2/index.m3u8` })).rejects.toMatchObject({ code: 'ffmpeg-missing' });
    } finally {
      tools.ffmpeg = saved;
    }
  });
});
