// Fails when an item of the Electron security checklist regresses (see SECURITY.md for the list).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_HEADERS, APP_SCHEME_DEF, resolveAppFile, serveAppRequest } from './app-protocol';
import { MEDIA_SCHEME_DEF } from './media-protocol';
import { appMenuTemplate, menuRoles } from './menu';
import { ALLOWED_PERMISSIONS, permissionAllowed } from './permissions';
import { APP_ENTRY_URL, CSP, entryUrl, isAppUrlFor, isSafeExternalUrl, rendererEntry, windowOptions } from './security';
import { readYamlMap } from './yaml-map.test-kit';

const ROOT = join(import.meta.dirname, '../..');
const app = { kind: 'app' } as const;
const isApp = (u: string) => isAppUrlFor(app, u);

describe('BrowserWindow options (items 2, 3, 4, 6, 8, 9, 10, 11)', () => {
  it('isolates the renderer', () => {
    const w = windowOptions('/p/index.cjs').webPreferences!;
    expect(w).toMatchObject({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(w).not.toHaveProperty('enableBlinkFeatures');
  });

  it('has DevTools only when asked (the shell asks only when not packaged), off by default', () => {
    expect(windowOptions('/p').webPreferences!.devTools).toBe(false);
    expect(windowOptions('/p', undefined, { devTools: false }).webPreferences!.devTools).toBe(false);
    expect(windowOptions('/p', undefined, { devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('packaged menus carry no Toggle Developer Tools, neither directly nor through the View role', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = menuRoles(appMenuTemplate(platform, true)).map((r) => r.toLowerCase());
      expect(roles).not.toContain('toggledevtools');
      expect(roles).not.toContain('viewmenu');
      expect(roles).toContain('togglefullscreen');
    }
    expect(menuRoles(appMenuTemplate('linux', false))).toContain('viewMenu');
  });
});

describe('Content Security Policy (item 7)', () => {
  it('allows no inline or remote script, no eval, no plugins, no framing', () => {
    const d = Object.fromEntries(CSP.split(';').map((s) => s.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(CSP).not.toMatch(/unsafe-eval|\*|https?:|file:/);
  });

  it('the page’s meta CSP is the same as the header', () => {
    const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta?.replace(/\s+/g, ' ')).toBe(CSP);
  });
});

describe('app protocol instead of file:// (items 1, 18)', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-app-'));
    root = join(dir, 'renderer');
    outside = join(dir, 'secret.txt');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>VidKeep</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(outside, 'not for the page');
    symlinkSync(outside, join(root, 'assets', 'link.txt'));
  });
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  it('registers as standard + secure, never bypassing CSP or opening CORS', () => {
    for (const def of [APP_SCHEME_DEF, MEDIA_SCHEME_DEF]) {
      expect(def.privileges).toMatchObject({ standard: true, secure: true });
      expect(def.privileges?.bypassCSP).toBeFalsy();
      expect(def.privileges?.corsEnabled).toBeFalsy();
    }
    expect(APP_SCHEME_DEF.scheme).toBe('app');
  });

  it('loads only its own page: never file://, and a packaged build ignores ELECTRON_RENDERER_URL', () => {
    expect(entryUrl(rendererEntry({}, true))).toBe(APP_ENTRY_URL);
    expect(entryUrl(rendererEntry({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true))).toBe(APP_ENTRY_URL);
    expect(entryUrl(rendererEntry({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false))).toBe('http://localhost:5173');
    expect(entryUrl(rendererEntry({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false))).toBe(APP_ENTRY_URL);
    expect(entryUrl(rendererEntry({ ELECTRON_RENDERER_URL: 'file:///tmp/x.html' }, false))).toBe(APP_ENTRY_URL);
    const sources = ['shell.ts', 'window.ts', 'index.ts'].map((f) => readFileSync(join(import.meta.dirname, f), 'utf8')).join('\n');
    expect(sources).not.toMatch(/loadFile\(|file:\/\//);
  });

  it.each([
    ['app://vidkeep/', 'index.html'],
    ['app://vidkeep/index.html', 'index.html'],
    ['app://vidkeep/assets/app.js', 'assets/app.js'],
    ['app://vidkeep/assets/app.js?v=1#x', 'assets/app.js'],
  ])('resolves %s inside the renderer folder', (url, rel) => {
    expect(resolveAppFile(root, url)).toBe(join(root, rel));
  });

  // The URL parser folds dot segments (raw or %2e-encoded) before we see them, as Chromium does for a
  // standard scheme: what is left names a file inside the folder, or nothing.
  it.each(['app://vidkeep/../secret.txt', 'app://vidkeep/%2e%2e/secret.txt', 'app://vidkeep/assets/%2E%2E/%2E%2E/%2E%2E/secret.txt', 'app://vidkeep/.%2e/.%2E/secret.txt'])(
    'never leaves the folder for %s',
    async (url) => {
      const file = resolveAppFile(root, url);
      if (file !== null) expect(file.startsWith(join(root, '/'))).toBe(true);
      const r = await serveAppRequest(root, new Request(url));
      expect(r.status).not.toBe(200);
      expect(await r.text()).not.toContain('not for the page');
    },
  );

  it.each([
    'app://vidkeep/..%2fsecret.txt',
    'app://vidkeep/assets/..%2f..%2fsecret.txt',
    'app://vidkeep/..%5csecret.txt',
    'app://vidkeep/assets/..\\..\\secret.txt',
    'app://vidkeep//etc/passwd',
    'app://vidkeep/%2fetc%2fpasswd',
    'app://vidkeep/C:%5cWindows%5cwin.ini',
    'app://vidkeep/index.html%00.png',
    'app://vidkeep/%E0%A4%A',
    'app://vidkeep.evil/index.html',
    'app://vidkeep@evil/index.html',
    'app://vidkeep:8080/index.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://vidkeep/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it('serves the built renderer with the CSP header on every answer, refusals included', async () => {
    const ok = await serveAppRequest(root, new Request('app://vidkeep/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await ok.text()).toBe('console.log(1)');
    const answers = [
      ok,
      await serveAppRequest(root, new Request('app://vidkeep/')),
      await serveAppRequest(root, new Request('app://vidkeep/..%2fsecret.txt')),
      await serveAppRequest(root, new Request('app://vidkeep/missing.js')),
      await serveAppRequest(root, new Request('app://vidkeep/index.html', { method: 'POST', body: 'x' })),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 400, 404, 405]);
    for (const r of answers) {
      expect(r.headers.get('content-security-policy')).toBe(CSP);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(APP_HEADERS['content-security-policy']).toBe(CSP);
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const r = await serveAppRequest(root, new Request('app://vidkeep/assets/link.txt'));
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('not for the page');
  });
});

describe('navigation, new windows, IPC origin (items 13, 14, 15, 17)', () => {
  it.each([
    ['https://example.com/watch', true],
    ['http://example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://host/share', false],
    ['not a url', false],
  ])('openExternal %s -> %s', (url, ok) => {
    expect(isSafeExternalUrl(url)).toBe(ok);
  });

  it('trusts only the app origin, or in development the exact dev-server origin', () => {
    expect(isApp('app://vidkeep/index.html')).toBe(true);
    expect(isApp('app://vidkeep/index.html#/library')).toBe(true);
    expect(isApp('app://vidkeep')).toBe(true);
    for (const u of ['app://vidkeep.evil/', 'app://vidkeep@evil/', 'app://vidkeep:1/', 'app://other/', 'file:///x/renderer/index.html', 'https://vidkeep/', 'not a url']) {
      expect(isApp(u)).toBe(false);
    }
    const dev = { kind: 'dev', url: 'http://localhost:5173' } as const;
    expect(isAppUrlFor(dev, 'http://localhost:5173/settings')).toBe(true);
    expect(isAppUrlFor(dev, 'http://localhost:5173.evil.com/')).toBe(false);
    expect(isAppUrlFor(dev, 'http://localhost:51730/')).toBe(false);
    expect(isAppUrlFor(dev, 'app://vidkeep/index.html')).toBe(false);
  });
});

describe('permissions (item 5)', () => {
  it('grants only the needed permissions, and only to the app origin', () => {
    expect([...ALLOWED_PERMISSIONS].sort()).toEqual(['clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'notifications']);
    expect(permissionAllowed('notifications', 'app://vidkeep', isApp)).toBe(true);
    expect(permissionAllowed('notifications', 'app://vidkeep/index.html', isApp)).toBe(true);
    expect(permissionAllowed('notifications', 'https://evil.example', isApp)).toBe(false);
    expect(permissionAllowed('notifications', undefined, isApp)).toBe(false);
    for (const p of ['media', 'geolocation', 'openExternal', 'hid', 'usb', 'serial', 'display-capture', 'unknown']) {
      expect(permissionAllowed(p, 'app://vidkeep', isApp)).toBe(false);
    }
  });
});

describe('fuses and Electron version (items 16, 19)', () => {
  it('electron-builder.yml flips every fuse the checklist asks for', () => {
    const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(readYamlMap(yml, 'electronFuses')).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar and the integrity check mean nothing without an asar.
    expect(yml).toMatch(/^asar: true$/m);
  });

  it('uses a supported Electron', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Number(/\d+/.exec(pkg.devDependencies.electron ?? '')?.[0])).toBeGreaterThanOrEqual(45);
  });
});

// The preload runs against stand-ins for contextBridge/ipcRenderer: what it puts on window is the
// thing under test, and it must be the narrow bridge and nothing of Electron's.
const bridge = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoked: [] as unknown[][] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.set(key, api) },
  ipcRenderer: { on: () => undefined, invoke: (...args: unknown[]) => (bridge.invoked.push(args), Promise.resolve({ ok: true })) },
}));

describe('preload (item 20)', () => {
  it('exposes only invoke/on over declared channels, never ipcRenderer', async () => {
    await import('../preload/index');
    expect([...bridge.exposed.keys()]).toEqual(['vidkeep']);
    const api = bridge.exposed.get('vidkeep') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['host', 'invoke', 'on']);
    const invoke = api.invoke as (c: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
    expect(await invoke('shell.openExternal', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(bridge.invoked).toEqual([]);
    await invoke('app.info', {});
    expect(bridge.invoked).toEqual([['vk:invoke', 'app.info', {}]]);
  });
});

describe('readYamlMap (the fuse check’s reader)', () => {
  it('reads flat scalars and fails loudly on what it cannot read', () => {
    expect(readYamlMap('a: 1\nfuses: # c\n  x: true\n\n  y: "s" # c\n  z: 2\nb:\n  x: false\n', 'fuses')).toEqual({ x: true, y: 's', z: 2 });
    expect(() => readYamlMap('fuses:\n  x: true\n  x: false\n', 'fuses')).toThrow(/twice/);
    expect(() => readYamlMap('fuses:\n  x: {a: 1}\n', 'fuses')).toThrow(/cannot read/);
    expect(() => readYamlMap('other:\n  x: true\n', 'fuses')).toThrow(/found 0/);
  });
});
