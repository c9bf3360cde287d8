/** The sites settings, saved beside the app settings; every change is validated before it is kept. */
import type { SitesConfig } from '../../shared/sites';
import { sitesConfigSchema, siteKeySchema } from '../../shared/sites';
import { VidKeepError } from '../../shared/errors';
import type { SettingsStore } from '../settings';
import { validateExtraArgs } from './extra-args';
import { unmaskProxy, validateProxy } from './proxy';

export const DEFAULT_SITES_CONFIG: SitesConfig = {
  pacing: {},
  bandwidth: { limitKBps: 0, hours: null },
  proxy: { global: '', perSite: {} },
  extraArgs: [],
  ytDlp: { channel: 'stable', autoUpdate: true },
};

const KEY = 'sites.config';

export type SitesPatch = Partial<SitesConfig>;

const siteKey = (raw: string): string => {
  const r = siteKeySchema.safeParse(raw);
  if (!r.success) throw new VidKeepError('invalid-input', `“${raw.slice(0, 80)}” is not a site name.`, 'Write it like youtube.com.', { reason: 'siteName', site: raw.slice(0, 80) });
  return r.data;
};

export interface SitesConfigStore {
  get(): SitesConfig;
  set(patch: SitesPatch, o: { desktop: boolean }): SitesConfig;
}

export function createSitesConfigStore(settings: Pick<SettingsStore, 'getRaw' | 'setRaw'>): SitesConfigStore {
  const get = (): SitesConfig => {
    const raw = settings.getRaw(KEY);
    if (!raw) return structuredClone(DEFAULT_SITES_CONFIG);
    try {
      const parsed = sitesConfigSchema.safeParse({ ...DEFAULT_SITES_CONFIG, ...(JSON.parse(raw) as object) });
      // A damaged value falls back to defaults rather than blocking downloads; the next save rewrites it.
      return parsed.success ? parsed.data : structuredClone(DEFAULT_SITES_CONFIG);
    } catch {
      return structuredClone(DEFAULT_SITES_CONFIG);
    }
  };
  return {
    get,
    set(patch, o) {
      const cur = get();
      const next: SitesConfig = structuredClone(cur);
      if (patch.pacing) next.pacing = Object.fromEntries(Object.entries(patch.pacing).map(([k, v]) => [siteKey(k), v]));
      if (patch.bandwidth) next.bandwidth = patch.bandwidth;
      if (patch.proxy) {
        next.proxy = {
          global: validateProxy(unmaskProxy(patch.proxy.global, cur.proxy.global)),
          perSite: Object.fromEntries(
            Object.entries(patch.proxy.perSite)
              .map(([k, v]) => [siteKey(k), validateProxy(unmaskProxy(v, cur.proxy.perSite[siteKey(k)] ?? ''))] as const)
              .filter(([, v]) => v !== ''),
          ),
        };
      }
      if (patch.extraArgs) {
        if (patch.extraArgs.length > 0 && !o.desktop) throw new VidKeepError('unauthorized', 'Extra yt-dlp options can only be set in the desktop app.', undefined, { reason: 'extraArgs' });
        next.extraArgs = validateExtraArgs(patch.extraArgs);
      }
      if (patch.ytDlp) next.ytDlp = patch.ytDlp;
      settings.setRaw(KEY, JSON.stringify(sitesConfigSchema.parse(next)));
      return next;
    },
  };
}
