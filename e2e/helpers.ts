import { expect, type Page, type Locator } from '@playwright/test';

export async function paste(page: Page, text: string): Promise<void> {
  const field = page.getByLabel('Video links');
  await field.fill(text);
  await page.getByRole('button', { name: 'Download', exact: true }).click();
}

export async function goTo(page: Page, view: 'Library' | 'Downloads' | 'Queue' | 'Settings'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();
}

/** The downloads row for a job whose label (URL or title) contains `text`. */
export function jobRow(page: Page, text: string | RegExp): Locator {
  return page.locator('[data-job-id]').filter({ hasText: text });
}

export async function waitForState(row: Locator, state: string, timeout = 45_000): Promise<void> {
  await expect(row).toHaveAttribute('data-state', state, { timeout });
}

export async function goToSubscriptions(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Subscriptions', exact: true }).click();
}

/** The subscriptions row whose title or URL contains `text`. */
export function subscriptionRow(page: Page, text: string | RegExp): Locator {
  return page.locator('[data-subscription-id]').filter({ hasText: text });
}
