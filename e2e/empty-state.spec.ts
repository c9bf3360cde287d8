import { test, expect } from './fixtures';

test('first run shows what to do on an empty library', async ({ appPage, app }, testInfo) => {
  await expect(appPage.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(appPage.getByText('Paste a video link')).toBeVisible();
  await expect(appPage.getByText(app.libraryDir)).toBeVisible();
  await appPage.screenshot({ path: testInfo.outputPath('empty-library.png'), fullPage: true });
});
