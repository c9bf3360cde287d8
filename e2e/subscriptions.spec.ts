import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { goTo, goToSubscriptions, jobRow, paste, subscriptionRow, waitForState } from './helpers';

/** Requests for one entry's video file (any prefix, any method). */
const videoHits = (media: { requests: Array<{ path: string }> }, name: string) => media.requests.filter((r) => r.path.endsWith(`/v/${name}.mp4`)).length;

test('subscribe to a feed: the newest video now, a new one on "Check now", never the older one', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  // The media server is shared by the worker's specs: names of its own keep this feed's videos apart.
  const tag = `subs${Date.now().toString(36)}`;
  const older = `${tag}-older`;
  const newer = `${tag}-newer`;
  const newest = `${tag}-newest`;
  media.setFeed(
    [
      { name: newer, title: `${tag} newer` },
      { name: older, title: `${tag} older` },
    ],
    `Feed ${tag}`,
  );

  await goToSubscriptions(page);
  await expect(page.getByRole('heading', { name: 'No subscriptions yet' })).toBeVisible();
  await page.getByLabel('Subscription link').fill(`${media.url}/feed.xml`);
  await expect(page.getByLabel('Check for new videos')).toHaveValue('0 */6 * * *');
  await page.getByRole('radio', { name: 'The newest N' }).check();
  await page.getByLabel('How many').fill('1');
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();

  const row = subscriptionRow(page, /feed\.xml/);
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-state', 'ok', { timeout: 45_000 });
  await expect(row).toContainText('1 new');
  await expect(row).toContainText(/Last check:?\s*just now/);
  await expect(page.getByLabel('Subscription link')).toHaveValue('');
  await page.screenshot({ path: testInfo.outputPath('subscriptions.png'), fullPage: true });
  await row.screenshot({ path: testInfo.outputPath('subscription-row.png') });

  await goTo(page, 'Library');
  await expect(page.getByRole('button', { name: new RegExp(`${tag}.newer`) }).first()).toBeVisible({ timeout: 45_000 });
  expect(videoHits(media, older)).toBe(0);

  // A new video on top of the feed; "Check now" takes it, and only it.
  media.setFeed(
    [
      { name: newest, title: `${tag} newest` },
      { name: newer, title: `${tag} newer` },
      { name: older, title: `${tag} older` },
    ],
    `Feed ${tag}`,
  );
  await goToSubscriptions(page);
  const newerHits = videoHits(media, newer);
  await row.getByRole('button', { name: /^Check now/ }).click();
  await goTo(page, 'Library');
  await expect(page.getByRole('button', { name: new RegExp(`${tag}.newest`) }).first()).toBeVisible({ timeout: 45_000 });
  // Keep it: the retention rule of a subscription never deletes a kept video.
  const card = page.getByRole('button', { name: new RegExp(`${tag}.newest`) }).first();
  await card.click();
  const keep = page.getByRole('dialog').getByRole('button', { name: 'Keep', exact: true });
  await expect(keep).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('dialog')).toContainText('Subscriptions never delete videos you keep');
  await keep.click();
  await expect(keep).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: testInfo.outputPath('kept-video.png') });
  await page.keyboard.press('Escape');
  await expect(card).toContainText('Kept');

  await goToSubscriptions(page);
  await expect(row).toHaveAttribute('data-state', 'ok');
  await expect(row).toContainText('1 new');
  await expect(row).toContainText('2 in all');
  expect(videoHits(media, older)).toBe(0);
  expect(videoHits(media, newer)).toBe(newerHits);

  // "Show videos" opens the Library with only what this subscription queued: not a video pasted by hand.
  const own = `${tag}-own`;
  await paste(page, `${media.url}/v/${own}.mp4`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, own), 'succeeded');
  await goToSubscriptions(page);
  const subscriptionId = await row.getAttribute('data-subscription-id');
  await row.getByRole('button', { name: `Show videos from Feed ${tag}`, exact: true }).click();
  const filter = page.getByRole('combobox', { name: 'Subscription', exact: true });
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue(subscriptionId!);
  await expect(filter.locator('option:checked')).toHaveText(`Feed ${tag}`);
  const videos = page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
  await expect(videos).toHaveCount(2);
  await expect(videos.filter({ hasText: new RegExp(`${tag}.newest`) })).toHaveCount(1);
  await expect(videos.filter({ hasText: new RegExp(`${tag}.newer`) })).toHaveCount(1);
  await expect(page.locator('.toolbar .count')).toHaveText('2 videos');
  await page.screenshot({ path: testInfo.outputPath('library-subscription.png') });
  // With the filter on, an empty result says which subscription it searched.
  await page.getByLabel('Search library').fill('nothing-like-this');
  await expect(page.getByRole('heading', { name: 'No videos match' })).toBeVisible();
  await expect(page.locator('.empty')).toContainText(`Nothing from “Feed ${tag}” matches “nothing-like-this”`);
  await page.getByLabel('Search library').fill('');
  await filter.selectOption({ label: 'All videos' });
  await expect(filter).toHaveValue('');
  await expect(videos).toHaveCount(3);
  await expect(videos.filter({ hasText: own })).toHaveCount(1);
  await goToSubscriptions(page);

  // The view passes the same accessibility bar as the others, with a row and an open edit form.
  await row.getByRole('button', { name: /^Edit/ }).click();
  await expect(row.getByLabel('Check for new videos')).toBeFocused();
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  }
  await page.screenshot({ path: testInfo.outputPath('subscriptions-edit.png'), fullPage: true });
  await row.getByLabel('Check for new videos').selectOption({ label: 'Every day' });
  await row.getByRole('button', { name: 'Save changes' }).click();
  await expect(row.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(row).toContainText('Every day');
  await expect(row.getByRole('button', { name: /^Edit/ })).toBeFocused();

  // Pausing everything from the keyboard keeps focus on the control used, not the page body.
  const pauseAll = page.getByRole('button', { name: 'Pause all', exact: true });
  const resumeAll = page.getByRole('button', { name: 'Resume all', exact: true });
  await expect(resumeAll).toHaveAttribute('aria-disabled', 'true');
  await pauseAll.focus();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-state', 'paused');
  await expect(page.getByRole('status').filter({ hasText: 'Every subscription is paused.' })).toBeAttached();
  await expect(pauseAll).toBeFocused();
  await expect(pauseAll).toHaveAttribute('aria-disabled', 'true');
  await expect(resumeAll).not.toHaveAttribute('aria-disabled', 'true');
  // Pressing it again while it does not apply does nothing, and focus still stays.
  await page.keyboard.press('Enter');
  await expect(pauseAll).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(resumeAll).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-state', 'ok');
  await expect(resumeAll).toBeFocused();
  await expect(resumeAll).toHaveAttribute('aria-disabled', 'true');
  // The row's own Pause/Resume toggles in place and keeps focus too.
  const rowPause = row.getByRole('button', { name: /^Pause / });
  await rowPause.focus();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-state', 'paused');
  await expect(row.getByRole('button', { name: /^Resume / })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-state', 'ok');
  await expect(rowPause).toBeFocused();
});

test('a bad link is explained and nothing typed is lost', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await goToSubscriptions(page);
  const link = page.getByLabel('Subscription link');

  // Not a link at all: refused with a message, and the form keeps everything.
  await link.fill('not a link');
  await page.locator('.sub-add summary', { hasText: 'Filters' }).click();
  await page.getByLabel('Title contains').fill('keep me');
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  const alert = page.locator('.sub-add').getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/link|url|address/i);
  await expect(link).toHaveValue('not a link');
  await expect(page.getByLabel('Title contains')).toHaveValue('keep me');
  await expect(page.locator('[data-subscription-id]')).toHaveCount(0);

  // A link the site refuses (403): explained in the form or on the row, in words, not a code.
  await link.fill(`${media.url}/fault/403/feed.xml`);
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  // The subscription is saved first and its first check fails: the row keeps the error, in words.
  const failedRow = page.locator('[data-subscription-id][data-state="error"]');
  await expect(failedRow).toContainText(/refused|forbidden|not allowed|permission/i, { timeout: 45_000 });
  await expect(failedRow).not.toContainText(/\[generic\] None/);
  // The error sits in a polite live region that existed before it, so it is announced when it appears.
  await expect(failedRow.locator('[aria-live="polite"]')).toContainText(/refused|forbidden|not allowed|permission/i);
  await page.screenshot({ path: testInfo.outputPath('subscriptions-error.png'), fullPage: true });
  await failedRow.screenshot({ path: testInfo.outputPath('subscription-error-row.png') });
  // Kept with its error, so the user can fix or remove it; nothing else is affected.
  await expect(failedRow).toContainText(/fault\/403\/feed\.xml/);
  await expect(failedRow.getByRole('button', { name: /^Check now/ })).toBeEnabled();
  // Removing asks inline first, and works from the keyboard: Escape backs out, focus returns.
  const remove = failedRow.getByRole('button', { name: /^Remove/ });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(failedRow.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(failedRow.getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-subscription-id]')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No subscriptions yet' })).toBeVisible();
  // Focus lands somewhere useful, not on the page body.
  await expect(link).toBeFocused();
});

test('import a download archive in parts, then export it', async ({ vk }, testInfo) => {
  const { page } = vk;
  await goToSubscriptions(page);
  // Over MAX_ARCHIVE_CHARS, so it goes in more than one request; two lines are not archive lines.
  const ids = Array.from({ length: 12_000 }, (_, i) => `youtube vid${String(i).padStart(8, '0')}x`);
  const text = [...ids.slice(0, 6000), 'this is not a line', ...ids.slice(6000), ids[0], 'nope'].join('\n');
  expect(text.length).toBeGreaterThan(200_000);
  await page.getByLabel('Import download archive…').setInputFiles({ name: 'archive.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  const status = page.locator('.sub-archive').getByRole('status');
  await expect(status).toHaveText(/^Imported 12,000 videos \(1 already known, 2 lines not understood: “this is not a line”, “nope”\)\.$/, { timeout: 30_000 });
  await page.locator('.sub-archive').screenshot({ path: testInfo.outputPath('archive-import.png') });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export download archive' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('vidkeep-archive.txt');
  const exported = (await readFile(await file.path(), 'utf8')).trim().split('\n');
  expect(exported).toHaveLength(12_000);
  expect(exported).toContain('youtube vid00000042x');
  await expect(status).toHaveText('Exported 12,000 videos to vidkeep-archive.txt.');
});

test('a subscription and what it has seen survive the app being killed', async ({ vk, media }) => {
  let page = vk.page;
  const tag = `crash${Date.now().toString(36)}`;
  media.setFeed([{ name: `${tag}-b`, title: `${tag} b` }, { name: `${tag}-a`, title: `${tag} a` }], `Feed ${tag}`);
  await goToSubscriptions(page);
  await page.getByLabel('Subscription link').fill(`${media.url}/feed.xml?${tag}`);
  await page.getByRole('radio', { name: 'The newest N' }).check();
  await page.getByLabel('How many').fill('1');
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  const row = () => subscriptionRow(page, new RegExp(tag));
  await expect(row()).toHaveAttribute('data-state', 'ok', { timeout: 45_000 });
  await goTo(page, 'Library');
  await expect(page.getByRole('button', { name: new RegExp(`${tag}.b`) }).first()).toBeVisible({ timeout: 45_000 });

  page = await vk.relaunch('SIGKILL');
  await goToSubscriptions(page);
  await expect(row()).toHaveAttribute('data-state', 'ok');
  await expect(row()).toContainText(/Next check:?\s*in /);
  media.setFeed([{ name: `${tag}-c`, title: `${tag} c` }, { name: `${tag}-b`, title: `${tag} b` }, { name: `${tag}-a`, title: `${tag} a` }], `Feed ${tag}`);
  const bHits = videoHits(media, `${tag}-b`);
  expect(bHits).toBeGreaterThan(0);
  await row().getByRole('button', { name: /^Check now/ }).click();
  await goTo(page, 'Library');
  await expect(page.getByRole('button', { name: new RegExp(`${tag}.c`) }).first()).toBeVisible({ timeout: 45_000 });
  // After the restart it still knew b (kept) and a (left out on purpose): neither is fetched again.
  await expect(page.getByRole('button', { name: new RegExp(`${tag}.b`) })).toHaveCount(1);
  expect(videoHits(media, `${tag}-a`)).toBe(0);
  expect(videoHits(media, `${tag}-b`)).toBe(bHits);
});
