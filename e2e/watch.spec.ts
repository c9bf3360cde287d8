import { test, expect, openApp } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Subtitles on (Settings, the real path to yt-dlp's --write-subs), then keep the watch page. */
async function keepWatchClip(page: Page, mediaUrl: string, name: string, captions = ''): Promise<void> {
  await goTo(page, 'Settings');
  // The box shows the saved setting: it turns checked once the host has stored it.
  await page.getByLabel('Download subtitles').click();
  await expect(page.getByLabel('Download subtitles')).toBeChecked();
  if (captions) {
    await page.getByLabel('Default captions').fill(captions);
    await page.getByLabel('Default captions').press('Enter');
    await expect(page.getByLabel('Default captions')).toHaveValue(captions);
  }
  await paste(page, `${mediaUrl}/watch/${name}.html`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, new RegExp(name)), 'succeeded');
  await goTo(page, 'Library');
}

const player = (page: Page) => page.locator('[data-player] video');
const currentTime = (page: Page) => player(page).evaluate((v: HTMLVideoElement) => v.currentTime);
const metadata = (page: Page) =>
  player(page).evaluate((v: HTMLVideoElement) => new Promise((r) => (v.readyState >= 1 ? r(null) : v.addEventListener('loadedmetadata', () => r(null), { once: true }))));

test('keyboard-only playback, a caption track showing, a chapter click seeks, resume after a reload', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await keepWatchClip(page, media.url, 'harbour-dawn', 'en');

  // Keyboard only: focus the card, open it, Tab to the video, then the shortcuts.
  await page.getByRole('button', { name: /harbour-dawn/ }).first().focus();
  await page.keyboard.press('Enter');
  await metadata(page);
  await page.keyboard.press('Tab');
  await expect(player(page)).toBeFocused();
  await page.keyboard.press('k');
  await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThan(1);
  await page.keyboard.press('k');
  expect(await player(page).evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await page.keyboard.press('0');
  expect(await currentTime(page)).toBe(0);
  await page.keyboard.press('l');
  expect(await currentTime(page)).toBeCloseTo(10, 0);
  await page.keyboard.press('j');
  expect(await currentTime(page)).toBeCloseTo(0, 0);
  await page.keyboard.press('ArrowRight');
  expect(await currentTime(page)).toBeCloseTo(5, 0);
  await page.keyboard.press('5');
  expect(await currentTime(page)).toBeCloseTo(6, 0);
  await page.keyboard.press('>');
  expect(await player(page).evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(1.25);
  await page.keyboard.press('m');
  expect(await player(page).evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
  await page.keyboard.press('?');
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();

  // Captions: one track per language, the English one (Settings) showing, its cues loaded as WebVTT.
  await expect
    .poll(() => player(page).evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).map((t) => `${t.language}:${t.mode}:${t.cues?.length ?? 0}`).sort().join(' ')), { timeout: 10_000 })
    .toBe('de:disabled:0 en:showing:2');
  await page.keyboard.press('c');
  expect(await player(page).evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).filter((t) => t.mode === 'showing').length)).toBe(0);
  await page.keyboard.press('c');
  await expect.poll(() => player(page).evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).find((t) => t.mode === 'showing')?.language)).toBe('en');

  // Chapters come from the file (ffprobe): listed beside the player, marked on the seek bar; a click seeks.
  const chapters = page.getByRole('navigation', { name: 'Chapters' });
  await expect(chapters.getByRole('button')).toHaveText([/Opening/, /Middle part/, /Finale/]);
  await expect(page.locator('.seek-mark')).toHaveCount(2);
  await chapters.getByRole('button', { name: /Finale/ }).click();
  expect(await currentTime(page)).toBeCloseTo(8, 0);
  await expect(chapters.getByRole('button', { name: /Finale/ })).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: testInfo.outputPath('player-watch.png') });
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Play a little from 3 s, pause (saved), reload: it resumes there.
  await chapters.getByRole('button', { name: /Opening/ }).click();
  await player(page).evaluate((v: HTMLVideoElement) => void (v.currentTime = 3));
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThan(3.5);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const stoppedAt = await currentTime(page);
  await expect(page.getByText(/Stopped at 0:0[34]/)).toBeVisible();
  await page.reload();
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Continue watching' })).toBeVisible();
  await page.getByRole('region', { name: 'Continue watching' }).getByRole('button', { name: /harbour-dawn/ }).click();
  await metadata(page);
  await expect(page.getByText(/Resumed at/)).toBeVisible();
  expect(await currentTime(page)).toBeCloseTo(stoppedAt, 0);
  await page.getByRole('button', { name: 'Start over' }).click();
  expect(await currentTime(page)).toBe(0);
});

test('watched filters, marked by hand, the same in a second tab live', async ({ vk, media, browser }) => {
  const { page } = vk;
  await keepWatchClip(page, media.url, 'quay-walk');
  await paste(page, `${media.url}/v/other-clip.mp4`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /other-clip/), 'succeeded');
  await goTo(page, 'Library');

  const other = await (await browser.newContext()).newPage();
  await openApp(other, vk.url!);
  const filter = (p: Page, value: string) => p.getByRole('combobox', { name: 'Watched', exact: true }).selectOption(value);
  await filter(other, 'watched');
  await expect(other.getByText('No videos match')).toBeVisible();

  await page.getByRole('button', { name: /quay-walk/ }).first().click();
  await page.getByRole('button', { name: 'Mark watched' }).click();
  await expect(page.getByRole('button', { name: 'Watched', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');

  // The other tab never reloaded: library.changed brought it.
  await expect(other.getByRole('button', { name: /quay-walk/ })).toBeVisible();
  await expect(other.getByRole('button', { name: /other-clip/ })).toHaveCount(0);
  await filter(other, 'unwatched');
  await expect(other.getByRole('button', { name: /other-clip/ })).toBeVisible();
  await expect(other.getByRole('button', { name: /quay-walk/ })).toHaveCount(0);
  await filter(page, 'in-progress');
  await expect(page.getByText('No videos match')).toBeVisible();
  await filter(page, 'watched');
  await expect(page.getByRole('button', { name: /quay-walk/ })).toBeVisible();
});

test('a subtitle search result opens the video at the moment the line is said', async ({ vk, media }) => {
  const { page } = vk;
  await keepWatchClip(page, media.url, 'lighthouse');
  await page.getByLabel('Search library').fill('keeper waves');
  const hits = page.getByRole('region', { name: 'Said in subtitles' });
  const hit = hits.getByRole('button', { name: /The lighthouse keeper waves hello/ });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('0:06');
  await hit.click();
  await metadata(page);
  expect(await currentTime(page)).toBeCloseTo(media.media.watch.line.startSec, 0);
  await expect(page.getByText(/Resumed at/)).toHaveCount(0);
});

test('a playlist kept whole has its own page: its order, count, size, how much is watched', async ({ vk, media }) => {
  const { page } = vk;
  const tag = `pl${Date.now().toString(36)}`;
  // Playlist order on purpose unlike title order and unlike the order downloads may finish in.
  media.setFeed([{ name: `${tag}-zeta`, title: `${tag} zeta` }, { name: `${tag}-alpha`, title: `${tag} alpha` }], `Trip ${tag}`);
  await paste(page, `${media.url}/feed.xml`);
  await page.getByRole('button', { name: 'Download all' }).click();
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, new RegExp(`${tag}.zeta`)), 'succeeded');
  await waitForState(jobRow(page, new RegExp(`${tag}.alpha`)), 'succeeded');
  await goTo(page, 'Library');
  await page.getByRole('button', { name: new RegExp(`${tag}-alpha`) }).first().click();
  await page.getByRole('button', { name: `Trip ${tag}` }).click();
  await expect(page.getByRole('heading', { name: `Trip ${tag}` })).toBeVisible();
  await expect(page.getByTestId('collection-stats')).toContainText('2 videos');
  await expect(page.getByTestId('collection-stats')).toContainText('0 watched (0 %)');
  const items = page.getByRole('list', { name: 'Videos' }).getByRole('listitem');
  await expect(items).toHaveText([new RegExp(`${tag}-zeta`), new RegExp(`${tag}-alpha`)]);
  await page.getByRole('button', { name: 'Mark all watched' }).click();
  await expect(page.getByTestId('collection-stats')).toContainText('2 watched (100 %)');
  await expect(items.filter({ hasText: 'Watched' })).toHaveCount(2);
});
