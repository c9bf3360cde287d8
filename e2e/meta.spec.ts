import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';

test('embedding is on by default; a media-server download gets sidecars; the Library shows its disk space', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await goTo(page, 'Settings');
  await expect(page.getByLabel('Write title, chapters and cover into the files')).toBeChecked();
  await page.getByLabel('Media server (Jellyfin, Kodi, Plex)').check();
  await expect(page.getByLabel('Media server (Jellyfin, Kodi, Plex)')).toBeChecked();

  await paste(page, `${media.url}/meta/e2e-harbour.html`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /Harbour at dawn/), 'succeeded');

  const show = join(vk.libraryDir, 'Lighthouse Channel');
  const stem = join(show, 'Season 2024', 'Lighthouse Channel - S2024E031501 - Harbour at dawn [e2e-harbour]');
  expect(existsSync(`${stem}.mp4`)).toBe(true);
  expect(readFileSync(`${stem}.nfo`, 'utf8')).toContain('<title>Harbour at dawn</title>');
  expect(existsSync(`${stem}-thumb.jpg`)).toBe(true);
  expect(existsSync(join(show, 'tvshow.nfo'))).toBe(true);
  expect(existsSync(join(show, 'poster.jpg'))).toBe(true);

  await goTo(page, 'Library');
  await expect(page.getByTestId('disk-line')).toHaveText(/^\d[\d.,]* kB in the library · [\d.,]+ [kMGT]B free on its drive$/);
  await page.screenshot({ path: testInfo.outputPath('library-disk.png') });
});
