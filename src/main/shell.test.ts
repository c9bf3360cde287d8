// Boots the desktop shell (shell.ts, as index.ts does) against a fake of Electron typed by
// Electron's declarations, with the real core: real SQLite in a temp dir, real yt-dlp against the
// local media server. The cases run in order on one launch, as a user's session would.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { HandlerDetails } from 'electron';
import { startMediaServer, type MediaServer } from '../../test/fixtures/media-server';
import { processesMentioning } from '../core/downloads/harness.test-kit';
import type { Events } from '../shared/contract';
import type { InvokeEventLike } from './electron-api';
import { FakeWebContents, InstanceRegistry, makeFakeElectron } from './fake-electron.test-kit';
import { menuRoles } from './menu';
import { CSP } from './security';
import { createShell, type ShellDeps } from './shell';
import { wordsFor } from './words';
import type { ErrorInfo } from '../shared/errors';

const ROOT = join(import.meta.dirname, '../..');
const EXE = '/opt/VidKeep/vidkeep';

type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };
type Fake = ReturnType<typeof makeFakeElectron>;
type Win = Fake['windows'][number];

let dir: string;
let dataDir: string;
let libDir: string;
let server: MediaServer;
let registry: InstanceRegistry;
let f: Fake;
let win: Win;
let deps: ShellDeps;
let argvUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-shell-'));
  dataDir = join(dir, 'data');
  libDir = join(dir, 'lib');
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>VidKeep</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  server = await startMediaServer({ mediaDir: join(tmpdir(), 'vidkeep-test-media'), host: '127.0.0.1', port: 0 });
  argvUrl = `${server.url}/v/from-argv.mp4`;
  registry = new InstanceRegistry();
  const argv = [EXE, argvUrl];
  f = makeFakeElectron({ registry, argv, isPackaged: true, paths: { userData: join(dir, 'default-data'), videos: join(dir, 'Videos') } });
  deps = {
    argv,
    env: { VIDKEEP_DATA_DIR: dataDir, VIDKEEP_LIBRARY_DIR: libDir },
    platform: 'linux',
    resourcesPath: join(dir, 'resources'),
    rendererDir,
    preload: '/app/out/preload/index.cjs',
    nativeBinding: () => join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    core: { shutdownGraceMs: 300 },
  };
  const shell = createShell(f.electron, deps);
  f.electron.app.ready();
  await shell.started;
  win = f.windows[0]!;
});

afterAll(async () => {
  if (f?.electron.app.quitCalls === 0) {
    f.electron.app.quit();
    await f.electron.app.quitted;
  }
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const appEvent = (): InvokeEventLike => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
const invoke = (channel: string, payload: unknown, event: InvokeEventLike = appEvent()) => f.electron.ipcMain.invoke(event, 'vk:invoke', channel, payload) as Promise<Result>;
const value = async (channel: string, payload: unknown) => {
  const r = await invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
};

type JobChange = Events['jobs.changed'];
const urlOf = (c: JobChange) => c.job?.download?.url;
/** The first contract event sent to the window (already or later) that matches. */
function sentEvent<T>(name: string, pred: (payload: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const seen = win.webContents.sent.find((s) => s.args[0] === name && pred(s.args[1] as T));
  if (seen) return Promise.resolve(seen.args[1] as T);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event in ${timeoutMs} ms`)), timeoutMs);
    const on = (_channel: string, n: string, payload: T) => {
      if (n !== name || !pred(payload)) return;
      clearTimeout(timer);
      win.webContents.off('test:sent', on);
      resolve(payload);
    };
    win.webContents.on('test:sent', on);
  });
}
const jobEvent = (url: string, kind: JobChange['kind']) => sentEvent<JobChange>('jobs.changed', (c) => c.kind === kind && urlOf(c) === url);

describe('desktop shell against a typed fake of Electron', () => {
  it('boots: schemes registered once before ready, a packaged window on app://vidkeep/ without DevTools', async () => {
    expect(f.electron.protocol.privileged?.map((s) => s.scheme)).toEqual(['app', 'vidkeep-media']);
    expect([...f.electron.protocol.handlers.keys()].sort()).toEqual(['app', 'vidkeep-media']);
    expect(f.windows).toHaveLength(1);
    // The page itself came through the app protocol.
    await vi.waitFor(() => expect(win.loads).toEqual([{ url: 'app://vidkeep/index.html', status: 200 }]));
    expect(win.options.webPreferences).toMatchObject({ preload: deps.preload, sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(menuRoles(f.menu.template!).map((r) => r.toLowerCase())).not.toContain('toggledevtools');
    expect(menuRoles(f.menu.template!)).not.toContain('viewMenu');
    expect(f.menu.applied).not.toBeNull();
    // VIDKEEP_DATA_DIR became userData, and the real core keeps its database there.
    expect(f.electron.app.getPath('userData')).toBe(dataDir);
    expect(existsSync(join(dataDir, 'vidkeep.db'))).toBe(true);
    expect(f.calls.errorBoxes).toEqual([]);
  });

  it('queues a link given on the command line, and downloads it', async () => {
    await jobEvent(argvUrl, 'added');
    const done = await jobEvent(argvUrl, 'succeeded');
    expect(done.job?.state).toBe('succeeded');
  });

  it('IPC: accepted from the app’s own main frame, refused from any other frame or window', async () => {
    expect(await invoke('app.info', {})).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    const before = ((await value('queue.metrics', {})) as { counts: Record<string, number> }).counts;
    const add = { urls: [`${server.url}/v/should-not-be-added.mp4`] };
    const foreign: InvokeEventLike[] = [
      { sender: win.webContents, senderFrame: { url: 'https://evil.example/ad.html' } }, // a sub-frame of another site
      { sender: win.webContents, senderFrame: { url: 'app://vidkeep/index.html' } }, // a frame that only claims our URL
      { sender: win.webContents, senderFrame: null },
      { sender: new FakeWebContents(), senderFrame: { url: 'app://vidkeep/index.html' } }, // another window
    ];
    for (const event of foreign) {
      expect(await invoke('jobs.add', add, event)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    // Our own main frame, once navigated to another origin, is no longer trusted.
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invoke('jobs.add', add)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    win.webContents.mainFrame.url = 'app://vidkeep/index.html';
    expect(((await value('queue.metrics', {})) as { counts: Record<string, number> }).counts).toEqual(before);
    expect(await invoke('jobs.add', { urls: ['x'.repeat(300_000)] })).toMatchObject({ ok: false, error: { code: 'payload-too-large' } });
  });

  it('app protocol: answers with the built renderer and the CSP, refuses anything outside it', async () => {
    const page = await f.electron.protocol.fetch('app://vidkeep/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    for (const url of ['app://vidkeep/..%2fsecret.txt', 'app://vidkeep/%2e%2e/secret.txt', 'app://vidkeep/assets/..%5c..%5csecret.txt', 'app://elsewhere/secret.txt']) {
      const r = await f.electron.protocol.fetch(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(await r.text()).not.toContain('outside the renderer');
      expect(r.headers.get('content-security-policy')).toBe(CSP);
    }
  });

  it('navigation and new windows: only the app’s page; web links go to the system browser', () => {
    expect(win.webContents.dispatch('will-navigate', 'https://evil.example/')).toBe(true);
    expect(win.webContents.dispatch('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(win.webContents.dispatch('will-navigate', 'app://vidkeep/index.html#/library')).toBe(false);
    expect(win.webContents.dispatch('will-redirect', 'https://evil.example/')).toBe(true);
    expect(win.webContents.dispatch('will-attach-webview')).toBe(true);
    const open = (url: string): HandlerDetails => ({ url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'no-referrer' } });
    expect(win.webContents.openHandler!(open('https://example.com/watch?v=1'))).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler!(open('file:///etc/passwd'))).toEqual({ action: 'deny' });
    expect(f.calls.openExternal).toEqual(['https://evil.example/', 'https://example.com/watch?v=1']);
  });

  it('permission handlers: both present, both grant only needed permissions and only to the app origin', () => {
    const check = f.session.checkHandler!;
    expect(check(null, 'notifications', 'app://vidkeep', { isMainFrame: true })).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://vidkeep', { isMainFrame: true })).toBe(true);
    expect(check(null, 'notifications', 'https://evil.example', { isMainFrame: false })).toBe(false);
    expect(check(null, 'media', 'app://vidkeep', { isMainFrame: true })).toBe(false);
    const answers: boolean[] = [];
    const request = f.session.requestHandler!;
    request(win.webContents, 'fullscreen', (g) => answers.push(g), { requestingUrl: 'app://vidkeep/index.html', isMainFrame: true });
    request(win.webContents, 'fullscreen', (g) => answers.push(g), { requestingUrl: 'https://evil.example/', isMainFrame: false });
    request(win.webContents, 'geolocation', (g) => answers.push(g), { requestingUrl: 'app://vidkeep/index.html', isMainFrame: true });
    expect(answers).toEqual([true, false, false]);
  });

  it('media protocol: Range answers 206 with the right bytes, 416 past the end, ids only', async () => {
    const page = (await value('library.search', { query: '', limit: 10 })) as { items: Array<{ id: string }> };
    expect(page.items).toHaveLength(1);
    const id = page.items[0]!.id;
    const { path } = (await value('library.reveal', { videoId: id })) as { path: string };
    expect(f.calls.showItemInFolder).toEqual([path]);
    const bytes = readFileSync(path);
    const r = await f.electron.protocol.fetch(`vidkeep-media://video/${encodeURIComponent(id)}`, { headers: { range: 'bytes=100-1123' } });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes 100-1123/${bytes.length}`);
    expect(Buffer.from(await r.arrayBuffer()).equals(bytes.subarray(100, 1124))).toBe(true);
    const tail = await f.electron.protocol.fetch(`vidkeep-media://video/${encodeURIComponent(id)}`, { headers: { range: `bytes=${bytes.length - 10}-` } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 10))).toBe(true);
    const past = await f.electron.protocol.fetch(`vidkeep-media://video/${encodeURIComponent(id)}`, { headers: { range: `bytes=${bytes.length + 10}-` } });
    expect(past.status).toBe(416);
    expect((await f.electron.protocol.fetch('vidkeep-media://video/..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await f.electron.protocol.fetch(`vidkeep-media://file/${encodeURIComponent(id)}`)).status).toBe(404);

    // Subtitles beside the file come out as WebVTT, by id and language only.
    writeFileSync(path.replace(/\.[^.]+$/, '.en.srt'), '1\n00:00:01,000 --> 00:00:02,000\nHello <b>there</b>\n');
    expect(((await value('library.playback', { videoId: id })) as { subtitles: unknown[] }).subtitles).toEqual([{ lang: 'en', format: 'srt' }]);
    const sub = await f.electron.protocol.fetch(`vidkeep-media://sub/${encodeURIComponent(id)}/en`);
    expect(sub.status).toBe(200);
    expect(sub.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(await sub.text()).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello there\n');
    expect((await f.electron.protocol.fetch(`vidkeep-media://sub/${encodeURIComponent(id)}/..%2f..`)).status).toBe(404);
    expect((await f.electron.protocol.fetch(`vidkeep-media://sub/${encodeURIComponent(id)}/fr`)).status).toBe(404);
  });

  it('suspend/resume: sleep holds new work, waking resumes it, and never undoes the user’s Pause all', async () => {
    const pm = f.electron.powerMonitor;
    const paused = async () => ((await value('queue.metrics', {})) as { paused: boolean }).paused;
    await value('queue.pause', {});
    pm.emit('suspend');
    pm.emit('resume');
    expect(await paused()).toBe(true);
    await value('queue.resume', {});
    expect(await paused()).toBe(false);

    pm.emit('suspend');
    const slow = `${server.url}/slow/6000/v/while-asleep.mp4`;
    await value('jobs.add', { urls: [slow] });
    await jobEvent(slow, 'added');
    await new Promise((r) => setTimeout(r, 300));
    expect(win.webContents.sent.some((s) => s.args[0] === 'jobs.changed' && (s.args[1] as JobChange).kind === 'started' && urlOf(s.args[1] as JobChange) === slow)).toBe(false);
    pm.emit('resume');
    await jobEvent(slow, 'started');
  });

  it('single instance: a second launch quits at once, its link reaches the first, whose window comes forward', async () => {
    win.minimized = true;
    const link = `${server.url}/slow/6000/v/from-second-launch.mp4`;
    const second = makeFakeElectron({ registry, argv: [EXE, '--some-flag', link], isPackaged: true, paths: { userData: join(dir, 'x'), videos: join(dir, 'x') } });
    await createShell(second.electron, { ...deps, argv: [EXE, '--some-flag', link] }).started;
    expect(second.electron.app.quitCalls).toBe(1);
    expect(second.windows).toHaveLength(0);
    expect(second.electron.protocol.handlers.size).toBe(0);
    expect(win.restores).toBe(1);
    expect(win.focused).toBe(true);
    await jobEvent(link, 'added');
    await jobEvent(link, 'started');
  });

  it('taskbar progress shows one bar for the running downloads', async () => {
    const ids = await Promise.all(['while-asleep', 'from-second-launch'].map(async (n) => (await jobEvent(`${server.url}/slow/6000/v/${n}.mp4`, 'started')).jobId));
    for (const id of ids) {
      await sentEvent<Events['jobs.progress']>('jobs.progress', (b) => b.updates.some((u) => u.jobId === id && (u.progress.downloadedBytes ?? 0) > 0));
    }
    await vi.waitFor(() => expect(win.progress.at(-1)).toBeGreaterThan(0));
    expect(win.progress.at(-1)).toBeLessThan(1);
    expect(win.progress.every((p) => p === -1 || p === 2 || (p >= 0 && p <= 1))).toBe(true);
  });

  it('tray: overall progress in its tooltip, and Open / Pause all / Quit in its menu', async () => {
    const tray = f.trays[0]!;
    expect(tray.image).toBe(join(deps.resourcesPath, 'icon.png'));
    expect(tray.tooltips[0]).toBe('VidKeep');
    await vi.waitFor(() => expect(tray.tooltips.at(-1)).toMatch(/^VidKeep — 2 downloads, \d+%$/), { timeout: 15_000 });
    const menu = () => (tray.menus.at(-1) as unknown as { template: Array<{ label?: string; click?: () => void }> }).template;
    const item = (label: string) => menu().find((m) => m.label === label);
    expect(menu().map((m) => m.label ?? '-')).toEqual(['Open VidKeep', 'Pause all', '-', 'Quit VidKeep']);
    item('Pause all')!.click!();
    expect(((await value('queue.metrics', {})) as { paused: boolean }).paused).toBe(true);
    expect(item('Resume all')).toBeDefined();
    item('Resume all')!.click!();
    expect(((await value('queue.metrics', {})) as { paused: boolean }).paused).toBe(false);
    win.minimized = true;
    tray.emit('click');
    expect(win.minimized).toBe(false);
  });

  it('send to VidKeep: vidkeep://add links (second launch, open-url) are queued; what a paste rejects, they reject', async () => {
    expect(f.electron.app.protocolClients).toEqual(['vidkeep']);
    const link = `${server.url}/v/from-protocol.mp4`;
    const second = makeFakeElectron({ registry, argv: [EXE, `vidkeep://add?url=${encodeURIComponent(link)}`], isPackaged: true, paths: { userData: join(dir, 'y'), videos: join(dir, 'y') } });
    await createShell(second.electron, { ...deps, argv: [EXE, `vidkeep://add?url=${encodeURIComponent(link)}`] }).started;
    expect((await jobEvent(link, 'added')).job?.download?.origin).toBe('command-line');
    for (const hostile of ['file:///etc/passwd', '--exec=touch /tmp/x', 'javascript:alert(1)', '']) {
      const pasted = (await value('jobs.add', { urls: [hostile] })) as { jobs: Array<{ error?: ErrorInfo }> };
      const before = f.notifications.length;
      const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      f.electron.app.emit('open-url', e, `vidkeep://add?url=${encodeURIComponent(hostile)}`);
      expect(e.defaultPrevented).toBe(true);
      await vi.waitFor(() => expect(f.notifications.length).toBe(before + 1), { timeout: 15_000 });
      // Worded as the paste's error is worded in the UI (the catalog, English here).
      expect(f.notifications.at(-1)).toEqual({ title: 'VidKeep could not add a link', body: wordsFor('en', []).error(pasted.jobs[0]!.error!) });
    }
  });

  it('closing the window: quits without subscriptions; with one it keeps running in the tray and says so once', async () => {
    const close = () => {
      const e = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      win.emit('close', e);
      return e.defaultPrevented;
    };
    expect(close()).toBe(false);
    server.setFeed([{ name: 'bg-one', title: 'Background one' }], 'Background');
    await value('subscriptions.add', { url: `${server.url}/feed.xml`, initial: 'new' });
    const notes = f.notifications.length;
    expect(close()).toBe(true);
    expect(win.visible).toBe(false);
    await vi.waitFor(async () => expect(((await value('settings.get', {})) as { background: { toldKeepRunning: boolean } }).background.toldKeepRunning).toBe(true), { timeout: 15_000 });
    expect(f.notifications.slice(notes).map((n) => n.title)).toEqual(['VidKeep is still running']);
    expect(close()).toBe(true);
    expect(f.notifications.length).toBe(notes + 1);
    // The tray's Open brings it back.
    f.trays[0]!.emit('click');
    expect(win.visible).toBe(true);
    await value('settings.set', { background: { keepRunning: false } });
    expect(close()).toBe(false);
    await value('settings.set', { background: { keepRunning: true } });
  });

  it('start at login: off by default, follows the setting', async () => {
    expect(f.electron.app.loginItems).toEqual([{ openAtLogin: false }]);
    await value('settings.set', { background: { startAtLogin: true } });
    expect(f.electron.app.loginItems.at(-1)).toEqual({ openAtLogin: true });
    await value('settings.set', { background: { startAtLogin: false } });
    expect(f.electron.app.loginItems.at(-1)).toEqual({ openAtLogin: false });
  });

  it('before-quit waits while running downloads stop and go back to the queue, then quits', async () => {
    const running = ['while-asleep', 'from-second-launch'].map((n) => `${server.url}/slow/6000/v/${n}.mp4`);
    f.electron.app.quit();
    expect(f.electron.app.quitPrevented).toBe(1);
    await f.electron.app.quitted;
    expect(f.electron.app.quitCalls).toBe(2);
    const db = new Database(join(dataDir, 'vidkeep.db'), { readonly: true });
    try {
      const rows = db.prepare("SELECT json_extract(payload, '$.url') AS url, state, tries FROM jobs WHERE name = 'download'").all() as Array<{ url: string; state: string; tries: number }>;
      const byUrl = new Map(rows.map((r) => [r.url, r]));
      expect(byUrl.get(argvUrl)?.state).toBe('succeeded');
      for (const url of running) expect(byUrl.get(url)?.state, url).toBe('queued');
    } finally {
      db.close();
    }
    expect(processesMentioning(libDir)).toEqual([]);
  });
});

describe('a second launch while the first is still starting', () => {
  it('keeps the link and queues it once the core is up', async () => {
    const reg = new InstanceRegistry();
    const data = join(dir, 'early');
    const first = makeFakeElectron({ registry: reg, argv: [EXE], isPackaged: false, paths: { userData: data, videos: data } });
    const shell = createShell(first.electron, { ...deps, argv: [EXE], env: { VIDKEEP_DATA_DIR: join(data, 'data'), VIDKEEP_LIBRARY_DIR: join(data, 'lib') } });
    const link = `${server.url}/v/early-second-launch.mp4`;
    const second = makeFakeElectron({ registry: reg, argv: [EXE, link], isPackaged: false, paths: { userData: data, videos: data } });
    await createShell(second.electron, { ...deps, argv: [EXE, link] }).started;
    expect(second.electron.app.quitCalls).toBe(1);
    first.electron.app.ready();
    await shell.started;
    const w = first.windows[0]!;
    // Not packaged: DevTools and the stock View menu are there for development.
    expect(w.options.webPreferences?.devTools).toBe(true);
    expect(menuRoles(first.menu.template!)).toContain('viewMenu');
    await vi.waitFor(() => expect(w.webContents.sent.some((s) => s.args[0] === 'jobs.changed' && urlOf(s.args[1] as JobChange) === link)).toBe(true), { timeout: 10_000 });
    first.electron.app.quit();
    await first.electron.app.quitted;
  });
});
