import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_OPTIONS, type DownloadOptions } from '../../shared/types';
import { buildDownloadArgs, OUTPUT_TEMPLATE } from './args';

const base = { url: 'https://example.com/v/1', libraryDir: '/lib', options: DEFAULT_DOWNLOAD_OPTIONS, ffmpegPath: '/usr/bin/ffmpeg', mode: 'single' as const };
const opt = (o: Partial<DownloadOptions>) => ({ ...DEFAULT_DOWNLOAD_OPTIONS, ...o });
const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('buildDownloadArgs', () => {
  it('ignores user config, ends options with -- and puts the URL last', () => {
    const a = buildDownloadArgs({ ...base, url: 'https://example.com/--exec=x' });
    expect(a[0]).toBe('--ignore-config');
    expect(a.at(-2)).toBe('--');
    expect(a.at(-1)).toBe('https://example.com/--exec=x');
    expect(a.indexOf('--')).toBe(a.length - 2);
  });

  it('names files by site and id inside the library, never by title, with restricted names', () => {
    const a = buildDownloadArgs(base);
    expect(after(a, '-o')).toBe(OUTPUT_TEMPLATE);
    expect(OUTPUT_TEMPLATE).not.toMatch(/title/);
    expect(after(a, '-P')).toBe('/lib');
    expect(a).toContain('--restrict-filenames');
    expect(a).toContain('--windows-filenames');
  });

  it('asks for machine-readable progress, the final path, and keeps partial files', () => {
    const a = buildDownloadArgs(base);
    expect(a).toEqual(expect.arrayContaining(['--newline', '--progress', '--no-simulate', '--continue', '--write-info-json', '--write-thumbnail', '--abort-on-unavailable-fragments']));
    expect(a.some((x) => x.startsWith('download:VK:PROG'))).toBe(true);
    expect(a.some((x) => x.startsWith('after_move:VK:FILE'))).toBe(true);
    expect(a).not.toContain('--no-part');
    expect(after(a, '--socket-timeout')).toBe('30');
  });

  it('downloads one video for single jobs and lists entries for confirmed playlists', () => {
    expect(buildDownloadArgs(base)).toContain('--no-playlist');
    const list = buildDownloadArgs({ ...base, mode: 'list' });
    expect(list).not.toContain('--no-playlist');
    expect(list).toContain('--flat-playlist');
  });

  it.each([
    ['best', 'bv*+ba/b'],
    ['1080p', 'bv*[height<=?1080]+ba/b[height<=?1080]/wv*+ba/w'],
    ['720p', 'bv*[height<=?720]+ba/b[height<=?720]/wv*+ba/w'],
    ['480p', 'bv*[height<=?480]+ba/b[height<=?480]/wv*+ba/w'],
  ] as const)('caps quality %s with ffmpeg', (quality, format) => {
    expect(after(buildDownloadArgs({ ...base, options: opt({ quality }) }), '-f')).toBe(format);
  });

  it('takes single-file formats when ffmpeg is missing, and does not convert thumbnails', () => {
    const a = buildDownloadArgs({ ...base, ffmpegPath: null, options: opt({ quality: '720p' }) });
    expect(after(a, '-f')).toBe('b[height<=?720]/w');
    expect(a).not.toContain('--convert-thumbnails');
    expect(a).not.toContain('--ffmpeg-location');
  });

  it('passes ffmpeg location and jpg thumbnails when ffmpeg is known', () => {
    const a = buildDownloadArgs(base);
    expect(after(a, '--ffmpeg-location')).toBe('/usr/bin/ffmpeg');
    expect(after(a, '--convert-thumbnails')).toBe('jpg');
  });

  it('extracts audio as m4a or mp3', () => {
    const m4a = buildDownloadArgs({ ...base, options: opt({ audioOnly: true, audioFormat: 'm4a' }) });
    expect(after(m4a, '--audio-format')).toBe('m4a');
    const mp3 = buildDownloadArgs({ ...base, options: opt({ audioOnly: true, audioFormat: 'mp3' }) });
    expect(mp3).toContain('-x');
    expect(after(mp3, '--audio-format')).toBe('mp3');
    const noFf = buildDownloadArgs({ ...base, ffmpegPath: null, options: opt({ audioOnly: true, audioFormat: 'm4a' }) });
    expect(noFf).not.toContain('-x');
  });

  it('refuses mp3 without ffmpeg with ffmpeg-missing', () => {
    expect(() => buildDownloadArgs({ ...base, ffmpegPath: null, options: opt({ audioOnly: true, audioFormat: 'mp3' }) })).toThrowError(expect.objectContaining({ code: 'ffmpeg-missing' }));
  });

  it('writes subtitles only when asked', () => {
    expect(buildDownloadArgs(base)).not.toContain('--write-subs');
    expect(buildDownloadArgs({ ...base, options: opt({ subtitles: true }) })).toContain('--write-subs');
  });

  it('never produces a shell string: every element is one argument', () => {
    for (const a of buildDownloadArgs(base)) expect(typeof a).toBe('string');
  });
});

describe('embedded metadata arguments', () => {
  it('embeds metadata, chapters and the cover with ffmpeg when the setting is on, subtitles only when chosen', () => {
    const on = buildDownloadArgs({ ...base, embedMetadata: true });
    expect(on).toEqual(expect.arrayContaining(['--embed-metadata', '--embed-chapters', '--embed-thumbnail']));
    expect(on).not.toContain('--embed-subs');
    // The poster and subtitles stay beside the file as well: they are written, then embedded.
    expect(on).toContain('--write-thumbnail');
    const subs = buildDownloadArgs({ ...base, embedMetadata: true, options: opt({ subtitles: true }) });
    expect(subs).toEqual(expect.arrayContaining(['--write-subs', '--embed-subs']));
    expect(subs.indexOf('--embed-subs')).toBeLessThan(subs.indexOf('--'));
  });

  it('embeds nothing without ffmpeg or with the setting off', () => {
    for (const a of [buildDownloadArgs({ ...base, ffmpegPath: null, embedMetadata: true }), buildDownloadArgs({ ...base, embedMetadata: false }), buildDownloadArgs(base)]) {
      expect(a.filter((x) => x.startsWith('--embed'))).toEqual([]);
    }
  });

  it('prints the downloaded path before post-processing and the chosen formats\' sizes', () => {
    const a = buildDownloadArgs(base);
    expect(a.some((x) => x.startsWith('post_process:VK:DONE'))).toBe(true);
    expect(a.some((x) => x.startsWith('pre_process:VK:SIZE') && x.includes('requested_formats.:.filesize'))).toBe(true);
    expect(a.find((x) => x.startsWith('pre_process:VK:INFO'))).toContain('filesize,filesize_approx');
  });
});
