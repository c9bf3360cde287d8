/**
 * Issue 14's import, end to end in Chromium against the headless host: the database deleted, the
 * host restarted, the library is back by itself; and a folder imported from Settings, then found.
 */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test, expect, openApp } from './fixtures';
import { launchWebApp, type AppProcess } from './launch';
import { goTo, jobRow, paste, waitForState } from './helpers';

let tmp: string;
const running: AppProcess[] = [];
test.beforeEach(() => void (tmp = mkdtempSync(join(tmpdir(), 'vk-e2e-import-'))));
test.afterEach(async () => {
  for (const p of running.splice(0)) await p.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
});

async function start(browser: Browser, args: string[] = []): Promise<Page> {
  const proc = await launchWebApp({ dataDir: join(tmp, 'data'), libraryDir: join(tmp, 'library'), args });
  running.push(proc);
  const page = await (await browser.newContext()).newPage();
  await openApp(page, proc.url);
  return page;
}

const search = (page: Page, text: string) => page.getByRole('searchbox', { name: 'Search library' }).fill(text);

test('delete the database, restart the headless host: the library is back', async ({ browser, media }) => {
  media.setPageTitle('e2e-harbour', 'Harbour at dawn');
  media.setPageTitle('e2e-picnic', 'Family picnic');
  let page = await start(browser);
  await paste(page, `${media.url}/page/e2e-harbour.html\n${media.url}/page/e2e-picnic.html`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /Harbour at dawn/), 'succeeded', 60_000);
  await waitForState(jobRow(page, /Family picnic/), 'succeeded', 60_000);
  await page.context().close();
  await running.pop()!.kill('SIGTERM');
  for (const f of ['vidkeep.db', 'vidkeep.db-wal', 'vidkeep.db-shm']) rmSync(join(tmp, 'data', f), { force: true });
  // More kept videos whose info json has no duration (each is probed): the rebuild takes a moment.
  const old = join(tmp, 'library', 'Older');
  mkdirSync(old, { recursive: true });
  for (let i = 0; i < 48; i++) {
    linkSync(media.media.mp4, join(old, `old${i}.mp4`));
    writeFileSync(join(old, `old${i}.info.json`), JSON.stringify({ id: `old${i}`, extractor_key: 'Youtube', title: `Older video ${i}`, uploader: 'Archive' }));
  }

  page = await start(browser);
  await goTo(page, 'Library');
  await expect(page.getByText(/Rebuilding your library from disk… (\d+ of \d+|\d+ videos found)/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('library-rebuilding.png') });
  // Many cards now: the search finds the downloaded ones, whatever the grid shows first.
  await search(page, 'harbour');
  await expect(page.getByRole('button', { name: /Harbour at dawn/ })).toBeVisible({ timeout: 60_000 });
  await search(page, 'picnic');
  await expect(page.getByRole('button', { name: /Family picnic/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Harbour at dawn/ })).toHaveCount(0);
  await search(page, 'older video 47');
  await expect(page.getByRole('button', { name: /Older video 47/ })).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: test.info().outputPath('library-rebuilt.png') });
});

test('import a folder from Settings, then search in it', async ({ browser, media }) => {
  const roots = join(tmp, 'roots');
  const folder = join(roots, 'old archive', 'Keeper');
  mkdirSync(folder, { recursive: true });
  copyFileSync(media.media.mp4, join(folder, 'diary.mp4'));
  writeFileSync(join(folder, 'diary.info.json'), JSON.stringify({ id: 'lk1', extractor_key: 'Youtube', title: 'The lighthouse keeper’s diary', uploader: 'Old Keeper', duration: 2, webpage_url: 'https://www.youtube.com/watch?v=lk1' }));
  writeFileSync(join(folder, 'broken.mp4'), 'not a video at all');
  const page = await start(browser, ['--library-root', roots]);
  await goTo(page, 'Settings');
  const field = page.getByLabel('Folder', { exact: true });

  // Outside the roots the host was started with: refused, nothing imported.
  await field.fill(tmpdir());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/is outside the folders this VidKeep may use/)).toBeVisible();

  await field.fill(join(roots, 'old archive'));
  await expect(page.getByRole('radio', { name: 'Leave them where they are' })).toBeChecked();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/Import finished: 1 video imported, 0 already in VidKeep, 1 file skipped/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('This is not a video or audio file, whatever its name says.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('import-done.png') });

  await goTo(page, 'Library');
  await search(page, 'lighthouse');
  const card = page.getByRole('button', { name: /The lighthouse keeper’s diary/ });
  await expect(card).toBeVisible();
  // It plays from where it lies: the media route serves a file under a granted folder.
  await card.click();
  await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThan(0);
});
