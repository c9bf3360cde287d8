import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
}

test('paste a URL, watch progress, play and seek, find it by search', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  const url = `${media.url}/slow/25000/v/harbour-sunrise.mp4`;
  await paste(page, url);
  await goTo(page, 'Downloads');
  const row = jobRow(page, /harbour-sunrise/);
  await expect(row).toBeVisible();
  // Progress moves: a percentage below 100 shows up before the job completes.
  await expect(row.getByText(/\b([1-9]|[1-9]\d)%/)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('downloads-progress.png') });
  await waitForState(row, 'succeeded');
  await page.screenshot({ path: testInfo.outputPath('downloads-done.png') });

  await goTo(page, 'Library');
  const card = page.getByRole('button', { name: /harbour-sunrise/ }).first();
  await expect(card).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('library.png') });
  await card.click();
  const video = page.locator('video');
  await expect(video).toBeVisible();
  await video.evaluate((v: HTMLVideoElement) => new Promise((r) => (v.readyState >= 1 ? r(null) : v.addEventListener('loadedmetadata', () => r(null), { once: true }))));
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(1);
  await video.evaluate((v: HTMLVideoElement) => new Promise((r) => { v.addEventListener('seeked', () => r(null), { once: true }); v.currentTime = 1.2; }));
  expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(1);
  await page.screenshot({ path: testInfo.outputPath('player.png') });
  await page.keyboard.press('Escape');

  await page.getByLabel('Search library').fill('harbour');
  await expect(page.getByRole('button', { name: /harbour-sunrise/ })).toHaveCount(1);
  await page.getByLabel('Search library').fill('nothing-like-this');
  await expect(page.getByRole('button', { name: /harbour-sunrise/ })).toHaveCount(0);

  // Exactly one media file landed in the library.
  expect(filesIn(vk.libraryDir).filter((f) => f.endsWith('.mp4'))).toHaveLength(1);
});

test('pasting the same video again says it is already kept', async ({ vk, media }) => {
  const { page } = vk;
  const url = `${media.url}/v/twice-kept.mp4`;
  await paste(page, url);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /twice-kept/), 'succeeded');
  await paste(page, url);
  await expect(page.getByText(/already in your library/i)).toBeVisible();
  expect(filesIn(vk.libraryDir).filter((f) => f.endsWith('.mp4'))).toHaveLength(1);
});

test('several URLs at once, one invalid explained inline', async ({ vk, media }) => {
  const { page } = vk;
  await paste(page, [`${media.url}/v/multi-one.mp4`, 'ftp://nope.example/file', `${media.url}/v/multi-two.mp4`].join('\n'));
  await expect(page.getByText(/ftp:\/\/nope\.example/).first()).toBeVisible();
  await expect(page.getByText(/http or https|only web links/i).first()).toBeVisible();
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /multi-one/), 'succeeded');
  await waitForState(jobRow(page, /multi-two/), 'succeeded');
});

test('cancel mid-download', async ({ vk, media }) => {
  const { page } = vk;
  await paste(page, `${media.url}/slow/20000/v/to-cancel.mp4`);
  await goTo(page, 'Downloads');
  const row = jobRow(page, /to-cancel/);
  await waitForState(row, 'active');
  await row.getByRole('button', { name: /cancel/i }).click();
  await waitForState(row, 'cancelled');
});
