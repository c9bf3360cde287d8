import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { goTo, jobRow, paste, waitForState } from './helpers';

const VIEWS = ['Library', 'Downloads', 'Queue', 'Settings'] as const;

test('no serious or critical accessibility violations on each main screen, light and dark', async ({ vk, media }, testInfo) => {
  const { page } = vk;
  await paste(page, `${media.url}/v/axe-sample.mp4`);
  await goTo(page, 'Downloads');
  await waitForState(jobRow(page, /axe-sample/), 'succeeded');
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    for (const view of VIEWS) {
      await goTo(page, view);
      await page.waitForTimeout(0);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${view}/${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`${view.toLowerCase()}-${theme}.png`), fullPage: true });
    }
  }
});

test('the whole paste-to-play path with the keyboard only', async ({ vk, media }) => {
  const { page } = vk;
  // The URL field has focus at start: type and press Enter.
  await expect(page.getByLabel('Video links')).toBeFocused();
  await page.keyboard.type(`${media.url}/v/keyboard-only.mp4`);
  await page.keyboard.press('Enter');
  // Announced in the live region when done.
  await expect(page.getByRole('status').filter({ hasText: /Downloaded/ })).toBeVisible({ timeout: 45_000 });
  // Tab to the Library navigation button and open it.
  const lib = page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true });
  for (let i = 0; i < 30 && !(await lib.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(lib).toBeFocused();
  await page.keyboard.press('Enter');
  const card = page.getByRole('button', { name: /keyboard-only/ }).first();
  for (let i = 0; i < 40 && !(await card.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(card).toBeFocused();
  await page.keyboard.press('Enter');
  const video = page.locator('video');
  await expect(video).toBeVisible();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0);
  await video.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
});
