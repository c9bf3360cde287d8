import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';
import { FIXTURE_COOKIE } from '../test/fixtures/media-server';

test('add a cookies file in Settings, then download the cookie-only video', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  const host = new URL(media.url).hostname;
  await goTo(page, 'Settings');
  await page.getByLabel('Site', { exact: true }).first().fill(host);
  await page.getByLabel('cookies.txt file').setInputFiles({
    name: 'cookies.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`# Netscape HTTP Cookie File\n${host}\tFALSE\t/\tFALSE\t0\t${FIXTURE_COOKIE.name}\t${FIXTURE_COOKIE.value}\n.other.example\tTRUE\t/\tFALSE\t0\tx\ty\n`),
  });
  await page.getByRole('button', { name: 'Add cookies' }).click();
  await expect(page.getByText(new RegExp(`Saved 1 cookies? for ${host.replaceAll('.', '\\.')}\\.`))).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sign-in cookies' })).toContainText(host);
  // The page never receives a cookie's value back.
  await expect(page.locator('body')).not.toContainText(FIXTURE_COOKIE.value);
  await page.screenshot({ path: testInfo.outputPath('settings-sites.png'), fullPage: true });

  await paste(page, `${media.url}/needcookie/v/members-only.mp4`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /members-only/), 'succeeded');
  expect(media.requests.some((r) => r.path.includes('/needcookie/v/members-only') && r.cookie?.includes(FIXTURE_COOKIE.value))).toBe(true);
});

test('a garbage cookies file is refused with the reason', async ({ vk }) => {
  const { page } = vk;
  await goTo(page, 'Settings');
  await page.getByLabel('Site', { exact: true }).first().fill('youtube.com');
  await page.getByLabel('cookies.txt file').setInputFiles({ name: 'cookies.txt', mimeType: 'text/plain', buffer: Buffer.from('this is not a cookie file') });
  await page.getByRole('button', { name: 'Add cookies' }).click();
  await expect(page.getByRole('region', { name: 'Sites' }).getByRole('alert')).toContainText('Line 1 is not a cookie');
  await expect(page.getByText('No site has cookies yet.')).toBeVisible();
});

test('a site that answers 429 shows the waiting message with the next try, then completes', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  // Two 429s (with Retry-After) for this link, then the video: deterministic under any load.
  await paste(page, `${media.url}/flaky429/2/v/polite-site.mp4`);
  await goTo(page, 'Downloads');
  const row = jobRow(page, /polite-site/);
  await expect(row).toContainText(/Waiting: .* asked us to slow down, next try at \d{1,2}:\d\d/, { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('downloads-waiting.png') });
  await waitForState(row, 'succeeded', 90_000);
  expect(media.requests.filter((r) => r.path.includes('/flaky429/2/v/polite-site') && r.status === 429)).toHaveLength(2);
});

test('a proxy is validated on save, and Test says clearly why it fails; Deno is listed with what fails without it', async ({ vk }) => {
  const { page } = vk;
  await goTo(page, 'Settings');
  const sites = page.getByRole('region', { name: 'Sites' });
  const proxy = page.getByLabel('Proxy for all sites');
  await proxy.fill('ftp://proxy.example:21');
  await page.getByRole('button', { name: 'Save proxies' }).click();
  await expect(sites.getByRole('alert')).toContainText('Proxies of type ftp are not supported');
  await proxy.fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  await expect(sites.getByRole('alert').filter({ hasText: 'Nothing answered' })).toContainText('Nothing answered at the proxy http://127.0.0.1:9 (connection refused)', { timeout: 40_000 });
  const deno = page.getByRole('region', { name: 'Deno' });
  await expect(deno).toContainText(/Ready|Not found/);
  if (await deno.getByText('Not found', { exact: true }).isVisible()) await expect(deno).toContainText('many YouTube formats are missing');
});
