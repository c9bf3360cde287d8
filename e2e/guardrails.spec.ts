import { readdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';

/** Loads `src` in a <video> on `page`: 'loaded' when its metadata arrives, 'error' when refused. */
const probe = (src: string) =>
  new Promise<string>((resolve) => {
    const v = document.createElement('video');
    v.onloadedmetadata = () => resolve('loaded');
    v.onerror = () => resolve('error');
    v.src = src;
    document.body.append(v);
  });

test('same file name on two hosts: two videos; another site cannot probe which are kept', async ({ vk, media, browser }) => {
  test.skip(vk.url === null, 'the headless host only');
  const { page } = vk;
  const onA = `${media.url}/v/same-name.mp4`;
  const onB = onA.replace('127.0.0.1', 'localhost');
  await paste(page, `${onA}\n${onB}`);
  await goTo(page, 'Downloads');
  const rows = jobRow(page, /same-name/);
  await expect(rows).toHaveCount(2);
  await waitForState(rows.nth(0), 'succeeded');
  await waitForState(rows.nth(1), 'succeeded');
  // Named by the layout ("same-name [same-name].mp4" and, its name taken, "same-name (2) [same-name].mp4").
  const files = readdirSync(vk.libraryDir, { recursive: true, encoding: 'utf8' }).filter((f) => /same-name.*\.mp4$/.test(f));
  expect(files).toHaveLength(2);

  // Pasting one of them again is "already kept", not a third download.
  await paste(page, onB);
  await expect(page.getByText(/already in your library/i).first()).toBeVisible();

  await goTo(page, 'Library');
  await page.getByRole('button', { name: /same-name/ }).first().click();
  const src = await page.locator('video').getAttribute('src');
  expect(src).toMatch(/^\/media\/video\/[0-9a-f]{24}/);
  const mediaUrl = new URL(src!, vk.url!).toString();
  // The app itself plays it...
  expect(await page.evaluate(probe, mediaUrl)).toBe('loaded');
  // ...a page of another site pointing a <video> at it is refused, as for an id that is not kept.
  const other = await browser.newContext();
  const foreign = await other.newPage();
  await foreign.goto(`${onB.replace('/v/same-name.mp4', '/page/elsewhere.html')}`);
  expect(await foreign.evaluate(probe, mediaUrl)).toBe('error');
  expect(await foreign.evaluate(probe, mediaUrl.replace(/video\/[0-9a-f]+/, 'video/000000000000000000000000'))).toBe('error');
  await other.close();
});
