/**
 * Fixture chain: fresh temp data + library folders -> the app (the headless host in Chromium, or
 * Electron where a binary exists) -> a page that has signalled readiness. `vk.relaunch('SIGKILL')`
 * crashes the app and starts it again on the same folders.
 */
import { test as base, expect, _electron, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWebApp, type AppProcess } from './launch';
import { startMediaServer, type MediaServer } from '../test/fixtures/media-server';
import { makeMedia } from '../test/fixtures/media';

export interface VidKeep {
  dataDir: string;
  libraryDir: string;
  page: Page;
  /** The web host's address (web project only). */
  url: string | null;
  relaunch(signal?: NodeJS.Signals): Promise<Page>;
}

type TestFixtures = { vk: VidKeep };
type WorkerFixtures = { media: MediaServer };

const root = join(import.meta.dirname, '..');

interface Running {
  page: Page;
  url: string | null;
  kill(signal: NodeJS.Signals): Promise<void>;
}

async function startWeb(browser: Browser, dirs: { dataDir: string; libraryDir: string }): Promise<Running> {
  const proc: AppProcess = await launchWebApp(dirs);
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openApp(page, proc.url);
  return {
    page,
    url: proc.url,
    async kill(signal) {
      await proc.kill(signal);
      await context.close().catch(() => undefined);
    },
  };
}

async function startElectron(electronPath: string, dirs: { dataDir: string; libraryDir: string }): Promise<Running> {
  const app = await _electron.launch({
    executablePath: electronPath,
    args: [root],
    env: { ...process.env, VIDKEEP_DATA_DIR: dirs.dataDir, VIDKEEP_LIBRARY_DIR: dirs.libraryDir } as Record<string, string>,
  });
  const page = await app.firstWindow();
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
  return {
    page,
    url: null,
    async kill(signal) {
      const pid = app.process().pid;
      if (signal === 'SIGKILL' && pid) {
        process.kill(pid, 'SIGKILL');
        await new Promise((r) => app.process().once('exit', r));
      } else await app.close();
    },
  };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  media: [
    async ({}, use) => {
      const mediaDir = join(tmpdir(), 'vk-e2e-media');
      await makeMedia(mediaDir);
      const server = await startMediaServer({ mediaDir });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  vk: async ({ browser }, use, testInfo) => {
    const tmp = mkdtempSync(join(tmpdir(), 'vk-e2e-'));
    const dirs = { dataDir: join(tmp, 'data'), libraryDir: join(tmp, 'library') };
    const electronPath = testInfo.project.metadata?.electronPath as string | undefined;
    const start = () => (electronPath ? startElectron(electronPath, dirs) : startWeb(browser, dirs));
    let running = await start();
    const vk: VidKeep = {
      ...dirs,
      page: running.page,
      url: running.url,
      async relaunch(signal = 'SIGTERM') {
        await running.kill(signal);
        running = await start();
        vk.page = running.page;
        vk.url = running.url;
        return running.page;
      },
    };
    await use(vk);
    await running.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  },
});

/** Opens the UI and waits for its readiness signal (app info arrived over the contract). */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('main[data-ready="true"]')).toBeVisible();
}

export { expect };
