import { describe, expect, it } from 'vitest';
import { createSitesConfigStore, DEFAULT_SITES_CONFIG } from './config';
import { createSites } from './index';

const memory = () => {
  const raw = new Map<string, string>();
  return { raw, settings: { getRaw: (k: string) => raw.get(k), setRaw: (k: string, v: string) => void raw.set(k, v) } };
};

describe('sites settings', () => {
  it('extra yt-dlp options only from the desktop app, and only allowlisted ones', () => {
    const { settings } = memory();
    const store = createSitesConfigStore(settings);
    expect(() => store.set({ extraArgs: ['--embed-subs'] }, { desktop: false })).toThrow(/only be set in the desktop app/);
    expect(() => store.set({ extraArgs: ['--exec', 'id'] }, { desktop: true })).toThrow(/runs a program/);
    expect(store.get().extraArgs).toEqual([]);
    expect(store.set({ extraArgs: ['--embed-subs'] }, { desktop: true }).extraArgs).toEqual(['--embed-subs']);
  });

  it('site names are normalised and checked; a bad proxy changes nothing', () => {
    const { settings } = memory();
    const store = createSitesConfigStore(settings);
    expect(store.set({ pacing: { 'WWW.YouTube.com': { sleepRequests: 2, sleepInterval: 1, maxSleepInterval: 2 } } }, { desktop: false }).pacing).toHaveProperty(['youtube.com']);
    expect(() => store.set({ pacing: { 'not a site/..': { sleepRequests: 0, sleepInterval: 0, maxSleepInterval: 0 } } }, { desktop: false })).toThrow(/is not a site name/);
    expect(() => store.set({ proxy: { global: 'gopher://x:70', perSite: {} } }, { desktop: false })).toThrow(/not supported/);
    expect(store.get().proxy.global).toBe('');
  });

  it('the view never carries a proxy password; saving the masked value keeps the real one', () => {
    const { settings } = memory();
    const sites = createSites({ dataDir: '/nonexistent-vk', desktop: false, settings });
    sites.set({ proxy: { global: 'http://me:hunter2@proxy.example:8080', perSite: { 'vimeo.com': 'socks5://a:b@s.example:1080' } } });
    const view = sites.view(null);
    expect(JSON.stringify(view)).not.toMatch(/hunter2|:b@/);
    sites.set({ proxy: view.config.proxy });
    expect(sites.config.get().proxy.global).toBe('http://me:hunter2@proxy.example:8080');
    expect(sites.config.get().proxy.perSite['vimeo.com']).toBe('socks5://a:b@s.example:1080');
  });

  it('a damaged saved value falls back to the defaults instead of stopping downloads', () => {
    const { raw, settings } = memory();
    raw.set('sites.config', '{"bandwidth": "fast"');
    expect(createSitesConfigStore(settings).get()).toEqual(DEFAULT_SITES_CONFIG);
    raw.set('sites.config', JSON.stringify({ bandwidth: { limitKBps: -5, hours: null } }));
    expect(createSitesConfigStore(settings).get()).toEqual(DEFAULT_SITES_CONFIG);
  });
});
