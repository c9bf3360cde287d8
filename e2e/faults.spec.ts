import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';

test('a 403 shows its human message', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await paste(page, `${media.url}/fault/403/v/forbidden-one.mp4`);
  await goTo(page, 'Downloads');
  const row = jobRow(page, /forbidden-one/);
  await waitForState(row, 'failed');
  await expect(row.getByText(/refused|forbidden|not allowed/i).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('failed-403.png') });
});

test('a 429 retries and then succeeds', async ({ vk, media }) => {
  const { page } = vk;
  await paste(page, `${media.url}/flaky429/2/v/rate-limited.mp4`);
  await goTo(page, 'Downloads');
  const row = jobRow(page, /rate-limited/);
  await waitForState(row, 'succeeded', 50_000);
  expect(media.requests.filter((r) => r.path.includes('rate-limited') && r.status === 429).length).toBeGreaterThanOrEqual(1);
});
