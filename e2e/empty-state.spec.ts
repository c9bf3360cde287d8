import { test, expect } from './fixtures';

test('first run shows what to do on an empty library', async ({ vk }, testInfo) => {
  const { page } = vk;
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(page.getByText('Paste a video link')).toBeVisible();
  await expect(page.getByText(vk.libraryDir)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('empty-library.png'), fullPage: true });
});
