/** Issue 14: a real download with the media-server layout leaves Kodi/Jellyfin sidecars that parse. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS, type Settings } from '../../shared/types';
import { defaultSettings } from '../settings';
import { makeContext } from '../../../test/fixtures/job-context';
import { parseXml } from '../library/sidecars/xml.test-kit';
import { channelFolder } from '../library/sidecars/write';
import { createDownloadHandler } from './handler';
import { createHarness, type Harness } from './harness.test-kit';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const HOSTILE = 'Night </title> & "day" \u0000 🌙 \u202Eמים';

describe('media-server sidecars (real yt-dlp)', () => {
  it('writes <stem>.nfo, <stem>-thumb.jpg, tvshow.nfo and poster.jpg, valid whatever the title holds', async () => {
    h.server.setMetaPage('night', { title: HOSTILE, description: '<b>bold</b> & '.repeat(800), uploader: 'Chan <&> "x"' });
    const settings: Settings = { ...defaultSettings(h.lib), layout: { preset: 'media-server', template: '' } };
    const run = makeContext({ url: `${h.server.url}/meta/night.html`, options: DEFAULT_DOWNLOAD_OPTIONS });
    const result = (await createDownloadHandler(h.options({ getSettings: () => settings }))(run.ctx)) as { videoId: string };
    const video = h.library.get(result.videoId)!;
    const file = join(h.lib, video.filePath);
    const stem = file.replace(/\.mp4$/, '');
    expect(existsSync(`${stem}-thumb.jpg`)).toBe(true);
    const ep = parseXml(readFileSync(`${stem}.nfo`, 'utf8'));
    const f = (d: Document, n: string) => d.getElementsByTagName(n)[0]?.textContent;
    // XML 1.0 cannot hold a NUL: it is dropped; the rest reads back as the site gave it.
    expect(f(ep, 'title')).toBe(HOSTILE.replace('\u0000', ''));
    expect(f(ep, 'showtitle')).toBe('Chan <&> "x"');
    expect(f(ep, 'plot')!.length).toBeGreaterThan(10_000);
    expect(f(ep, 'aired')).toBe('2024-03-15');
    expect(f(ep, 'runtime')).toBe('1');
    expect(ep.getElementsByTagName('uniqueid')[0]!.getAttribute('type')).toBe('generic');
    const show = channelFolder(file);
    expect(existsSync(join(show, 'poster.jpg'))).toBe(true);
    expect(f(parseXml(readFileSync(join(show, 'tvshow.nfo'), 'utf8')), 'title')).toBe('Chan <&> "x"');
    // Placed by the media-server layout: the show folder holds a "Season 2024" folder holding the video.
    expect(dirname(file)).toBe(join(show, 'Season 2024'));
    expect(video.filePath).toMatch(/ - S2024E031501 - /);
  });

  it('writes no sidecars with the default layout', async () => {
    h.server.setMetaPage('plainlayout', {});
    const run = makeContext({ url: `${h.server.url}/meta/plainlayout.html`, options: DEFAULT_DOWNLOAD_OPTIONS });
    const result = (await createDownloadHandler(h.options())(run.ctx)) as { videoId: string };
    const file = join(h.lib, h.library.get(result.videoId)!.filePath);
    expect(existsSync(file.replace(/\.mp4$/, '.nfo'))).toBe(false);
    expect(existsSync(file.replace(/\.mp4$/, '-thumb.jpg'))).toBe(false);
  });
});
