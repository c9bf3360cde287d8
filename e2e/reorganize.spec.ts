import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';

test('a layout change, then Reorganize: the detail shows the new path and the video still plays', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await paste(page, `${media.url}/v/harbour-reorg.mp4`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /harbour-reorg/), 'succeeded');

  await goTo(page, 'Library');
  await page.getByRole('button', { name: /harbour-reorg/ }).first().click();
  const pathCell = page.locator('code.path');
  // "By channel" (the default): in a folder.
  await expect(pathCell).toHaveText(/\/.*harbour-reorg.*\.mp4$/);
  const before = (await pathCell.textContent())!;
  await page.keyboard.press('Escape');

  await goTo(page, 'Settings');
  await page.getByLabel('Flat', { exact: true }).check();
  await expect(page.getByLabel('Flat', { exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Reorganize library…' }).click();
  await expect(page.getByText('1 video of 1 will move to the chosen layout.', { exact: false })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('reorganize-confirm.png') });
  await page.getByRole('button', { name: 'Move 1 video' }).click();
  await expect(page.getByText('Done: 1 video moved.')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('reorganize-done.png') });
  // Asked again: nothing left to move.
  await page.getByRole('button', { name: 'Reorganize library…' }).click();
  await expect(page.getByText('Every video is already where the chosen layout puts it.')).toBeVisible();

  await goTo(page, 'Library');
  await page.getByRole('button', { name: /harbour-reorg/ }).first().click();
  await expect(pathCell).toHaveText(/^[^/]*harbour-reorg[^/]*\.mp4$/);
  const after = (await pathCell.textContent())!;
  expect(existsSync(join(vk.libraryDir, after))).toBe(true);
  expect(existsSync(join(vk.libraryDir, before))).toBe(false);
  const video = page.locator('video');
  await video.evaluate((v: HTMLVideoElement) => new Promise((r) => (v.readyState >= 1 ? r(null) : v.addEventListener('loadedmetadata', () => r(null), { once: true }))));
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(1);
  await video.evaluate((v: HTMLVideoElement) => new Promise((r) => { v.addEventListener('seeked', () => r(null), { once: true }); v.currentTime = 1.2; }));
  expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(1);
});
