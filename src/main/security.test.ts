import { describe, expect, it } from 'vitest';
import { CSP, isSafeExternalUrl, windowOptions } from './security';

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
