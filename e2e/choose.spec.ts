// Issue 17 in the UI: pick a format, pick playlist entries, cut a clip, and a sent link checked like a paste.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { goTo, jobRow, waitForState } from './helpers';

const mediaFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(mp4|mkv|webm|ts)$/.test(f) && statSync(join(dir, f)).isFile())
    .map((f) => join(dir, f));
const probe = (file: string, entries: string) =>
  execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', entries, '-of', 'default=nw=1:nk=1', file], { encoding: 'utf8' }).trim().split('\n')[0]!;

test('pick a format from the formats an HLS master offers', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await page.getByLabel('Video links').fill(`${media.url}/master/e2e-fmt/master.m3u8`);
  await page.getByRole('button', { name: 'Choose format…' }).click();
  const radios = page.getByRole('radio');
  await expect(radios).toHaveCount(3, { timeout: 45_000 });
  await page.screenshot({ path: testInfo.outputPath('formats.png') });
  await page.getByLabel('360p 25 fps').check();
  await page.getByRole('button', { name: 'Download this format' }).click();
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /master/).first(), 'succeeded');
  const files = mediaFiles(vk.libraryDir);
  expect(files).toHaveLength(1);
  expect(probe(files[0]!, 'stream=height')).toBe('360');
});

test('pick 3 entries of a 20-entry playlist: exactly those download', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  media.setFeed(Array.from({ length: 20 }, (_, i) => ({ name: `e2e-pl-${i + 1}`, title: `E2E entry ${i + 1}` })), 'E2E list');
  await page.getByLabel('Video links').fill(`${media.url}/feed.xml`);
  await page.getByRole('button', { name: 'Choose entries…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“E2E list”: 20 videos' })).toBeVisible({ timeout: 45_000 });
  const list = page.getByRole('list', { name: 'Entries of the playlist' });
  await list.getByRole('listitem').filter({ hasText: 'E2E entry 2' }).first().getByRole('checkbox').check();
  // A range, 5 to 6, added to the selection.
  await page.getByLabel('From entry').fill('5');
  await page.getByLabel('to', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Select range' }).click();
  await page.screenshot({ path: testInfo.outputPath('entries.png') });
  await page.getByRole('button', { name: 'Download 3 selected' }).click();
  await goTo(page, 'Downloads');
  for (const n of [2, 5, 6]) await waitForState(jobRow(page, new RegExp(`e2e-pl-${n}\\b`)).first(), 'succeeded');
  await expect(page.locator('[data-job-id]')).toHaveCount(3);
  for (let i = 1; i <= 20; i++) expect(media.count(`/v/e2e-pl-${i}.mp4`) > 0, `entry ${i}`).toBe([2, 5, 6].includes(i));
});

test('cut a clip: a range past the end is refused in words, a good one is kept as its own video', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await page.getByLabel('Video links').fill(`${media.url}/long/e2e-clip.mp4`);
  await page.getByRole('button', { name: 'Clip…' }).click();
  await page.getByLabel('Start').fill('0:02');
  await page.getByLabel('End').fill('0:30');
  await page.getByRole('button', { name: 'Cut clip' }).click();
  await expect(page.getByText(/past the end of the video \(0:12\)/)).toBeVisible({ timeout: 45_000 });
  await page.getByLabel('End').fill('0:06');
  await page.getByRole('button', { name: 'Cut clip' }).click();
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /clip/).first(), 'succeeded', 90_000);
  await page.screenshot({ path: testInfo.outputPath('clip-done.png') });
  const files = mediaFiles(vk.libraryDir);
  expect(files).toHaveLength(1);
  expect(Math.abs(Number(probe(files[0]!, 'format=duration')) - 4)).toBeLessThanOrEqual(1);
  await goTo(page, 'Library');
  await expect(page.getByRole('button', { name: /\(clip\)/ })).toBeVisible();
});

test('a link sent by the bookmarklet waits in the paste box and is refused as a paste is', async ({ vk, media }) => {
  const { page } = vk;
  await page.goto(new URL(`/?add=${encodeURIComponent('file:///etc/passwd')}`, vk.url!).toString());
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
  await expect(page.getByLabel('Video links')).toHaveValue('file:///etc/passwd');
  expect(new URL(page.url()).searchParams.has('add')).toBe(false);
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(page.getByText('VidKeep only downloads web links (http or https), not file links.')).toBeVisible();
  await page.goto(new URL(`/?add=${encodeURIComponent(`${media.url}/v/e2e-sent.mp4`)}`, vk.url!).toString());
  await expect(page.getByLabel('Video links')).toHaveValue(`${media.url}/v/e2e-sent.mp4`);
});

test('a 5,000-entry playlist stays responsive: only the rows in view are in the page', async ({ vk, media }) => {
  const { page } = vk;
  media.setFeed(Array.from({ length: 5000 }, (_, i) => ({ name: `big-${i + 1}`, title: `Big entry ${i + 1}` })), 'Big list');
  await page.getByLabel('Video links').fill(`${media.url}/feed.xml`);
  await page.getByRole('button', { name: 'Choose entries…' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Big list”: 5,000 videos' })).toBeVisible({ timeout: 60_000 });
  const list = page.getByRole('list', { name: 'Entries of the playlist' });
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
  const scroller = page.locator('.picker-list');
  const started = Date.now();
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(list.getByRole('listitem').filter({ hasText: 'Big entry 5000' })).toBeVisible();
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await list.getByRole('listitem').count()).toBeLessThan(60);
  await page.getByRole('button', { name: 'Select all' }).click();
  await expect(page.getByRole('button', { name: 'Download 5,000 selected' })).toBeVisible();
  // Nothing downloaded while choosing.
  expect(media.requests.filter((r) => r.path.startsWith('/v/big-'))).toEqual([]);
});
