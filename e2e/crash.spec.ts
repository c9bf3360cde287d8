import { readdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';

test('kill the app mid-download; after relaunch it resumes and completes exactly once', async ({ vk, media }) => {
  let page = vk.page;
  await paste(page, `${media.url}/slow/30000/v/crash-resume.mp4`);
  await goTo(page, 'Downloads');
  await expect(jobRow(page, /crash-resume/).getByText(/\b[1-9]\d?%/)).toBeVisible({ timeout: 30_000 });
  page = await vk.relaunch('SIGKILL');
  await goTo(page, 'Downloads');
  const row = jobRow(page, /crash-resume/);
  await waitForState(row, 'succeeded', 55_000);
  // The second request resumed with a Range header instead of starting over.
  expect(media.requests.some((r) => r.path.endsWith('crash-resume.mp4') && r.range?.startsWith('bytes=') && !r.range.startsWith('bytes=0-'))).toBe(true);
  await goTo(page, 'Library');
  await expect(page.getByRole('button', { name: /crash-resume/ })).toHaveCount(1);
  const files = readdirSync(vk.libraryDir, { recursive: true, encoding: 'utf8' }).filter((f) => /crash-resume.*\.mp4$/.test(f));
  expect(files).toHaveLength(1);
});

test('settings survive a restart', async ({ vk }) => {
  let page = vk.page;
  await goTo(page, 'Settings');
  await page.getByLabel(/Default quality/i).selectOption('720p');
  await page.getByLabel(/Theme/i).selectOption('dark');
  await expect(page.getByText('Saved')).toBeVisible();
  page = await vk.relaunch('SIGTERM');
  await goTo(page, 'Settings');
  await expect(page.getByLabel(/Default quality/i)).toHaveValue('720p');
  await expect(page.getByLabel(/Theme/i)).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
