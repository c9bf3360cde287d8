import { test, expect } from './fixtures';
import { goToSubscriptions } from './helpers';

test('a schedule the scheduler cannot fire (L, W, #, ?) is refused when entered, and nothing is saved', async ({ vk, media }) => {
  const { page } = vk;
  await goToSubscriptions(page);
  await page.getByLabel('Subscription link').fill(`${media.url}/feed.xml?quartz=1`);
  await page.getByLabel('Check for new videos').selectOption({ label: 'Custom…' });
  const cron = page.getByLabel('Cron expression');
  await cron.fill('0 3 L * *');
  await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
  const alert = page.locator('.sub-add').getByRole('alert');
  await expect(alert).toContainText(/[“"]L[”"].*does not support/);
  await expect(cron).toHaveValue('0 3 L * *');
  await expect(page.locator('[data-subscription-id]')).toHaveCount(0);
});
