import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWebApp, type AppProcess } from './launch';

export interface VidKeepApp {
  dataDir: string;
  libraryDir: string;
  current: AppProcess;
  /** Stop the app (SIGKILL for a crash) and start it again on the same folders; the page follows. */
  relaunch(signal?: NodeJS.Signals): Promise<void>;
}

type Fixtures = {
  dirs: { dataDir: string; libraryDir: string };
  app: VidKeepApp;
  appPage: Page;
};

export const test = base.extend<Fixtures>({
  dirs: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'vk-e2e-'));
    await use({ dataDir: join(root, 'data'), libraryDir: join(root, 'library') });
    rmSync(root, { recursive: true, force: true });
  },
  app: async ({ dirs }, use) => {
    const app: VidKeepApp = {
      ...dirs,
      current: await launchWebApp(dirs),
      async relaunch(signal = 'SIGTERM') {
        await app.current.kill(signal);
        app.current = await launchWebApp(dirs);
      },
    };
    await use(app);
    await app.current.kill('SIGTERM');
  },
  appPage: async ({ app, page }, use) => {
    await openApp(page, app.current.url);
    await use(page);
  },
});

/** Opens the UI and waits for its readiness signal (the app info arrived over the contract). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
}

export { expect };
