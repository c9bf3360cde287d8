import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';

test('choose a layout preset, paste a link, see the readable path in the video detail', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await goTo(page, 'Settings');
  const example = page.getByLabel('Example path for a new download');
  // The default names by channel.
  await expect(page.getByLabel('By channel')).toBeChecked();
  await expect(example).toHaveText('Example: Studio Aurora/2024-01-31 Zürich - Lago 1-3 [dQw4w9WgXcQ].mp4');

  // A refused custom template is explained inline and saves nothing.
  await page.getByLabel('Custom template').check();
  const template = page.getByLabel('Template', { exact: true });
  await template.fill('{uploader}/{title}');
  await expect(page.locator('.layout-settings').getByRole('alert')).toHaveText(/must hold \{id\}/);
  await expect(page.getByRole('button', { name: 'Use this template' })).toBeDisabled();
  await template.fill('{uploader}/{year}/{title} [{id}]');
  await expect(example).toHaveText('Example: Studio Aurora/2024/Zürich - Lago 1-3 [dQw4w9WgXcQ].mp4');

  await page.getByLabel('Media server (Jellyfin, Kodi, Plex)').check();
  await expect(example).toHaveText(/^Example: Studio Aurora \[UC4QobU6STFB0P71PMvOGN5A\]\/Season 2024\/Studio Aurora - S2024E013101 - /);
  // Saved in core: a fresh page shows the same choice.
  await page.reload();
  await goTo(page, 'Settings');
  await expect(page.getByLabel('Media server (Jellyfin, Kodi, Plex)')).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath('settings-layout.png') });

  await paste(page, `${media.url}/channel/Ann%20E2E/2024-01-31/layout-clip.html`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /layout-clip/), 'succeeded');
  await goTo(page, 'Library');
  await page.getByRole('button', { name: /layout-clip/ }).first().click();
  const path = 'Ann E2E/Season 2024/Ann E2E - S2024E013101 - layout-clip [layout-clip].mp4';
  await expect(page.locator('code.path')).toHaveText(path);
  await page.screenshot({ path: testInfo.outputPath('detail-path.png') });
  expect(existsSync(join(vk.libraryDir, path))).toBe(true);
  expect(existsSync(join(vk.libraryDir, path.replace(/\.mp4$/, '.info.json')))).toBe(true);
  expect(existsSync(join(vk.libraryDir, path.replace(/\.mp4$/, '.jpg')))).toBe(true);
});
