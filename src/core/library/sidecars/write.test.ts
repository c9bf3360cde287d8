import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSettings } from '../../settings';
import { sidecarsAfterDownload } from './after-download';
import { channelFolder, writeSidecars } from './write';
import { parseXml } from './xml.test-kit';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vk-sidecar-'));
  dirs.push(d);
  return d;
};

const STEM = 'Chan - S2024E031501 - A ＜title＞ &amp; title [abc]';
function placeVideo(lib: string) {
  const season = join(lib, 'Chan [UC1]', 'Season 2024');
  mkdirSync(season, { recursive: true });
  const video = join(season, `${STEM}.mp4`);
  writeFileSync(video, 'video');
  writeFileSync(join(season, `${STEM}.jpg`), 'jpeg bytes');
  return video;
}
const info = { id: 'abc', extractor_key: 'Youtube', title: 'A </title> title\u0000', uploader: 'Chan', channel_id: 'UC1', upload_date: '20240315', duration: 61, description: 'd'.repeat(10_240) };

describe('writeSidecars', () => {
  it('writes the episode nfo and poster beside the video, tvshow.nfo and poster.jpg in the channel folder', () => {
    const lib = temp();
    const video = placeVideo(lib);
    const written = writeSidecars({ videoFile: video, info, thumbnail: video.replace(/\.mp4$/, '.jpg') });
    const season = join(lib, 'Chan [UC1]', 'Season 2024');
    expect(readdirSync(season).sort()).toEqual([`${STEM}-thumb.jpg`, `${STEM}.jpg`, `${STEM}.mp4`, `${STEM}.nfo`].sort());
    expect(readdirSync(join(lib, 'Chan [UC1]')).sort()).toEqual(['Season 2024', 'poster.jpg', 'tvshow.nfo']);
    expect(written).toHaveLength(4);
    const ep = parseXml(readFileSync(join(season, `${STEM}.nfo`), 'utf8'));
    expect(ep.getElementsByTagName('title')[0]!.textContent).toBe('A </title> title');
    expect(ep.getElementsByTagName('episode')[0]!.textContent).toBe('31501');
    expect(ep.getElementsByTagName('thumb')[0]!.textContent).toBe(`${STEM}-thumb.jpg`);
    expect(ep.getElementsByTagName('plot')[0]!.textContent).toHaveLength(10_240);
    const show = parseXml(readFileSync(join(lib, 'Chan [UC1]', 'tvshow.nfo'), 'utf8'));
    expect(show.getElementsByTagName('uniqueid')[0]!.textContent).toBe('UC1');
    expect(readFileSync(join(lib, 'Chan [UC1]', 'poster.jpg'), 'utf8')).toBe('jpeg bytes');
    // No temporary file is left behind.
    expect(readdirSync(season).some((f) => f.includes('vk-tmp'))).toBe(false);
  });

  it('keeps the first poster of a channel and writes no poster without a thumbnail', () => {
    const lib = temp();
    const video = placeVideo(lib);
    writeFileSync(join(lib, 'Chan [UC1]', 'poster.jpg'), 'older');
    writeSidecars({ videoFile: video, info, thumbnail: video.replace(/\.mp4$/, '.jpg') });
    expect(readFileSync(join(lib, 'Chan [UC1]', 'poster.jpg'), 'utf8')).toBe('older');
    const other = temp();
    const flat = join(other, 'x.mp4');
    writeFileSync(flat, 'v');
    writeSidecars({ videoFile: flat, info, thumbnail: null });
    expect(readdirSync(other).sort()).toEqual(['tvshow.nfo', 'x.mp4', 'x.nfo']);
  });

  it('finds the channel folder above a season folder only', () => {
    expect(channelFolder('/lib/Chan/Season 2024/x.mp4')).toBe('/lib/Chan');
    expect(channelFolder('/lib/Chan/x.mp4')).toBe('/lib/Chan');
  });
});

describe('sidecarsAfterDownload', () => {
  it('writes only for the media-server preset, and never throws', () => {
    const lib = temp();
    const video = placeVideo(lib);
    const rel = video.slice(lib.length + 1);
    const warnings: string[] = [];
    const warn = (m: string) => void warnings.push(m);
    expect(sidecarsAfterDownload({ settings: defaultSettings(lib), libraryDir: lib, filePath: rel, info, warn })).toEqual([]);
    const mediaServer = { ...defaultSettings(lib), layout: { preset: 'media-server' as const, template: '' } };
    expect(sidecarsAfterDownload({ settings: mediaServer, libraryDir: lib, filePath: rel, info, warn })).toHaveLength(4);
    // A folder that vanished: a warning, not an exception.
    expect(sidecarsAfterDownload({ settings: mediaServer, libraryDir: lib, filePath: 'gone/Season 2024/x.mp4', info, warn })).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
