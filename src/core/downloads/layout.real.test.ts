/**
 * Issue 14, real path: real yt-dlp against the local media server, the layout's readable names,
 * side files moved along, no overwriting, and a kill between moving and indexing losing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../../shared/types';
import type { LayoutSetting } from '../../shared/layout';
import { defaultSettings } from '../settings';
import { makeContext } from '../../../test/fixtures/job-context';
import { createDownloadHandler } from './handler';
import { placeDownload } from './place';
import type { DownloadPayload } from './types';
import { createHarness, type Harness } from './harness.test-kit';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const payload = (url: string): DownloadPayload => ({ url, options: DEFAULT_DOWNLOAD_OPTIONS });
const withLayout = (layout: LayoutSetting) => h.options({ getSettings: () => ({ ...defaultSettings(h.lib), layout }) });
const channelPage = (uploader: string, date: string, name: string) => `${h.server.url}/channel/${encodeURIComponent(uploader)}/${date}/${name}.html`;

async function download(url: string, layout: LayoutSetting, jobId = `job-${Math.random()}`) {
  const run = makeContext(payload(url), { jobId });
  const result = (await createDownloadHandler(withLayout(layout))(run.ctx)) as { videoId: string };
  return h.library.get(result.videoId)!;
}

describe('new downloads land at the layout path', () => {
  it('by channel: <Uploader>/<YYYY-MM-DD> <Title> [<id>].mp4, with its info.json and thumbnail beside it', async () => {
    const v = await download(channelPage('Ann Example', '2024-01-31', 'first'), { preset: 'channel', template: '' });
    expect(v.filePath).toBe('Ann Example/2024-01-31 first [first].mp4');
    expect(readdirSync(join(h.lib, 'Ann Example')).sort()).toEqual(['2024-01-31 first [first].info.json', '2024-01-31 first [first].jpg', '2024-01-31 first [first].mp4']);
    expect(JSON.parse(readFileSync(join(h.lib, 'Ann Example', '2024-01-31 first [first].info.json'), 'utf8'))).toMatchObject({ id: 'first', uploader: 'Ann Example' });
    expect(v.hasThumbnail).toBe(true);
    expect(await h.library.resolveMedia(v.id, 'thumb')).toBe(join(h.lib, 'Ann Example', '2024-01-31 first [first].jpg'));
    // Nothing is left in yt-dlp's staging folder.
    expect(readdirSync(join(h.lib, 'Generic')).filter((n) => n.startsWith('first'))).toEqual([]);
  });

  it('media server: show folder, season by year, S<YYYY>E<MMDD><nn> counting the uploader\'s videos that day', async () => {
    const layout: LayoutSetting = { preset: 'media-server', template: '' };
    const a = await download(channelPage('Bo Show', '2023-05-06', 'ep-a'), layout);
    const b = await download(channelPage('Bo Show', '2023-05-06', 'ep-b'), layout);
    expect(a.filePath).toBe('Bo Show/Season 2023/Bo Show - S2023E050601 - ep-a [ep-a].mp4');
    expect(b.filePath).toBe('Bo Show/Season 2023/Bo Show - S2023E050602 - ep-b [ep-b].mp4');
    expect(existsSync(join(h.lib, 'Bo Show/Season 2023/Bo Show - S2023E050602 - ep-b [ep-b].jpg'))).toBe(true);
  });

  it('a custom template with a hostile title and uploader: the title stays text', async () => {
    h.server.setPageTitle('hostile-cust', '../../x: %(id)s\u202E <CON>');
    const v = await download(channelPage('CON', '2022-02-02', 'hostile-cust'), { preset: 'custom', template: '{uploader}/{year}/{title} [{id}]' });
    expect(v.filePath).toBe("_CON/2022/x - %(id)s (CON) [hostile-cust].mp4");
    expect(await h.library.resolveMedia(v.id, 'video')).toBe(join(h.lib, v.filePath));
  });

  it('subtitles are side files too: they move with the video', async () => {
    const run = makeContext({ url: `${h.server.url}/watch/subbed.html`, options: { ...DEFAULT_DOWNLOAD_OPTIONS, subtitles: true } }, { jobId: 'job-subs' });
    const { videoId } = (await createDownloadHandler(withLayout({ preset: 'flat', template: '' }))(run.ctx)) as { videoId: string };
    const v = h.library.get(videoId)!;
    const stem = v.filePath.replace(/\.mp4$/u, '');
    expect(v.filePath).not.toContain('/');
    const names = readdirSync(h.lib).filter((n) => n.startsWith(stem));
    expect(names.some((n) => /\.en\.vtt$/u.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith('.info.json'))).toBe(true);
  });

  it('two titles that collide after cleaning never overwrite each other', async () => {
    // Same uploader, date, title after cleaning ("a-b" and "a/b"), and the same yt-dlp id ("clash"):
    // two pages on different paths are two videos.
    h.server.setPageTitle('clash', 'a/b');
    const first = await download(`${h.server.url}/channel/Cy/2024-03-03/clash.html`, { preset: 'flat', template: '' });
    h.server.setPageTitle('clash', 'a-b');
    const second = await download(`${h.server.url}/slow/9999999/channel/Cy/2024-03-03/clash.html`, { preset: 'flat', template: '' });
    expect(first.filePath).toBe('a-b [clash].mp4');
    expect(second.filePath).toBe('a-b (2) [clash].mp4');
    expect(first.id).not.toBe(second.id);
    expect(JSON.parse(readFileSync(join(h.lib, 'a-b [clash].info.json'), 'utf8')).title).toBe('a/b');
    expect(JSON.parse(readFileSync(join(h.lib, 'a-b (2) [clash].info.json'), 'utf8')).title).toBe('a-b');
  });

  it('a symlinked folder under the planned name cannot lead outside the library: the file stays put', async () => {
    const outside = join(h.dir, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(h.lib, 'Eve'));
    const v = await download(channelPage('Eve', '2024-01-01', 'evil'), { preset: 'channel', template: '' });
    expect(v.filePath).toMatch(/^Generic\/127\.0\.0\.1_\d+_channel_Eve_2024-01-01_evil\.mp4$/u);
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('crash between moving and indexing', () => {
  it('a run killed before the index commit: the next run finishes the moves and indexes the file, downloading nothing', async () => {
    const layout: LayoutSetting = { preset: 'channel', template: '' };
    const url = channelPage('Dee', '2024-02-02', 'crashy');
    // The "kill": the process dies inside the indexing transaction, after the files moved.
    const dying = { ...h.library, add: () => { throw new Error('killed') } };
    const first = makeContext(payload(url), { jobId: 'job-crash' });
    await expect(createDownloadHandler({ ...withLayout(layout), library: dying })(first.ctx)).rejects.toThrow('killed');
    const target = join(h.lib, 'Dee', '2024-02-02 crashy [crashy]');
    expect(existsSync(`${target}.mp4`)).toBe(true);
    expect(h.library.findByUrl(url)).toBeNull();
    // ...and before its last rename: that side file is still in staging.
    const journal = JSON.parse(h.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get('download.place.job-crash')!.value) as Array<[string, string]>;
    const [lastFrom, lastTo] = journal.at(-1)!;
    renameSync(join(h.lib, lastTo), join(h.lib, lastFrom));

    let spawned = 0;
    const counting = ((...a: Parameters<NonNullable<ReturnType<Harness['options']>['spawn']>>) => {
      spawned++;
      return h.options().spawn!(...a);
    }) as NonNullable<ReturnType<Harness['options']>['spawn']>;
    const second = makeContext(payload(url), { jobId: 'job-crash' });
    const { videoId } = (await createDownloadHandler({ ...withLayout(layout), spawn: counting })(second.ctx)) as { videoId: string };
    expect(spawned).toBe(0);
    const v = h.library.get(videoId)!;
    expect(v.filePath).toBe('Dee/2024-02-02 crashy [crashy].mp4');
    expect(v.hasThumbnail).toBe(true);
    expect(await h.library.resolveMedia(videoId, 'video')).toBe(`${target}.mp4`);
    // The journal is gone with the commit: a third run of the same job id downloads normally.
    expect(existsSync(join(h.lib, lastTo)) && !existsSync(join(h.lib, lastFrom))).toBe(true);
    expect(h.db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'download.place.%'").get()).toEqual({ n: 0 });
  });

  it('a run killed after journaling but before any rename: the next run moves the files itself', async () => {
    const layout: LayoutSetting = { preset: 'flat', template: '' };
    const url = channelPage('Fay', '2024-04-04', 'halfway');
    // yt-dlp's part, then the journal with nothing moved yet (files moved back to staging).
    const dying = { ...h.library, add: () => { throw new Error('killed') } };
    await expect(createDownloadHandler({ ...withLayout(layout), library: dying })(makeContext(payload(url), { jobId: 'job-half' }).ctx)).rejects.toThrow('killed');
    const row = h.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get('download.place.job-half')!;
    const moves = JSON.parse(row.value) as Array<[string, string]>;
    for (const [from, to] of moves) renameSync(join(h.lib, to), join(h.lib, from));
    expect(existsSync(join(h.lib, 'halfway [halfway].mp4'))).toBe(false);
    const { videoId } = (await createDownloadHandler(withLayout(layout))(makeContext(payload(url), { jobId: 'job-half' }).ctx)) as { videoId: string };
    expect(h.library.get(videoId)!.filePath).toBe('halfway [halfway].mp4');
    for (const [from, to] of moves) {
      expect(existsSync(join(h.lib, to))).toBe(true);
      expect(existsSync(join(h.lib, from))).toBe(false);
    }
  });

  it('placeDownload never overwrites a file it did not make', () => {
    mkdirSync(join(h.lib, 'Gen2'), { recursive: true });
    const file = join(h.lib, 'Gen2', 'x1.mp4');
    writeFileSync(file, 'new');
    writeFileSync(join(h.lib, 'Gen2', 'x1.info.json'), '{}');
    writeFileSync(join(h.lib, 'T [x1].mp4'), 'someone else');
    const placed = placeDownload({ db: h.db, jobId: 'job-place', libraryDir: h.lib, layout: { preset: 'flat', template: '' }, file, info: { id: 'x1', title: 'T' }, dayIndex: 1 });
    expect(placed.file).toBe(join(h.lib, 'T (2) [x1].mp4'));
    expect(readFileSync(join(h.lib, 'T [x1].mp4'), 'utf8')).toBe('someone else');
    expect(readFileSync(join(h.lib, 'T (2) [x1].info.json'), 'utf8')).toBe('{}');
  });
});
