/** Issue 14: metadata embedded by real yt-dlp + ffmpeg, read back with ffprobe. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import { defaultSettings } from '../settings';
import { makeContext } from '../../../test/fixtures/job-context';
import { createDownloadHandler } from './handler';
import type { DownloadPayload } from './types';
import { createHarness, type Harness } from './harness.test-kit';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

interface Probe {
  format: { tags?: Record<string, string> };
  streams: Array<{ codec_type: string; codec_name: string; disposition?: { attached_pic?: number }; tags?: Record<string, string> }>;
  chapters: Array<{ start_time: string; tags?: { title?: string } }>;
}
const probe = (file: string): Probe =>
  JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-show_chapters', '-of', 'json', file], { encoding: 'utf8' })) as Probe;
const tag = (p: Probe, k: string) => Object.entries(p.format.tags ?? {}).find(([key]) => key.toLowerCase() === k)?.[1];

const payload = (url: string, extra: Partial<DownloadPayload['options']> = {}): DownloadPayload => ({ url, options: { ...DEFAULT_DOWNLOAD_OPTIONS, ...extra } });
const download = async (url: string, o: { embed?: boolean; options?: Partial<DownloadPayload['options']> } = {}) => {
  const run = makeContext(payload(url, o.options));
  const settings = { ...defaultSettings(h.lib), embedMetadata: o.embed ?? true };
  const result = (await createDownloadHandler(h.options({ getSettings: () => settings }))(run.ctx)) as { videoId: string; notes?: string[] };
  const video = h.library.get(result.videoId)!;
  return { result, video, file: join(h.lib, video.filePath) };
};

describe('embedded metadata (real yt-dlp + ffmpeg)', () => {
  it('writes title, uploader, date, description, link, chapters and the cover into an MP4', async () => {
    h.server.setMetaPage('harbour', { title: 'Harbour at dawn & "friends" </title>', description: 'Line one.\nLine two: ünïcödé 🚢' });
    const url = `${h.server.url}/meta/harbour.html`;
    const { result, file } = await download(url);
    expect(result.notes).toBeUndefined();
    const p = probe(file);
    expect(tag(p, 'title')).toBe('Harbour at dawn & "friends" </title>');
    expect(tag(p, 'artist')).toBe('Lighthouse Channel');
    expect(tag(p, 'date')).toBe('20240315');
    expect(tag(p, 'description')).toBe('Line one.\nLine two: ünïcödé 🚢');
    expect(tag(p, 'comment')).toBe(url);
    expect(p.chapters.map((c) => [Number(c.start_time), c.tags?.title])).toEqual([[0, 'Opening'], [4, 'Middle part'], [8, 'Finale']]);
    const cover = p.streams.filter((s) => s.disposition?.attached_pic === 1);
    expect(cover).toHaveLength(1);
    expect(cover[0]!.codec_name).toBe('mjpeg');
    // The poster stays beside the file too (the library and sidecars use it).
    expect(existsSync(file.replace(/\.mp4$/, '.jpg'))).toBe(true);
  });

  it('embeds the chosen subtitles as a text track', async () => {
    const { result, file } = await download(`${h.server.url}/watch/subbed.html`, { options: { subtitles: true } });
    expect(result.notes).toBeUndefined();
    const subs = probe(file).streams.filter((s) => s.codec_type === 'subtitle');
    expect(subs.map((s) => s.codec_name)).toEqual(['mov_text', 'mov_text']);
    expect(subs.map((s) => s.tags?.language).sort()).toEqual(['deu', 'eng']);
  });

  it('keeps a WebM whose cover cannot be embedded, playable, with title and chapters, and says so', async () => {
    h.server.setMetaPage('webmclip', { title: 'A WebM clip', container: 'webm' });
    const { result, video, file } = await download(`${h.server.url}/meta/webmclip.html`);
    expect(video.filePath).toMatch(/\.webm$/);
    expect(result.notes).toEqual(['embed-no-cover']);
    const p = probe(file);
    expect(tag(p, 'title')).toBe('A WebM clip');
    expect(p.chapters.map((c) => c.tags?.title)).toEqual(['Opening', 'Middle part', 'Finale']);
    expect(p.streams.some((s) => s.disposition?.attached_pic === 1)).toBe(false);
    expect(p.streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    expect(existsSync(file.replace(/\.webm$/, '.jpg'))).toBe(true);
  });

  it('embeds a cover into M4A audio', async () => {
    h.server.setMetaPage('audio', { title: 'Only sound' });
    const { file } = await download(`${h.server.url}/meta/audio.html`, { options: { audioOnly: true } });
    expect(file).toMatch(/\.m4a$/);
    const p = probe(file);
    expect(tag(p, 'title')).toBe('Only sound');
    expect(p.streams.filter((s) => s.disposition?.attached_pic === 1)).toHaveLength(1);
  });

  it('writes nothing into the file when the setting is off', async () => {
    h.server.setMetaPage('plain', { title: 'Not embedded' });
    const { file } = await download(`${h.server.url}/meta/plain.html`, { embed: false });
    const p = probe(file);
    expect(tag(p, 'title')).toBeUndefined();
    expect(p.streams.some((s) => s.disposition?.attached_pic === 1)).toBe(false);
  });
});
