/**
 * VidKeep in a German browser: every main view, a pasted bad link and a refused download speak
 * German, with no English catalog text anywhere on the page (attributes included).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { jobRow, waitForState } from './helpers';
import { en } from '../src/shared/i18n/en';
import { de } from '../src/shared/i18n/de';
import { literalTexts } from '../test/i18n/catalog-check';

test.use({ locale: 'de-DE' });

const germanText = Object.values(de).join('\n');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English catalog's words as patterns: each literal piece of a message (placeholders cut out)
 * that has a word in it and is not also German (VidKeep, Downloads, yt-dlp, MP3 …).
 */
const ENGLISH = [...new Set(Object.values(en).flatMap((m) => literalTexts(m)).map((s) => s.trim()))]
  .filter((s) => /[A-Za-z]{3,}/.test(s) && !germanText.includes(s))
  .map((s) => ({ text: s, re: new RegExp(`(?<![A-Za-z])${escape(s)}(?![A-Za-z])`) }));

/** All text a person can see or hear on the page: visible text, and labels, titles and placeholders. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [document.body.innerText, ...attrs].join('\n');
  });
}

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  // yt-dlp's own words, quoted after "Meldung von yt-dlp:", are not VidKeep's to translate.
  const words = (await pageWords(page)).replace(new RegExp(`${escape(de['errors.ytdlpSaid'].replace('{detail}', ''))}[^\\n]*`, 'g'), '');
  const found = ENGLISH.filter((e) => e.re.test(words)).map((e) => e.text);
  expect(found, `English on the ${where} view`).toEqual([]);
}

async function goTo(page: Page, view: 'library' | 'downloads' | 'subscriptions' | 'queue' | 'settings'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: de[`view.${view}`], exact: true }).click();
  await expect(page.locator('main')).toHaveAttribute('aria-label', de[`view.${view}`]);
}

test('a German browser gets VidKeep in German, errors included', async ({ vk, media }, testInfo) => {
  test.setTimeout(90_000);
  const { page } = vk;
  // The check itself must be able to fail: the English catalog is long, and its words are found.
  expect(ENGLISH.length).toBeGreaterThan(300);
  expect(ENGLISH.some((e) => e.re.test('Your library is empty'))).toBe(true);

  await expect(page.locator('html')).toHaveAttribute('lang', 'de-DE');
  await expect(page.getByRole('heading', { name: de['library.empty.title'] })).toBeVisible();
  await expectNoEnglish(page, 'empty Library');
  await page.screenshot({ path: testInfo.outputPath('de-library-empty.png'), fullPage: true });

  // A good link, a link that is not a web link, and one the site refuses.
  await page.getByLabel(de['paste.label']).fill([`${media.url}/v/sonnenaufgang.mp4`, 'ftp://nope.example/datei', `${media.url}/fault/403/v/verboten.mp4`].join('\n'));
  await page.getByRole('button', { name: de['paste.submit'], exact: true }).click();
  await expect(page.getByText('VidKeep lädt nur Weblinks (http oder https), keine ftp-Links.')).toBeVisible();
  await expectNoEnglish(page, 'paste results');
  await page.screenshot({ path: testInfo.outputPath('de-paste-error.png') });

  await goTo(page, 'downloads');
  await waitForState(jobRow(page, /sonnenaufgang/), 'succeeded');
  const refused = jobRow(page, /verboten/);
  await waitForState(refused, 'failed');
  await expect(refused).toContainText('hat den Download verweigert (403 Forbidden).');
  await expect(refused).toContainText('Oft hilft es, yt-dlp zu aktualisieren');
  await expectNoEnglish(page, 'Downloads');
  await page.screenshot({ path: testInfo.outputPath('de-downloads.png'), fullPage: true });

  await goTo(page, 'library');
  await expect(page.getByRole('button', { name: /sonnenaufgang/ }).first()).toBeVisible();
  await expect(page.getByText('1 Video', { exact: true })).toBeVisible();
  await expectNoEnglish(page, 'Library');
  await page.screenshot({ path: testInfo.outputPath('de-library.png'), fullPage: true });

  await goTo(page, 'subscriptions');
  await expect(page.getByRole('heading', { name: de['subs.empty.title'] })).toBeVisible();
  await expectNoEnglish(page, 'Subscriptions');
  await page.screenshot({ path: testInfo.outputPath('de-subscriptions.png'), fullPage: true });

  await goTo(page, 'queue');
  await expect(page.getByRole('heading', { name: de['queue.history.title'] })).toBeVisible();
  await expect(page.getByRole('table').filter({ hasText: /verboten/ })).toBeVisible();
  await expectNoEnglish(page, 'Queue');
  await page.screenshot({ path: testInfo.outputPath('de-queue.png'), fullPage: true });

  await goTo(page, 'settings');
  await expect(page.getByLabel(de['settings.language'])).toHaveValue('system');
  // A folder that is not a full path is refused at the field, in German, and not saved.
  const folder = page.getByLabel(de['settings.libraryDir']);
  await folder.fill('Videos');
  await folder.press('Enter');
  await expect(page.getByText(de['settings.libraryDir.notFull'])).toBeVisible();
  await expect(folder).toHaveAttribute('aria-invalid', 'true');
  await expectNoEnglish(page, 'Settings');
  await page.screenshot({ path: testInfo.outputPath('de-settings.png'), fullPage: true });
});

test('the language chosen in Settings wins over the browser’s, and is kept', async ({ vk }) => {
  let page = vk.page;
  await goTo(page, 'settings');
  await page.getByLabel(de['settings.language']).selectOption('en');
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  page = await vk.relaunch();
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Language').selectOption('system');
  await expect(page.getByRole('navigation').getByRole('button', { name: de['view.library'], exact: true })).toBeVisible();
});
