import { describe, expect, it } from 'vitest';
import { CSP, isAppUrlFor, isSafeExternalUrl, windowOptions } from './security';

describe('BrowserWindow security', () => {
  it('isolates the renderer', () => {
    const w = windowOptions('/p/index.cjs').webPreferences!;
    expect(w).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(w.preload).toBe('/p/index.cjs');
  });

  it('has a strict CSP: no inline or remote script, no eval', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(CSP).toContain("object-src 'none'");
  });

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
});

describe('isAppUrlFor', () => {
  it('trusts only the exact built page or the exact dev origin', () => {
    const file = { file: '/opt/VidKeep/resources/app/out/renderer/index.html' };
    expect(isAppUrlFor(file, 'file:///opt/VidKeep/resources/app/out/renderer/index.html')).toBe(true);
    expect(isAppUrlFor(file, 'file:///opt/VidKeep/resources/app/out/renderer/index.html#/library')).toBe(true);
    expect(isAppUrlFor(file, 'file:///opt/VidKeep/resources/app/out/renderer/index.html.evil')).toBe(false);
    expect(isAppUrlFor(file, 'file:///tmp/renderer/index.html')).toBe(false);
    expect(isAppUrlFor(file, 'https://example.com/renderer/index.html')).toBe(false);
    expect(isAppUrlFor(file, 'not a url')).toBe(false);
    const dev = { url: 'http://localhost:5173' };
    expect(isAppUrlFor(dev, 'http://localhost:5173/settings')).toBe(true);
    expect(isAppUrlFor(dev, 'http://localhost:5173.evil.com/')).toBe(false);
    expect(isAppUrlFor(dev, 'http://localhost:51730/')).toBe(false);
  });
});
